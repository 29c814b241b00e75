import { drizzle, NodePgTransaction } from 'drizzle-orm/node-postgres';
import type { PgTransactionConfig } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { redact } from '../config/variables.ts';
import type { Logger } from '../log/logger.ts';
import {
  type Database,
  type Db,
  type Notification,
  type SqlSession,
  scopedTransactions,
  type TransactionRunner,
  type Tx,
} from './database.ts';

export type PostgresOptions = {
  readonly url: string;
  readonly poolMax: number;
  readonly applicationName: string;
  readonly log: Logger;
};

export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax,
    application_name: options.applicationName,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (err) => options.log.warn({ err }, 'idle PostgreSQL connection failed'));
  // Nor may a checked-out one: the pool removes its own listener while a client is lent out, and
  // a backend terminated between two queries of a transaction (pg_terminate_backend, a restart)
  // emits 'error' on it then. Such a client is not queryable any more, so the pool drops it on
  // release instead of lending it again.
  pool.on('connect', (client) => {
    client.on('error', (err) => options.log.warn({ err }, 'PostgreSQL connection failed'));
  });
  const client = await pool.connect();
  client.release();

  const db = drizzle({ client: pool }) as unknown as Db;
  const listeners = new ListenerConnection(options);
  // One Drizzle transaction handle per pooled connection (it holds no state between uses).
  const handles = new WeakMap<pg.PoolClient, Tx>();

  /**
   * Transactions on a borrowed connection, not Drizzle's own: that one leaks the connection when
   * BEGIN itself fails (it releases only after a successful BEGIN), which a terminated backend
   * causes, and then the pool runs dry; and it needs a round trip for BEGIN before the role and
   * guild can be set. Here BEGIN and the preamble go as one message, the connection is always
   * given back, and it is destroyed rather than reused when the transaction failed on a broken
   * connection.
   */
  const transaction: TransactionRunner = async (fn, config, preamble) => {
    const client = await pool.connect();
    let tx = handles.get(client);
    if (!tx) {
      // Drizzle's transaction class over this one connection (what its own `transaction` builds).
      const { dialect, session } = drizzle({ client }) as unknown as { dialect: never; session: never };
      tx = new NodePgTransaction(dialect, session, undefined) as unknown as Tx;
      handles.set(client, tx);
    }
    let failure: Error | undefined;
    try {
      await client.query(`begin${beginMode(config)}; ${preamble}`);
      const result = await fn(tx);
      await client.query('commit');
      return result;
    } catch (error) {
      failure = error as Error;
      // Also after a failed BEGIN message: its preamble may have left an aborted transaction open.
      await client.query('rollback').catch(() => {});
      throw error;
    } finally {
      // A failed ROLLBACK leaves the connection in an unknown state: not reused either.
      client.release(failure && !(await isIdle(client)) ? failure : undefined);
    }
  };

  return {
    kind: 'postgres',
    drizzle: db,
    description: `PostgreSQL at ${redact(options.url)}`,
    async query(text, params) {
      const res = await pool.query(text, params ? [...params] : undefined);
      return { rows: res.rows, rowCount: res.rowCount ?? res.rows.length };
    },
    ...scopedTransactions(db, transaction),
    async session(fn) {
      const conn = await pool.connect();
      let broken: Error | undefined;
      const onError = (err: Error) => {
        broken = err;
      };
      conn.on('error', onError);
      let inTransaction = false;
      const session: SqlSession = {
        async query(text, params) {
          const res = await conn.query(text, params ? [...params] : undefined);
          return { rows: res.rows, rowCount: res.rowCount ?? res.rows.length };
        },
        async exec(script) {
          await conn.query(script);
        },
        async transaction(fn) {
          if (inTransaction) throw new Error('nested transactions are not supported');
          inTransaction = true;
          await conn.query('begin');
          try {
            const result = await fn(session);
            await conn.query('commit');
            return result;
          } catch (error) {
            await conn.query('rollback').catch(() => {});
            throw error;
          } finally {
            inTransaction = false;
          }
        },
      };
      try {
        return await fn(session);
      } finally {
        conn.off('error', onError);
        // A connection that errored (or holds session state such as advisory locks after a
        // failure) is destroyed rather than returned to the pool.
        conn.release(broken ?? undefined);
      }
    },
    listen: (channel, onNotify) => listeners.listen(channel, onNotify),
    async close() {
      await listeners.close();
      await pool.end();
    },
  };
}

/**
 * One dedicated connection per process carries every LISTEN. It reconnects with backoff and,
 * after a reconnect, wakes every listener once: notifications sent while it was down are lost.
 */
class ListenerConnection {
  readonly #options: PostgresOptions;
  readonly #handlers = new Map<string, Set<(n: Notification) => void>>();
  #client: pg.Client | undefined;
  #connecting: Promise<pg.Client> | undefined;
  #closed = false;
  #retryTimer: NodeJS.Timeout | undefined;

  constructor(options: PostgresOptions) {
    this.#options = options;
  }

  async listen(channel: string, onNotify: (n: Notification) => void) {
    let set = this.#handlers.get(channel);
    const first = !set;
    if (!set) {
      set = new Set();
      this.#handlers.set(channel, set);
    }
    set.add(onNotify);
    const client = await this.#connect();
    if (first) await client.query(`LISTEN ${quoteIdent(channel)}`);
    return async () => {
      set.delete(onNotify);
      if (set.size === 0) {
        this.#handlers.delete(channel);
        await this.#client?.query(`UNLISTEN ${quoteIdent(channel)}`).catch(() => {});
      }
    };
  }

  #connect(): Promise<pg.Client> {
    if (this.#client) return Promise.resolve(this.#client);
    this.#connecting ??= (async () => {
      const client = new pg.Client({
        connectionString: this.#options.url,
        application_name: `${this.#options.applicationName}-listen`,
        keepAlive: true,
      });
      client.on('notification', (msg) => {
        for (const handler of this.#handlers.get(msg.channel) ?? [])
          handler({ channel: msg.channel, payload: msg.payload });
      });
      client.on('error', (err) => this.#lost(client, err));
      client.on('end', () => this.#lost(client, undefined));
      await client.connect();
      this.#client = client;
      return client;
    })().finally(() => {
      this.#connecting = undefined;
    });
    return this.#connecting;
  }

  #lost(client: pg.Client, err: Error | undefined) {
    if (this.#client !== client) return;
    this.#client = undefined;
    if (this.#closed) return;
    this.#options.log.warn({ err }, 'LISTEN connection lost; reconnecting');
    this.#reconnect(1);
  }

  #reconnect(attempt: number) {
    const delay = Math.min(30_000, 250 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
    this.#retryTimer = setTimeout(async () => {
      if (this.#closed) return;
      try {
        const client = await this.#connect();
        for (const channel of this.#handlers.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`);
        for (const [channel, handlers] of this.#handlers)
          for (const h of handlers) h({ channel, payload: undefined });
        this.#options.log.info({ attempt }, 'LISTEN connection restored');
      } catch (err) {
        this.#options.log.warn({ err, attempt }, 'LISTEN reconnect failed');
        this.#reconnect(attempt + 1);
      }
    }, delay);
    this.#retryTimer.unref();
  }

  async close() {
    this.#closed = true;
    clearTimeout(this.#retryTimer);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => {});
  }
}

/** Whether a connection that just failed a transaction is usable: alive and outside any transaction. */
function beginMode(config: PgTransactionConfig | undefined): string {
  if (!config) return '';
  const parts: string[] = [];
  if (config.isolationLevel) parts.push(`isolation level ${config.isolationLevel}`);
  if (config.accessMode) parts.push(config.accessMode);
  if (config.deferrable !== undefined) parts.push(config.deferrable ? 'deferrable' : 'not deferrable');
  return parts.length > 0 ? ` ${parts.join(' ')}` : '';
}

async function isIdle(client: pg.PoolClient): Promise<boolean> {
  try {
    const { rows } = await client.query<{ idle: boolean }>(
      `select pg_current_xact_id_if_assigned() is null and now() = statement_timestamp() as idle`,
    );
    return rows[0]?.idle === true;
  } catch {
    return false;
  }
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
