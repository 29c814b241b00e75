/**
 * `npm run bench -- <name> [options]`: runs bench/<name>.ts. Every benchmark prints its figures
 * next to a baseline measured in the same run on the same machine, and the ratio between them;
 * none of them asserts a timing (that belongs here, not in tests).
 */
import { existsSync, readdirSync } from 'node:fs';

const [name, ...args] = process.argv.slice(2);
const available = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'report.ts'].includes(f))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

if (!name || !available.includes(name)) {
  process.stderr.write(`usage: npm run bench -- <${available.join('|')}> [options]\n`);
  process.exit(name ? 2 : 0);
}
const file = new URL(`./${name}.ts`, import.meta.url);
if (!existsSync(file)) process.exit(2);
const bench = (await import(file.href)) as { main: (args: string[]) => Promise<number | undefined> };
process.exitCode = (await bench.main(args)) ?? 0;
