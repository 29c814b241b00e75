import path from 'node:path';
import type { Config } from '../config/load.ts';
import type { Logger } from '../log/logger.ts';
import type { Database } from './database.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

/** PostgreSQL when DATABASE_URL is set, otherwise PGlite in GUILDHALL_DATA_DIR/pg. */
export async function openDatabase(config: Config, log: Logger, component: string): Promise<Database> {
  if (config.database.url) {
    return openPostgres({
      url: config.database.url,
      poolMax: config.database.poolMax,
      applicationName: `guildhall-${component}`,
      log,
    });
  }
  return openPglite({ dataDir: path.join(config.dataDir, 'pg') });
}
