import { type ExtractTablesWithRelations, type SQL, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction, PgTransactionConfig } from 'drizzle-orm/pg-core';

/** The Drizzle handle; the same type whether PGlite or node-postgres is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Tx = PgTransaction<
  PgQueryResultHKT,
  Record<string, never>,
  ExtractTablesWithRelations<Record<string, never>>
>;
/** Either a transaction or the database itself: for reads that need no transaction of their own. */
export type Executor = Db | Tx;

export type QueryResult<T> = { rows: T[]; rowCount: number };

/** A single connection, for work that needs one: migrations, session-level advisory locks. */
export type SqlSession = {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Runs a script of several statements (simple query protocol). */
  exec(script: string): Promise<void>;
  /** BEGIN … COMMIT on this connection; rolled back if `fn` throws. */
  transaction<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
};

export type Notification = { channel: string; payload: string | undefined };
export type Unlisten = () => Promise<void>;

export type DatabaseKind = 'pglite' | 'postgres';

export type TransactionOptions = {
  readonly isolation?: 'read committed' | 'repeatable read' | 'serializable';
  readonly readOnly?: boolean;
};

/**
 * The database port. Two adapters: PGlite (embedded, in process) and PostgreSQL (node-postgres
 * pool). Everything above this interface is the same SQL on both.
 */
export type Database = {
  readonly kind: DatabaseKind;
  readonly drizzle: Db;
  /** One statement outside any transaction, on whichever connection is free. */
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /**
   * A transaction scoped to one guild: runs as `guildhall_app`, so row-level security admits
   * only rows whose guild_id equals `guildId`. Use it for everything a user's request touches.
   */
  withGuild<T>(guildId: string, fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** A transaction as `guildhall_system`, which bypasses row-level security (workers, bot). */
  withSystem<T>(fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Borrows one connection for the duration of `fn`. */
  session<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` for each NOTIFY on `channel`. After a lost connection it reconnects and
   * calls `onNotify` once with no payload, because notifications sent meanwhile are gone:
   * listeners must treat a wake-up as a hint and re-read the table.
   */
  listen(channel: string, onNotify: (n: Notification) => void): Promise<Unlisten>;
  /** Where the data lives, for logs and `guildhall doctor` (credentials removed). */
  readonly description: string;
  close(): Promise<void>;
};

export const APP_ROLE = 'guildhall_app';
export const SYSTEM_ROLE = 'guildhall_system';

export function assertSnowflake(id: string): void {
  if (!/^\d{1,20}$/.test(id)) throw new TypeError(`not a Discord id: ${JSON.stringify(id)}`);
}

/**
 * BEGIN … COMMIT around `fn`, with `preamble` (trusted SQL without parameters) run first inside
 * the transaction. Drizzle's own by default; PostgreSQL brings one that sends BEGIN and the
 * preamble in one round trip and never leaks a connection.
 */
export type TransactionRunner = <T>(
  fn: (tx: Tx) => Promise<T>,
  config: PgTransactionConfig | undefined,
  preamble: string,
) => Promise<T>;

const drizzleRunner =
  (db: Db): TransactionRunner =>
  (fn, config, preamble) =>
    db.transaction(async (tx) => {
      await tx.execute(sql.raw(preamble));
      return fn(tx);
    }, config);

/**
 * `withGuild` and `withSystem` for any Drizzle handle. The role and the guild are set with
 * `set_config(..., true)`, which lasts until the end of the transaction. They are inlined, not
 * bound: the guild id is checked to be digits and the roles are constants, and a statement
 * without parameters can travel with BEGIN in one simple-protocol message.
 */
export function scopedTransactions(
  db: Db,
  transaction: TransactionRunner = drizzleRunner(db),
): Pick<Database, 'withGuild' | 'withSystem'> {
  return {
    async withGuild(guildId, fn, options) {
      assertSnowflake(guildId);
      return transaction(
        fn,
        transactionConfig(options),
        `select set_config('app.guild_id', '${guildId}', true), set_config('role', '${APP_ROLE}', true)`,
      );
    },
    withSystem(fn, options) {
      return transaction(
        fn,
        transactionConfig(options),
        `select set_config('app.guild_id', '', true), set_config('role', '${SYSTEM_ROLE}', true)`,
      );
    },
  };
}

function transactionConfig(options: TransactionOptions | undefined): PgTransactionConfig | undefined {
  if (!options) return undefined;
  return {
    ...(options.isolation ? { isolationLevel: options.isolation } : {}),
    ...(options.readOnly ? { accessMode: 'read only' as const } : {}),
  };
}

/** Rows of a raw `execute` (both drivers return `{ rows }`). */
export async function rows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
