import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * PGlite's first start runs initdb inside WebAssembly: several seconds and a few hundred MB.
 * `npm install` runs it once (scripts/prepare-embedded.ts) into a template under
 * node_modules/.cache, and a new data directory starts as a copy of it, which takes milliseconds.
 * Without a template (installed with --ignore-scripts), PGlite simply runs initdb itself.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const pgliteVersion: string = JSON.parse(
  readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
).version;

export const TEMPLATE_DIR = path.join(root, 'node_modules/.cache/guildhall', `pglite-${pgliteVersion}`);

export function hasTemplate(): boolean {
  return existsSync(path.join(TEMPLATE_DIR, 'PG_VERSION'));
}

/** Copies the template into an empty data directory; returns false when there is none. */
export function seedFromTemplate(dataDir: string): boolean {
  if (existsSync(path.join(dataDir, 'PG_VERSION')) || !hasTemplate()) return false;
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const partial = `${dataDir}.seeding-${process.pid}`;
  cpSync(TEMPLATE_DIR, partial, { recursive: true });
  rmSync(dataDir, { recursive: true, force: true });
  renameSync(partial, dataDir);
  return true;
}

/** Builds the template with `create` (which opens and closes a PGlite in `dir`). */
export async function buildTemplate(create: (dir: string) => Promise<void>): Promise<string> {
  if (hasTemplate()) return TEMPLATE_DIR;
  const building = `${TEMPLATE_DIR}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  await create(building);
  try {
    renameSync(building, TEMPLATE_DIR);
  } catch {
    rmSync(building, { recursive: true, force: true });
  }
  return TEMPLATE_DIR;
}
