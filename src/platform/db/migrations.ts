import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database, SqlSession } from './database.ts';

/**
 * Committed SQL migrations. Each source (the platform, then each module in composition order)
 * owns a folder of `NNNN_name.sql` files; a migration's id is `<source>/<file>`. Every file runs
 * in its own transaction together with its bookkeeping row, unless its first line is
 * `-- guildhall:no-transaction` (for CREATE INDEX CONCURRENTLY and the like).
 */
export type Migration = {
  readonly id: string;
  readonly sql: string;
  readonly checksum: string;
  readonly transactional: boolean;
};

export type MigrationSource = { readonly name: string; readonly dir: URL };

export function loadMigrations(sources: readonly MigrationSource[]): Migration[] {
  const all: Migration[] = [];
  const seen = new Set<string>();
  for (const source of sources) {
    const dir = fileURLToPath(source.dir);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    for (const file of files) {
      if (!/^\d{4}_[a-z0-9_]+\.sql$/.test(file))
        throw new Error(`migration file name must look like 0001_name.sql: ${source.name}/${file}`);
      const id = `${source.name}/${file}`;
      if (seen.has(id)) throw new Error(`duplicate migration ${id}`);
      seen.add(id);
      const sql = readFileSync(new URL(file, ensureSlash(source.dir)), 'utf8');
      all.push({
        id,
        sql,
        checksum: createHash('sha256').update(sql.replaceAll('\r\n', '\n')).digest('hex'),
        transactional: !sql.startsWith('-- guildhall:no-transaction'),
      });
    }
  }
  return all;
}

function ensureSlash(url: URL): URL {
  return url.href.endsWith('/') ? url : new URL(`${url.href}/`);
}

export type MigrationProgress =
  | { type: 'locked'; waitedMs: number }
  | { type: 'plan'; pending: readonly string[]; applied: number }
  | { type: 'start'; id: string; index: number; total: number }
  | { type: 'done'; id: string; index: number; total: number; ms: number };

export type MigrateOptions = {
  readonly dryRun?: boolean;
  readonly onProgress?: (event: MigrationProgress) => void;
};

export type MigrationStatus = { applied: string[]; pending: string[]; changed: string[]; unknown: string[] };

export class MigrationError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
    this.code = code;
  }
}

/** An arbitrary fixed key: every Guildhall process migrating this database takes the same lock. */
const LOCK_KEY = 7_355_608_001;

const BOOKKEEPING = `
create schema if not exists meta;
create table if not exists meta.migrations (
  id text primary key,
  checksum text not null,
  applied_at timestamptz not null default now(),
  duration_ms integer not null
);`;

/**
 * Applies pending migrations under a session-level advisory lock, so replicas that start
 * together apply each migration exactly once: the second waits, then finds nothing to do.
 */
export async function migrate(db: Database, migrations: readonly Migration[], options: MigrateOptions = {}) {
  return db.session(async (s) => {
    const started = performance.now();
    await s.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      options.onProgress?.({ type: 'locked', waitedMs: Math.round(performance.now() - started) });
      await s.exec(BOOKKEEPING);
      const status = await statusOn(s, migrations);
      if (status.changed.length > 0) {
        throw new MigrationError(
          'MIGRATION_CHANGED',
          `Applied migrations were edited afterwards: ${status.changed.join(', ')}. Add a new migration instead of changing an applied one.`,
        );
      }
      options.onProgress?.({ type: 'plan', pending: status.pending, applied: status.applied.length });
      if (options.dryRun) return status;
      const byId = new Map(migrations.map((m) => [m.id, m]));
      let index = 0;
      for (const id of status.pending) {
        const m = byId.get(id);
        if (!m) continue;
        index += 1;
        options.onProgress?.({ type: 'start', id, index, total: status.pending.length });
        const t0 = performance.now();
        const apply = async (t: SqlSession) => {
          await t.exec(m.sql);
          const ms = Math.round(performance.now() - t0);
          await t.query('insert into meta.migrations (id, checksum, duration_ms) values ($1, $2, $3)', [
            id,
            m.checksum,
            ms,
          ]);
          return ms;
        };
        try {
          const ms = m.transactional ? await s.transaction(apply) : await apply(s);
          options.onProgress?.({ type: 'done', id, index, total: status.pending.length, ms });
        } catch (cause) {
          throw new MigrationError(
            'MIGRATION_FAILED',
            `Migration ${id} failed: ${(cause as Error).message}`,
            { cause },
          );
        }
      }
      return { ...status, applied: [...status.applied, ...status.pending], pending: [] };
    } finally {
      await s.query('select pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
    }
  });
}

export async function migrationStatus(
  db: Database,
  migrations: readonly Migration[],
): Promise<MigrationStatus> {
  return db.session(async (s) => {
    const exists = await s.query<{ ok: boolean }>(`select to_regclass('meta.migrations') is not null as ok`);
    if (!exists.rows[0]?.ok)
      return { applied: [], pending: migrations.map((m) => m.id), changed: [], unknown: [] };
    return statusOn(s, migrations);
  });
}

async function statusOn(s: SqlSession, migrations: readonly Migration[]): Promise<MigrationStatus> {
  const { rows } = await s.query<{ id: string; checksum: string }>(
    'select id, checksum from meta.migrations',
  );
  const applied = new Map(rows.map((r) => [r.id, r.checksum]));
  const known = new Set(migrations.map((m) => m.id));
  return {
    applied: migrations.filter((m) => applied.has(m.id)).map((m) => m.id),
    pending: migrations.filter((m) => !applied.has(m.id)).map((m) => m.id),
    changed: migrations.filter((m) => applied.has(m.id) && applied.get(m.id) !== m.checksum).map((m) => m.id),
    // Applied by a newer Guildhall: this build is older than the database.
    unknown: [...applied.keys()].filter((id) => !known.has(id)),
  };
}
