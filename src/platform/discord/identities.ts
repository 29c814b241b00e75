import type { KeyObject } from 'node:crypto';
import type { Cache } from '../cache/cache.ts';
import type { BotIdentity } from '../config/load.ts';
import type { Database } from '../db/database.ts';
import type { I18n } from '../i18n/i18n.ts';
import type { Logger } from '../log/logger.ts';
import { cachedDiscord } from './cached.ts';
import { createRegistry, type ModuleDiscord, type Registry } from './commands/registry.ts';
import { type Authorizer, createDispatcher, type Dispatcher } from './interactions/dispatcher.ts';
import { ed25519PublicKey } from './interactions/verify.ts';
import { createLogDiscord, sandboxBotId } from './log.ts';
import type { Discord } from './port.ts';
import { createRestDiscord } from './rest.ts';
import { createSandbox, type Sandbox } from './sandbox.ts';

/** One bot identity at run time: its port, its interactions key, what it serves. */
export type Bot = {
  readonly name: string;
  /** The port, with cached look-ups when it talks to Discord. */
  readonly discord: Discord;
  /** Undefined in the embedded (sandbox) mode and for identities without a public key. */
  readonly publicKey: KeyObject | undefined;
  /** The token, for the Gateway (undefined in the embedded mode). */
  readonly token: string | undefined;
  /** Module names it serves, as configured; undefined: every module. */
  readonly configuredModules: readonly string[] | undefined;
  /** Its commands, components and modals (after `serve`). */
  readonly registry: Registry;
  /** Its interaction handling (after `serve`). */
  readonly dispatcher: Dispatcher;
};

export type ServeOptions = {
  /** Every module of the composition, with its Discord part (or none). */
  readonly modules: readonly ModuleDiscord[];
  /** Requirements decided by the one access policy (core's). */
  readonly authorize: Authorizer;
  readonly guildLocale?: (guildId: string) => Promise<string | undefined>;
  /** Whether a guild has a module turned on (its settings); see the dispatcher. */
  readonly moduleEnabled?: (guildId: string, module: string) => Promise<boolean>;
  readonly deferAfterMs?: number;
  readonly track?: (work: Promise<unknown>) => void;
};

export type DiscordBots = {
  /** True when no bot token is configured: the sandbox (log adapter) stands in for Discord. */
  readonly embedded: boolean;
  readonly all: readonly Bot[];
  /** The identity behind `POST /interactions` and for modules no identity names. */
  readonly primary: Bot;
  byName(name: string): Bot | undefined;
  /** The identity that serves `module`: its port is how that module talks to Discord. */
  forModule(module: string): Bot;
  /** The sandbox's administration (embedded mode only). */
  readonly sandbox: Sandbox | undefined;
  /** The sandbox bot's user id (embedded mode), for the demo seed. */
  readonly sandboxBotUserId: string | undefined;
  /**
   * Gives every identity the commands, components and modals of the modules it serves. Called
   * once the modules exist (they may need the ports, so the ports come first).
   */
  serve(options: ServeOptions): void;
};

export type DiscordBotsOptions = {
  readonly identities: readonly BotIdentity[];
  readonly apiUrl: string;
  readonly db: Database;
  readonly cache: Cache;
  readonly log: Logger;
  readonly i18n: I18n;
  /** Tests raise it to keep long runs short (Discord's own is 50 per second). */
  readonly globalRequestsPerSecond?: number;
};

/**
 * Every bot identity of the deployment (BlissBotV2 runs six in one process): each gets its own
 * REST client, hence its own rate-limit buckets, its own registry of the modules it serves and its
 * own interactions path. Without any token, one embedded identity serves everything.
 */
export function createDiscordBots(options: DiscordBotsOptions): DiscordBots {
  const embedded = options.identities.length === 0;
  const identities: readonly Pick<
    BotIdentity,
    'name' | 'token' | 'applicationId' | 'publicKey' | 'modules'
  >[] = embedded
    ? [{ name: 'default', token: '', applicationId: undefined, publicKey: undefined, modules: undefined }]
    : options.identities;

  const served = new Map<string, { registry: Registry; dispatcher: Dispatcher }>();
  const bots: Bot[] = identities.map((identity) => {
    const port = embedded
      ? createLogDiscord({ db: options.db, identity: identity.name })
      : cachedDiscord(
          createRestDiscord({
            identity: identity.name,
            token: identity.token,
            applicationId: identity.applicationId,
            apiUrl: options.apiUrl,
            log: options.log,
            ...(options.globalRequestsPerSecond
              ? { globalRequestsPerSecond: options.globalRequestsPerSecond }
              : {}),
          }),
          options.cache,
        );
    const part = () => {
      const s = served.get(identity.name);
      if (!s) throw new Error('the Discord bots are not serving any modules yet (call serve first)');
      return s;
    };
    return {
      name: identity.name,
      discord: port,
      publicKey: identity.publicKey ? ed25519PublicKey(identity.publicKey) : undefined,
      token: embedded ? undefined : identity.token,
      configuredModules: identity.modules,
      get registry() {
        return part().registry;
      },
      get dispatcher() {
        return part().dispatcher;
      },
    };
  });
  const primary = bots.find((b) => b.name === 'default') ?? (bots[0] as Bot);

  return {
    embedded,
    all: bots,
    primary,
    byName: (name) => bots.find((b) => b.name === name),
    // An identity that names the module wins over one that serves everything.
    forModule: (module) =>
      bots.find((b) => b.configuredModules?.includes(module)) ??
      bots.find((b) => !b.configuredModules) ??
      primary,
    sandbox: embedded ? createSandbox(options.db) : undefined,
    sandboxBotUserId: embedded ? sandboxBotId('default') : undefined,
    serve(serve) {
      const known = new Set(serve.modules.map((m) => m.name));
      for (const bot of bots)
        for (const m of bot.configuredModules ?? [])
          if (!known.has(m)) throw new Error(`bot identity "${bot.name}" names unknown module "${m}"`);
      for (const bot of bots) {
        const modules = serve.modules.filter(
          (m) => !bot.configuredModules || bot.configuredModules.includes(m.name),
        );
        const registry = createRegistry(modules, options.i18n);
        served.set(bot.name, {
          registry,
          dispatcher: createDispatcher({
            identity: bot.name,
            discord: bot.discord,
            registry,
            i18n: options.i18n,
            log: options.log,
            authorize: serve.authorize,
            ...(serve.guildLocale ? { guildLocale: serve.guildLocale } : {}),
            ...(serve.moduleEnabled ? { moduleEnabled: serve.moduleEnabled } : {}),
            ...(serve.deferAfterMs !== undefined ? { deferAfterMs: serve.deferAfterMs } : {}),
            ...(serve.track ? { track: serve.track } : {}),
          }),
        });
      }
    },
  };
}
