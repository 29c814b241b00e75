import { readFileSync } from 'node:fs';
import { type CoreServices, coreModule } from '#modules/core/index.ts';
import type { Config } from '#platform/config/load.ts';
import type { Database } from '#platform/db/database.ts';
import { loadMigrations, type Migration, type MigrationSource } from '#platform/db/migrations.ts';
import { openDatabase } from '#platform/db/open.ts';
import type { Authenticator } from '#platform/http/auth.ts';
import { createLogger, type Logger } from '#platform/log/logger.ts';
import type { Module } from '#platform/module.ts';
import { createMetrics, type Registry } from '#platform/telemetry/metrics.ts';

export const VERSION: string = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
).version;

/** Migrations of the platform itself, applied before any module's. */
export const PLATFORM_MIGRATIONS: readonly MigrationSource[] = [
  { name: 'platform', dir: new URL('../platform/db/migrations/', import.meta.url) },
  { name: 'discord', dir: new URL('../platform/discord/migrations/', import.meta.url) },
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
  readonly modules: readonly Module[];
  readonly core: CoreServices;
  readonly authenticators: readonly Authenticator[];
  readonly migrations: readonly Migration[];
  close(): Promise<void>;
};

export type ComposeOptions = {
  /** Use this logger instead of creating one (tests). */
  readonly log?: Logger;
  /** Use this database instead of opening the configured one (tests). */
  readonly db?: Database;
};

export async function compose(
  config: Config,
  component: string,
  options: ComposeOptions = {},
): Promise<Runtime> {
  const log =
    options.log ?? createLogger({ level: config.log.level, pretty: config.log.pretty, name: component });
  const metrics = createMetrics(component);
  const db = options.db ?? (await openDatabase(config, log, component));

  const modules: Module[] = [];
  const core = coreModule({
    db,
    scopes: () => new Set(modules.flatMap((m) => Object.keys(m.scopes ?? {}))),
    moduleNames: () => modules.filter((m) => m.name !== 'core').map((m) => m.name),
  });
  modules.push(core.module);

  const migrations = loadMigrations([
    ...PLATFORM_MIGRATIONS,
    ...modules.flatMap((m) => (m.migrations ? [{ name: m.name, dir: m.migrations }] : [])),
  ]);

  return {
    config,
    log,
    metrics,
    db,
    modules,
    core: core.services,
    authenticators: core.authenticators,
    migrations,
    async close() {
      if (!options.db) await db.close();
    },
  };
}
