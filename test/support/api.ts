import { sql } from 'drizzle-orm';
import { buildApi } from '#components/api.ts';
import { compose, type Runtime } from '#components/runtime.ts';
import { loadConfig } from '#platform/config/load.ts';
import type { HttpApp } from '#platform/http/types.ts';
import { type DatabaseFactory, quietLog, type TestDatabase } from './databases.ts';

export type TestApi = {
  readonly app: HttpApp;
  readonly runtime: Runtime;
  readonly database: TestDatabase;
  /** Creates an API token for `userId` and returns the Authorization header value. */
  bearer(userId: string, scopes: string[], options?: { guildId?: string; expiresAt?: Date }): Promise<string>;
  close(): Promise<void>;
};

/** The real API (every module's routes) over a scratch database, driven with `app.inject`. */
export async function startTestApi(
  factory: DatabaseFactory,
  env: Record<string, string> = {},
): Promise<TestApi> {
  const database = await factory.create();
  const config = loadConfig(
    { GUILDHALL_DATA_DIR: database.dataDir ?? '/tmp/guildhall-unused', ...env },
    { envFile: false },
  );
  const runtime = await compose(config, 'test', { db: database.db, log: quietLog });
  const app = await buildApi(runtime);
  await app.ready();
  return {
    app,
    runtime,
    database,
    async bearer(userId, scopes, options = {}) {
      const { token } = await runtime.core.tokens.create({
        userId,
        name: `test ${scopes.join(' ')}`,
        scopes,
        guildId: options.guildId,
        expiresAt: options.expiresAt,
      });
      return `Bearer ${token}`;
    },
    async close() {
      await app.close();
      await runtime.close();
      await database.dispose();
    },
  };
}

export type Fixture = {
  guildA: string;
  guildB: string;
  /** Owner of A. */
  alice: string;
  /** Plain member of A. */
  bob: string;
  /** Owner of B, not in A. */
  carol: string;
  /** Member of A holding a role with MANAGE_GUILD. */
  dave: string;
};

/** Two guilds with owners, a plain member and a Manage-Server member, written as the bot would. */
export async function seedTwoGuilds(runtime: Runtime): Promise<Fixture> {
  const f: Fixture = {
    guildA: '111111111111111111',
    guildB: '222222222222222222',
    alice: '333333333333333331',
    bob: '333333333333333332',
    carol: '333333333333333333',
    dave: '333333333333333334',
  };
  const dir = runtime.core.directory;
  for (const [id, username] of [
    [f.alice, 'alice'],
    [f.bob, 'bob'],
    [f.carol, 'carol'],
    [f.dave, 'dave'],
  ] as const) {
    await dir.upsertUser({ id, username });
  }
  const managers = '444444444444444441';
  await dir.syncGuild(
    { id: f.guildA, name: 'Alpha', ownerId: f.alice },
    [
      { id: f.guildA, name: '@everyone', permissions: 0n },
      { id: managers, name: 'Managers', permissions: 1n << 5n },
    ],
    [
      { userId: f.alice, roleIds: [] },
      { userId: f.bob, roleIds: [] },
      { userId: f.dave, roleIds: [managers] },
    ],
  );
  await dir.syncGuild(
    { id: f.guildB, name: 'Beta', ownerId: f.carol },
    [{ id: f.guildB, name: '@everyone', permissions: 0n }],
    [{ userId: f.carol, roleIds: [] }],
  );
  return f;
}

export async function countRows(runtime: Runtime, table: string): Promise<number> {
  const result = await runtime.db.withSystem((tx) =>
    tx.execute(sql.raw(`select count(*)::int as n from ${table}`)),
  );
  return (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
}
