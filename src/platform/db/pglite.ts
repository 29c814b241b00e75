import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { type Database, type Db, type SqlSession, scopedTransactions } from './database.ts';
import { seedFromTemplate } from './pglite-template.ts';

export type PgliteOptions = {
  /** A directory, or undefined for an in-memory database (tests). */
  readonly dataDir: string | undefined;
};

/**
 * PGlite is Postgres compiled to WebAssembly: one single-user backend inside this process.
 * It serialises transactions itself, so SKIP LOCKED and advisory locks behave as on a server
 * with exactly one connection.
 */
export async function openPglite(options: PgliteOptions): Promise<Database> {
  if (options.dataDir) {
    seedFromTemplate(options.dataDir);
    mkdirSync(options.dataDir, { recursive: true });
  }
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    // The default 128 MB of shared buffers is most of the resident memory, and an embedded
    // community database is far smaller than that.
    postgresqlconf: ['shared_buffers=16MB', 'timezone=UTC'],
    // int8 as a string, as node-postgres does: Discord ids exceed 2^53.
    parsers: { 20: (value: string) => value },
  });
  const db = drizzle({ client }) as unknown as Db;

  type Queryable = Pick<PGlite, 'query' | 'exec'>;
  const sessionOn = (q: Queryable, inTransaction: boolean): SqlSession => ({
    async query(text, params) {
      const res = await q.query(text, params ? [...params] : undefined);
      return { rows: res.rows as never[], rowCount: res.affectedRows ?? res.rows.length };
    },
    async exec(script) {
      await q.exec(script);
    },
    transaction(fn) {
      if (inTransaction) throw new Error('nested transactions are not supported');
      return client.transaction((tx) => fn(sessionOn(tx, true)));
    },
  });
  const session = sessionOn(client, false);
  // One backend, so "a connection of one's own" means: no other session at the same time.
  // (PGlite's advisory locks are re-entrant within its single session and exclude nothing.)
  let sessionQueue: Promise<unknown> = Promise.resolve();

  return {
    kind: 'pglite',
    drizzle: db,
    description: options.dataDir ? `PGlite in ${options.dataDir}` : 'PGlite in memory',
    query: session.query,
    ...scopedTransactions(db),
    session(fn) {
      const run = sessionQueue.then(() => fn(session));
      sessionQueue = run.catch(() => {});
      return run;
    },
    async listen(channel, onNotify) {
      return client.listen(channel, (payload) => onNotify({ channel, payload }));
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}
