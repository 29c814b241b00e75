import { readFileSync } from 'node:fs';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { type CoreServices, coreModule } from '#modules/core/index.ts';
import { type GamesService, gamesModule } from '#modules/games/index.ts';
import { BUS_DEFAULTS, type Bus, type BusConfig, createBus } from '#platform/bus/bus.ts';
import type { Cache } from '#platform/cache/cache.ts';
import { createMemoryCache } from '#platform/cache/memory.ts';
import { createRedisCache } from '#platform/cache/redis.ts';
import type { Config } from '#platform/config/load.ts';
import type { Database } from '#platform/db/database.ts';
import { loadMigrations, type Migration, type MigrationSource } from '#platform/db/migrations.ts';
import { openDatabase } from '#platform/db/open.ts';
import { createDiscordBots, type DiscordBots } from '#platform/discord/identities.ts';
import type { Authenticator } from '#platform/http/auth.ts';
import { createI18n, type I18n } from '#platform/i18n/i18n.ts';
import { createLogger, type Logger } from '#platform/log/logger.ts';
import type { Module } from '#platform/module.ts';
import {
  createScheduler,
  SCHEDULER_DEFAULTS,
  type Scheduler,
  type SchedulerConfig,
} from '#platform/scheduler/scheduler.ts';
import { traceDatabase } from '#platform/telemetry/hooks.ts';
import { createMetrics, type Registry } from '#platform/telemetry/metrics.ts';
import { startTelemetry } from '#platform/telemetry/start.ts';

export const VERSION: string = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
).version;

/** Migrations of the platform itself, applied before any module's. */
export const PLATFORM_MIGRATIONS: readonly MigrationSource[] = [
  { name: 'platform', dir: new URL('../platform/db/migrations/', import.meta.url) },
  { name: 'discord', dir: new URL('../platform/discord/migrations/', import.meta.url) },
  { name: 'bus', dir: new URL('../platform/bus/migrations/', import.meta.url) },
  { name: 'sched', dir: new URL('../platform/scheduler/migrations/', import.meta.url) },
  { name: 'live', dir: new URL('../platform/live/migrations/', import.meta.url) },
];

/**
 * Everything one process needs, wired by hand in this one place: the ports, then the modules
 * in dependency order. Components take from it what their role uses.
 */
export type Runtime = {
  readonly config: Config;
  readonly log: Logger;
  readonly metrics: Registry;
  readonly db: Database;
  readonly cache: Cache;
  readonly i18n: I18n;
  /** Every bot identity (or the one embedded sandbox identity): ports, registries, dispatchers. */
  readonly discord: DiscordBots;
  /** Publish events (`bus.publish(tx, …)`); the worker starts its relay and consumers. */
  readonly bus: Bus;
  /** Plan future actions (`scheduler.schedule(tx, …)`); `guildhall scheduler` dispatches them. */
  readonly scheduler: Scheduler;
  readonly modules: readonly Module[];
  readonly core: CoreServices;
  /** The games service (API, Discord side, benchmarks and tests use the same instance). */
  readonly games: GamesService;
  readonly authenticators: readonly Authenticator[];
  /** Counts failed authentications per address (in Redis when REDIS_URL is set, so replicas share it). */
  readonly authFailureLimiter: RateLimiterAbstract;
  readonly migrations: readonly Migration[];
  /** Work that outlives its request (follow-ups after a deferred interaction); awaited on close. */
  track(work: Promise<unknown>): void;
  close(): Promise<void>;
};

export type ComposeOptions = {
  /** Use this logger instead of creating one (tests). */
  readonly log?: Logger;
  /** Use this database instead of opening the configured one (tests). */
  readonly db?: Database;
  /** Use this cache instead of the configured one (tests). */
  readonly cache?: Cache;
  /** Modules added after the built-in ones (tests declare small Discord modules this way). */
  readonly extraModules?: readonly Module[];
  /** Defer interactions after this long instead of 2 s (tests). */
  readonly deferAfterMs?: number;
  /** Discord's global request rate per identity (tests against the stand-in raise it). */
  readonly globalRequestsPerSecond?: number;
  /** Overrides of the bus settings (tests: a queue prefix of their own, short poll intervals). */
  readonly bus?: Partial<BusConfig>;
  readonly scheduler?: Partial<SchedulerConfig>;
};

/** The bus settings of a process, from its configuration. */
export function busConfig(config: Config, component: string): BusConfig {
  return {
    ...BUS_DEFAULTS,
    rabbitmq: config.amqpUrl
      ? {
          url: config.amqpUrl,
          prefix: config.bus.prefix,
          prefetch: config.bus.prefetch,
          deliveryLimit: config.bus.deliveryLimit,
        }
      : undefined,
    relayBatchSize: config.bus.relayBatchSize,
    relayLoops: config.bus.relayLoops,
    pollIntervalMs: config.bus.pollIntervalMs,
    inboxRetentionDays: config.bus.inboxRetentionDays,
    connectionName: `guildhall-${component}${config.bus.prefix ? `-${config.bus.prefix}` : ''}`,
  };
}

export async function compose(
  config: Config,
  component: string,
  options: ComposeOptions = {},
): Promise<Runtime> {
  const log =
    options.log ?? createLogger({ level: config.log.level, pretty: config.log.pretty, name: component });
  const metrics = createMetrics(component);
  // Before anything that is traced; loads the OpenTelemetry and Sentry SDKs only when configured.
  const telemetry = await startTelemetry(config, component, log, VERSION);
  const db = traceDatabase(options.db ?? (await openDatabase(config, log, component)));
  // One Redis connection for the cache and the limiter; the process owns it. The client is
  // imported only when Redis is configured.
  const redis =
    config.redisUrl && !options.cache
      ? new (await import('ioredis')).Redis(config.redisUrl, { maxRetriesPerRequest: 3 })
      : undefined;
  redis?.on('error', (err) => log.warn({ err }, 'Redis connection failed'));
  const cache = options.cache ?? (redis ? createRedisCache({ redis }) : createMemoryCache());
  const authFailureLimiter = redis
    ? new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: 'gh:auth-fail',
        points: 10,
        duration: 60,
        blockDuration: 300,
        // Redis down must not lock everyone out: fall back to counting in this process.
        insuranceLimiter: new RateLimiterMemory({ points: 10, duration: 60, blockDuration: 300 }),
      })
    : new RateLimiterMemory({ keyPrefix: 'auth-fail', points: 10, duration: 60, blockDuration: 300 });
  const i18n = createI18n();

  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const p = work.catch(() => {}).finally(() => inFlight.delete(p));
    inFlight.add(p);
  };

  const discord = createDiscordBots({
    identities: config.discord.bots,
    apiUrl: config.discord.apiUrl,
    db,
    cache,
    log,
    i18n,
    ...(options.globalRequestsPerSecond ? { globalRequestsPerSecond: options.globalRequestsPerSecond } : {}),
  });

  const bus = createBus({ db, log, metrics, config: { ...busConfig(config, component), ...options.bus } });
  const scheduler = createScheduler({
    db,
    log,
    metrics,
    config: {
      ...SCHEDULER_DEFAULTS,
      batchSize: config.scheduler.batchSize,
      pollIntervalMs: config.scheduler.pollIntervalMs,
      historyDays: config.scheduler.historyDays,
      ...options.scheduler,
    },
  });

  const modules: Module[] = [];
  /** The modules a guild may turn on and off in its settings (core is always on). */
  const toggleable = () => modules.filter((m) => m.name !== 'core').map((m) => m.name);
  const core = coreModule({
    db,
    scopes: () => new Set(modules.flatMap((m) => Object.keys(m.scopes ?? {}))),
    moduleNames: toggleable,
    log,
    i18n,
    bots: discord,
    accessCacheTtlMs: config.accessCacheTtlMs,
    auth: {
      publicUrl: config.http.publicUrl,
      loopback: config.http.loopback,
      sessions: config.sessions,
      oauth:
        config.discord.clientId && config.discord.clientSecret
          ? {
              apiUrl: config.discord.apiUrl,
              clientId: config.discord.clientId,
              clientSecret: config.discord.clientSecret,
            }
          : undefined,
    },
  });
  modules.push(core.module);
  const games = gamesModule({
    db,
    bus,
    scheduler,
    access: core.services.access,
    settings: core.services.settings,
    bots: discord,
    i18n,
    log,
    publicUrl: config.http.publicUrl,
  });
  modules.push(games.module);
  modules.push(...(options.extraModules ?? []));

  discord.serve({
    modules: modules.map((m) => ({ name: m.name, discord: m.discord ?? {} })),
    authorize: core.services.authorizer,
    guildLocale: async (guildId) => (await core.services.settings.get(guildId)).locale,
    // Only the modules a guild may turn off (not core) are ever refused.
    moduleEnabled: async (guildId, module) =>
      !toggleable().includes(module) ||
      (await core.services.settings.get(guildId)).enabledModules.includes(module),
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
    track,
  });

  registerModules(modules, bus, scheduler);

  const migrations = loadMigrations([
    ...PLATFORM_MIGRATIONS,
    ...modules.flatMap((m) => (m.migrations ? [{ name: m.name, dir: m.migrations }] : [])),
  ]);

  return {
    config,
    log,
    metrics,
    db,
    cache,
    i18n,
    discord,
    bus,
    scheduler,
    modules,
    core: core.services,
    games: games.service,
    authenticators: core.authenticators,
    authFailureLimiter,
    migrations,
    track,
    async close() {
      await Promise.allSettled([...inFlight]);
      await core.services.close();
      if (!options.cache) await cache.close();
      if (redis) await redis.quit().catch(() => redis.disconnect());
      await bus.close();
      if (!options.db) await db.close();
      await telemetry.close();
    },
  };
}

/**
 * Hands every module's consumers, job kinds and recurring jobs to the bus and the scheduler,
 * and refuses two modules claiming the same event contract.
 */
export function registerModules(modules: readonly Module[], bus: Bus, scheduler: Scheduler): void {
  const owners = new Map<string, string>();
  for (const module of modules) {
    for (const event of module.events ?? []) {
      const id = `${event.type}@${event.version}`;
      const owner = owners.get(id);
      if (owner && owner !== module.name)
        throw new Error(
          `Event ${id} is declared by both ${owner} and ${module.name}; an event has one owner.`,
        );
      owners.set(id, module.name);
    }
    for (const consumer of module.consumers ?? []) bus.add(consumer);
    for (const kind of module.jobKinds ?? []) scheduler.registerKind(kind);
    for (const job of module.recurring ?? []) scheduler.registerRecurring(job);
  }
}
