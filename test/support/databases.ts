import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Database } from '#platform/db/database.ts';
import { type Migration, migrate } from '#platform/db/migrations.ts';
import { openPglite } from '#platform/db/pglite.ts';
import { openPostgres } from '#platform/db/postgres.ts';
import { createLogger } from '#platform/log/logger.ts';
import { assertReachable, SERVICES } from './services.ts';

export type TestDatabase = {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Database;
  /** DATABASE_URL for child processes (postgres only). */
  readonly url: string | undefined;
  /** PGlite data directory (pglite only). */
  readonly dataDir: string | undefined;
  dispose(): Promise<void>;
};

export type DatabaseFactory = {
  readonly kind: 'pglite' | 'postgres';
  /** A fresh, empty-or-migrated database of its own. */
  create(options?: { migrated?: boolean }): Promise<TestDatabase>;
};

export const quietLog = createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** Every migration the application knows, in order (platform first, then modules). */
export async function allMigrations(): Promise<Migration[]> {
  const { compose } = await import('#components/runtime.ts');
  const { loadConfig } = await import('#platform/config/load.ts');
  const fake = { kind: 'pglite' } as Database;
  const runtime = await compose(loadConfig({}, { envFile: false }), 'test', { db: fake, log: quietLog });
  return [...runtime.migrations];
}

const pgliteVersion = JSON.parse(
  readFileSync(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8'),
).version;

/**
 * PGlite's initdb takes seconds; copying a data directory takes milliseconds. Templates are made
 * once per migration set (keyed by checksums) and shared by every test process.
 */
async function template(migrations: readonly Migration[] | undefined): Promise<string> {
  const key = createHash('sha256')
    .update(pgliteVersion)
    .update(migrations ? migrations.map((m) => `${m.id}:${m.checksum}`).join('\n') : 'blank')
    .digest('hex')
    .slice(0, 16);
  const root = path.join(os.tmpdir(), 'guildhall-test-templates');
  const dir = path.join(root, `${migrations ? 'migrated' : 'blank'}-${key}`);
  if (existsSync(path.join(dir, 'PG_VERSION'))) return dir;
  mkdirSync(root, { recursive: true });
  const building = `${dir}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const db = await openPglite({ dataDir: building });
  if (migrations) await migrate(db, migrations);
  await db.close();
  try {
    renameSync(building, dir);
  } catch {
    // Another test process finished the same template first.
    rmSync(building, { recursive: true, force: true });
  }
  return dir;
}

/** A GUILDHALL_DATA_DIR holding a copy of a PGlite template (for CLI processes), not opened. */
export async function pgliteDataDir(options: {
  migrated: boolean;
}): Promise<{ dataDir: string; dispose(): void }> {
  const source = await template(options.migrated ? await allMigrations() : undefined);
  const dataDir = path.join(
    os.tmpdir(),
    `guildhall-test-data-${process.pid}-${randomBytes(6).toString('hex')}`,
  );
  cpSync(source, path.join(dataDir, 'pg'), { recursive: true });
  return { dataDir, dispose: () => rmSync(dataDir, { recursive: true, force: true }) };
}

export const pgliteFactory: DatabaseFactory = {
  kind: 'pglite',
  async create(options = {}) {
    const source = await template(options.migrated === false ? undefined : await allMigrations());
    const dataDir = path.join(os.tmpdir(), `guildhall-test-${process.pid}-${randomBytes(6).toString('hex')}`);
    cpSync(source, dataDir, { recursive: true });
    const db = await openPglite({ dataDir });
    return {
      kind: 'pglite',
      db,
      url: undefined,
      dataDir,
      async dispose() {
        await db.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

/** Scratch databases on the local PostgreSQL, each dropped after its test. */
export const postgresFactory: DatabaseFactory = {
  kind: 'postgres',
  async create(options = {}) {
    await assertReachable('postgres');
    const name = `guildhall_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    await adminQuery(`create database ${name}`);
    const url = urlFor(name);
    const db = await openPostgres({ url, poolMax: 10, applicationName: 'guildhall-test', log: quietLog });
    if (options.migrated !== false) await migrate(db, await allMigrations());
    return {
      kind: 'postgres',
      db,
      url,
      dataDir: undefined,
      async dispose() {
        await db.close();
        await adminQuery(`drop database if exists ${name} with (force)`);
      },
    };
  },
};

export function urlFor(database: string): string {
  const url = new URL(SERVICES.postgres);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(text: string, params?: unknown[]) {
  const client = new pg.Client({ connectionString: SERVICES.postgres });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
}

export const FACTORIES = [pgliteFactory, postgresFactory] as const;
