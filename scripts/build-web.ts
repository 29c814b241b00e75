/**
 * `npm run build:web`: builds the dashboard (web/) into web/dist, which the API serves at `/`.
 *
 *   --if-stale  build only when web/dist is missing or a file that went into it changed
 *               (compared by content hash with web/dist/.build-inputs.json, written by the build)
 *   --soft      never exit non-zero: `npm install` must not fail because of the dashboard, and
 *               `npm start` still serves the API (and a page saying how to build) without it
 *
 * `npm install` (postinstall) and `npm start` (prestart) run it with both.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const WEB_DIST = path.join(ROOT, 'web', 'dist');
const INPUTS = path.join(WEB_DIST, '.build-inputs.json');

/** Why web/dist needs building, or undefined when it is current. */
export function staleReason(): string | undefined {
  let recorded: Record<string, string>;
  try {
    recorded = JSON.parse(readFileSync(INPUTS, 'utf8')).inputs;
  } catch {
    return 'not built yet';
  }
  for (const [file, hash] of Object.entries(recorded)) {
    let now: string;
    try {
      now = createHash('sha256')
        .update(readFileSync(path.join(ROOT, file)))
        .digest('hex');
    } catch {
      return `${file} is gone`;
    }
    if (now !== hash) return `${file} changed`;
  }
  return undefined;
}

export async function buildWeb(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'web', 'vite.config.ts'), logLevel: 'warn' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const soft = args.includes('--soft');
  try {
    const reason = args.includes('--if-stale') ? staleReason() : 'asked to';
    if (reason) {
      process.stdout.write(`guildhall: building the dashboard (${reason}) …\n`);
      const started = performance.now();
      await buildWeb();
      process.stdout.write(
        `guildhall: dashboard built into web/dist in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
      );
    }
  } catch (error) {
    const missing = (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND';
    process.stderr.write(
      missing
        ? 'guildhall: cannot build the dashboard: its build tools are development dependencies (run `npm install` without --omit=dev). The API works without it.\n'
        : `guildhall: building the dashboard failed: ${(error as Error).stack ?? String(error)}\n`,
    );
    if (!soft) process.exitCode = 1;
  }
}
