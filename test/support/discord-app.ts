import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { buildApi } from '#components/api.ts';
import { compose, type Runtime } from '#components/runtime.ts';
import type { Cache } from '#platform/cache/cache.ts';
import { loadConfig } from '#platform/config/load.ts';
import type { HttpApp } from '#platform/http/types.ts';
import type { Module } from '#platform/module.ts';
import { type DatabaseFactory, pgliteFactory, quietLog, type TestDatabase } from './databases.ts';
import { DiscordStandin, type StandinBot, type StandinOptions } from './discord-standin/server.ts';

export type TestKey = { readonly privateKey: KeyObject; readonly publicKeyHex: string };

/** A real Ed25519 key pair, as the Developer Portal would show its public half. */
export function ed25519Pair(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return { privateKey, publicKeyHex: der.subarray(der.length - 32).toString('hex') };
}

/** Headers Discord would send with `body`, signed with `key` at `timestamp` (seconds). */
export function signed(key: TestKey, body: string, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = sign(null, Buffer.from(`${timestamp}${body}`), key.privateKey).toString('hex');
  return {
    'content-type': 'application/json',
    'x-signature-ed25519': signature,
    'x-signature-timestamp': String(timestamp),
  };
}

export type TestBot = StandinBot & { key: TestKey; modules?: string[] };

export type DiscordApp = {
  readonly app: HttpApp;
  readonly runtime: Runtime;
  readonly standin: DiscordStandin;
  readonly database: TestDatabase;
  readonly bots: readonly TestBot[];
  /** POSTs `payload` to the interactions path of `bot`, signed with its key (or `key`). */
  interact(
    bot: TestBot,
    payload: unknown,
    options?: { path?: string; key?: TestKey; timestamp?: number; headers?: Record<string, string> },
  ): Promise<{ statusCode: number; json: () => Record<string, unknown> }>;
  close(): Promise<void>;
};

/**
 * The whole API (buildApi) with the real REST adapter pointed at a fresh stand-in, bot identities
 * with real key pairs, and the given modules: what Discord would talk to.
 */
export async function startDiscordApp(options: {
  bots: Array<{ name: string; id: string; modules?: string[] }>;
  modules: readonly Module[];
  databases?: DatabaseFactory;
  standin?: Partial<StandinOptions>;
  env?: Record<string, string>;
  deferAfterMs?: number;
  cache?: Cache;
}): Promise<DiscordApp> {
  const bots: TestBot[] = options.bots.map((b) => ({
    ...b,
    token: `token-${b.name}-${b.id}`,
    username: `Guildhall ${b.name}`,
    key: ed25519Pair(),
  }));
  const standin = await new DiscordStandin({ bots, ...options.standin }).start();
  const database = await (options.databases ?? pgliteFactory).create();
  const config = loadConfig(
    {
      HOST: '127.0.0.1',
      DISCORD_API_URL: standin.apiUrl,
      DISCORD_BOTS: JSON.stringify(
        bots.map((b) => ({
          name: b.name,
          token: b.token,
          applicationId: b.id,
          publicKey: b.key.publicKeyHex,
          ...(b.modules ? { modules: b.modules } : {}),
        })),
      ),
      ...options.env,
    },
    { envFile: false },
  );
  const runtime = await compose(config, 'test', {
    db: database.db,
    log: quietLog,
    extraModules: options.modules,
    deferAfterMs: options.deferAfterMs ?? 1000,
    globalRequestsPerSecond: 1000,
    ...(options.cache ? { cache: options.cache } : {}),
  });
  const app = await buildApi(runtime);
  await app.ready();
  return {
    app,
    runtime,
    standin,
    database,
    bots,
    async interact(bot, payload, opts = {}) {
      const body = JSON.stringify(payload);
      const res = await app.inject({
        method: 'POST',
        url: opts.path ?? `/interactions/${bot.name}`,
        headers: { ...signed(opts.key ?? bot.key, body, opts.timestamp), ...opts.headers },
        payload: body,
      });
      return { statusCode: res.statusCode, json: () => res.json() };
    },
    async close() {
      await app.close();
      await runtime.close();
      await standin.stop();
      await database.dispose();
    },
  };
}
