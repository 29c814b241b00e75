import path from 'node:path';
import type { Config } from '../config/load.ts';
import type { Logger } from '../log/logger.ts';
import type { Database } from './database.ts';

/**
 * PostgreSQL when DATABASE_URL is set, otherwise PGlite in GUILDHALL_DATA_DIR/pg. Each driver is
 * imported only when chosen: a process never loads the one it does not use.
 */
export async function openDatabase(config: Config, log: Logger, component: string): Promise<Database> {
  if (config.database.url) {
    const { openPostgres } = await import('./postgres.ts');
    return openPostgres({
      url: config.database.url,
      poolMax: config.database.poolMax,
      applicationName: `guildhall-${component}`,
      log,
    });
  }
  const { openPglite } = await import('./pglite.ts');
  return openPglite({ dataDir: path.join(config.dataDir, 'pg') });
}
