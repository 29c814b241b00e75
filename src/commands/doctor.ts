import { accessSync, constants, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { compose, VERSION } from '#components/runtime.ts';
import { print, table } from '#platform/cli/output.ts';
import { type Config, ConfigError, loadConfig } from '#platform/config/load.ts';
import { redact } from '#platform/config/variables.ts';
import { type Database, rows } from '#platform/db/database.ts';
import { migrationStatus } from '#platform/db/migrations.ts';
import { openDatabase } from '#platform/db/open.ts';
import { createLogger } from '#platform/log/logger.ts';
import { probeCollector, probeSentry } from '#platform/telemetry/probe.ts';

type Status = 'ok' | 'warn' | 'fail' | 'off';
type Row = { check: string; status: Status; detail: string };

const TIMEOUT_MS = 5000;

/**
 * Checks the configuration and every configured service, prints one table, and exits non-zero
 * when anything failed. Unset services are reported as their embedded default.
 */
export async function doctorCommand(env: Record<string, string | undefined> = process.env): Promise<number> {
  const rows: Row[] = [];
  const add = (check: string, status: Status, detail: string) => rows.push({ check, status, detail });

  add('node', satisfiesNode() ? 'ok' : 'fail', `${process.version} (needs ≥ 22.18)`);
  let config: Config | undefined;
  try {
    config = loadConfig(env);
    add('configuration', 'ok', `valid; guildhall ${VERSION}`);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const p of error.problems) add('configuration', 'fail', `${p.variable} ${p.message}`);
  }
  if (config) {
    await checkDataDir(config, add);
    await checkDatabase(config, add);
    await checkAmqp(config, add);
    await checkRedis(config, add);
    await checkStorage(config, add);
    await checkDiscord(config, add);
    await checkTelemetry(config, add);
  }

  const mark: Record<Status, string> = { ok: 'ok', warn: 'WARN', fail: 'FAIL', off: '-' };
  print(
    table(
      ['check', 'status', 'detail'],
      rows.map((r) => [r.check, mark[r.status], r.detail]),
    ),
  );
  const failed = rows.filter((r) => r.status === 'fail').length;
  print();
  print(failed === 0 ? 'All checks passed.' : `${failed} check${failed === 1 ? '' : 's'} failed.`);
  return failed === 0 ? 0 : 1;
}

function satisfiesNode(): boolean {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 18);
}

async function checkDataDir(config: Config, add: (c: string, s: Status, d: string) => void) {
  if (config.database.url && config.s3) return;
  try {
    mkdirSync(config.dataDir, { recursive: true });
    accessSync(config.dataDir, constants.W_OK);
    add('data dir', 'ok', `${config.dataDir} is writable`);
  } catch (error) {
    add('data dir', 'fail', `${config.dataDir}: ${(error as Error).message}`);
  }
}

async function checkDatabase(config: Config, add: (c: string, s: Status, d: string) => void) {
  let db: Database | undefined;
  const log = createLogger({ level: 'silent' });
  try {
    db = await withTimeout(openDatabase(config, log, 'doctor'), config.database.url ? TIMEOUT_MS : 60_000);
    const [info] =
      (
        await db
          .query<{ version: string; num: number; user: string; app: boolean; sys: boolean }>(
            `select current_setting('server_version') as version, current_setting('server_version_num')::int as num, current_user as user,
                coalesce(pg_has_role(current_user, 'guildhall_app', 'MEMBER'), false) as app,
                coalesce(pg_has_role(current_user, 'guildhall_system', 'MEMBER'), false) as sys`,
          )
          .catch(async () =>
            db?.query<{ version: string; num: number; user: string; app: boolean; sys: boolean }>(
              `select current_setting('server_version') as version, current_setting('server_version_num')::int as num, current_user as user, false as app, false as sys`,
            ),
          )
      )?.rows ?? [];
    if (!info) throw new Error('no answer');
    const versionOk = info.num >= 150000;
    add(
      'database',
      versionOk ? 'ok' : 'fail',
      `${db.description}: PostgreSQL ${info.version} as ${info.user}${versionOk ? '' : ' (needs ≥ 15)'}`,
    );
    add(
      'database roles',
      info.app && info.sys ? 'ok' : 'warn',
      info.app && info.sys
        ? 'guildhall_app (RLS enforced) and guildhall_system (bypasses RLS) usable'
        : 'roles missing: `guildhall migrate` creates them, or see src/platform/db/README.md',
    );
    // Only the list of migrations is needed: no Redis, Discord or telemetry connections for it.
    const runtime = await compose(
      { ...config, redisUrl: undefined, otlpEndpoint: undefined, sentryDsn: undefined },
      'doctor',
      { db, log },
    );
    const status = await migrationStatus(db, runtime.migrations).finally(() => runtime.close());
    if (status.changed.length > 0)
      add('migrations', 'fail', `edited after being applied: ${status.changed.join(', ')}`);
    else if (status.pending.length > 0)
      add(
        'migrations',
        'warn',
        `${status.pending.length} pending (applied at start or by \`guildhall migrate\`)`,
      );
    else add('migrations', 'ok', `${status.applied.length} applied, none pending`);
    if (info.app && status.pending.length === 0) {
      const [enforced] = await db.withGuild('1', (tx) =>
        rows<{ u: string; rls: boolean }>(
          tx,
          sql`select current_user as u, row_security_active('core.guilds') as rls`,
        ),
      );
      add(
        'row-level security',
        enforced?.rls ? 'ok' : 'fail',
        enforced?.rls ? `active for ${enforced.u}` : 'NOT active for guild-scoped transactions',
      );
    }
  } catch (error) {
    add(
      'database',
      'fail',
      `${config.database.url ? redact(config.database.url) : 'PGlite'}: ${(error as Error).message}`,
    );
  } finally {
    await db?.close().catch(() => {});
  }
}

async function checkAmqp(config: Config, add: (c: string, s: Status, d: string) => void) {
  if (!config.amqpUrl) return add('bus', 'off', 'embedded (Postgres tables); set AMQP_URL for RabbitMQ');
  const { Connection } = await import('rabbitmq-client');
  const conn = new Connection({
    url: config.amqpUrl,
    retryLow: 100,
    retryHigh: 200,
    connectionTimeout: TIMEOUT_MS,
  });
  try {
    await withTimeout(conn.onConnect(TIMEOUT_MS, true), TIMEOUT_MS + 500);
    add('bus', 'ok', `RabbitMQ at ${redact(config.amqpUrl)}`);
  } catch (error) {
    add('bus', 'fail', `RabbitMQ at ${redact(config.amqpUrl)}: ${(error as Error).message}`);
  } finally {
    await conn.close().catch(() => {});
  }
}

async function checkRedis(config: Config, add: (c: string, s: Status, d: string) => void) {
  if (!config.redisUrl) return add('cache', 'off', 'in process; set REDIS_URL for Redis/Valkey');
  const { Redis } = await import('ioredis');
  const redis = new Redis(config.redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: TIMEOUT_MS,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await withTimeout(redis.connect(), TIMEOUT_MS);
    const info = await redis.info('server');
    const version = /redis_version:(\S+)/.exec(info)?.[1] ?? '?';
    add('cache', 'ok', `Redis ${version} at ${redact(config.redisUrl)}`);
  } catch (error) {
    add('cache', 'fail', `Redis at ${redact(config.redisUrl)}: ${(error as Error).message}`);
  } finally {
    redis.disconnect();
  }
}

async function checkStorage(config: Config, add: (c: string, s: Status, d: string) => void) {
  if (!config.s3)
    return add(
      'storage',
      'off',
      `local directory ${path.join(config.dataDir, 'storage')}; set S3_* for object storage`,
    );
  const url = new URL(config.s3.endpoint);
  try {
    await withTimeout(
      tcpReachable(url.hostname, Number(url.port || (url.protocol === 'https:' ? 443 : 80))),
      TIMEOUT_MS,
    );
    add('storage', 'ok', `S3 endpoint ${url.host} reachable (bucket ${config.s3.bucket})`);
  } catch (error) {
    add('storage', 'fail', `S3 endpoint ${url.host}: ${(error as Error).message}`);
  }
}

async function checkDiscord(config: Config, add: (c: string, s: Status, d: string) => void) {
  if (config.discord.bots.length === 0)
    return add('discord', 'off', 'no bot token: the log adapter records what would be sent');
  for (const bot of config.discord.bots) {
    try {
      const res = await fetch(`${config.discord.apiUrl}/v10/users/@me`, {
        headers: { authorization: `Bot ${bot.token}` },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (res.ok) {
        const me = (await res.json()) as { username?: string; id?: string };
        add(`discord ${bot.name}`, 'ok', `signed in as ${me.username} (${me.id})`);
      } else
        add(
          `discord ${bot.name}`,
          'fail',
          `Discord answered ${res.status} ${res.status === 401 ? '(token rejected)' : ''}`.trim(),
        );
    } catch (error) {
      add(`discord ${bot.name}`, 'fail', `${config.discord.apiUrl}: ${(error as Error).message}`);
    }
  }
}

async function checkTelemetry(config: Config, add: (c: string, s: Status, d: string) => void) {
  if (!config.otlpEndpoint) add('tracing', 'off', 'not configured; set OTEL_EXPORTER_OTLP_ENDPOINT');
  else {
    const probe = await probeCollector(config.otlpEndpoint, TIMEOUT_MS);
    const sampled = `${Math.round(config.otel.sampleRatio * 1000) / 10}% of new traces`;
    add('tracing', probe.status, probe.status === 'ok' ? `${probe.detail}; ${sampled}` : probe.detail);
  }
  if (!config.sentryDsn) add('error reports', 'off', 'not configured; set SENTRY_DSN');
  else {
    const probe = await probeSentry(config.sentryDsn, TIMEOUT_MS);
    add('error reports', probe.status, probe.detail);
  }
}

function tcpReachable(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port }, () => {
      socket.end();
      resolve();
    });
    socket.on('error', reject);
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref(),
    ),
  ]);
}
