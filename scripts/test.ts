/**
 * `npm test`: every suite, with node's test runner. Real-service suites (PostgreSQL, Redis,
 * RabbitMQ on localhost) are part of it; they are only left out when GUILDHALL_TEST_SERVICES is
 * set to `embedded`, and then the report says they were skipped.
 *
 *   npm test                         everything
 *   npm test -- test/platform        one folder (or files)
 *   npm test -- --embedded           without the real services
 */
import { spawn } from 'node:child_process';
import { globSync, statSync } from 'node:fs';

const args = process.argv.slice(2);
const env = { ...process.env };
if (args.includes('--embedded')) env.GUILDHALL_TEST_SERVICES = 'embedded';
const paths = args.filter((a) => !a.startsWith('--'));
const passthrough = args.filter((a) => a.startsWith('--') && a !== '--embedded');

const patterns =
  paths.length === 0
    ? ['test/**/*.test.ts']
    : paths.map((p) => (isDir(p) ? `${p.replace(/\/$/, '')}/**/*.test.ts` : p));
const files = patterns.flatMap((p) => globSync(p)).sort();
if (files.length === 0) {
  process.stderr.write(`no test files match ${patterns.join(' ')}\n`);
  process.exit(1);
}

// Most suites wait on I/O (databases, brokers, child processes): more than one per core.
const concurrency = env.GUILDHALL_TEST_CONCURRENCY ?? '3';
const child = spawn(
  process.execPath,
  [
    '--liftoff-only',
    '--import',
    './src/platform/boot/module-hooks.ts',
    '--test',
    `--test-concurrency=${concurrency}`,
    '--test-timeout=300000',
    ...passthrough,
    ...files,
  ],
  { stdio: 'inherit', env },
);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
