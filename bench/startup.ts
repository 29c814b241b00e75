/**
 * `npm run bench -- startup [--runs N]`: time from process start to `/readyz` 200 and peak RSS
 * of `guildhall start` on embedded defaults, cold (empty data directory: initdb + migrations)
 * and warm (existing data). Baseline in the same run: a bare `node:http` server answering the
 * same probe, which is the floor any Node service pays.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { hasTemplate } from '../src/platform/db/pglite-template.ts';
import { freePort } from '../test/support/cli.ts';
import { against, fmt, print, printTable, ratio, summarize } from './report.ts';

const BIN = new URL('../bin/guildhall.js', import.meta.url).pathname;
const BASELINE = `require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')`;

type Sample = { readyMs: number; peakRssMb: number };

export async function main(args: string[]) {
  const { values } = parseArgs({ args, options: { runs: { type: 'string', default: '5' } } });
  const runs = Number(values.runs);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'guildhall-bench-startup-'));
  try {
    print(
      `Guildhall startup, embedded (PGlite), node ${process.version}, ${os.cpus().length} cores; ${runs} warm runs`,
    );
    const baseline: Sample[] = [];
    for (let i = 0; i < runs; i++) baseline.push(await measure(['-e', BASELINE], {}));
    const cold = await measure(['--liftoff-only', BIN, 'start'], { GUILDHALL_DATA_DIR: dataDir });
    const warm: Sample[] = [];
    for (let i = 0; i < runs; i++)
      warm.push(await measure(['--liftoff-only', BIN, 'start'], { GUILDHALL_DATA_DIR: dataDir }));

    const b = summarize(baseline.map((s) => s.readyMs));
    const w = summarize(warm.map((s) => s.readyMs));
    const rss = Math.max(...warm.map((s) => s.peakRssMb), cold.peakRssMb);
    printTable(
      'time to /readyz 200 (ms) and peak RSS (MB)',
      ['run', 'p50 ms', 'max ms', 'peak RSS MB', 'vs baseline'],
      [
        [
          'baseline: bare node:http',
          fmt(b.p50, 0),
          fmt(b.max, 0),
          fmt(Math.max(...baseline.map((s) => s.peakRssMb)), 0),
          '1.00×',
        ],
        [
          `guildhall start, cold (${hasTemplate() ? 'new data dir from install template' : 'initdb'} + migrations)`,
          fmt(cold.readyMs, 0),
          fmt(cold.readyMs, 0),
          fmt(cold.peakRssMb, 0),
          ratio(cold.readyMs, b.p50),
        ],
        [
          'guildhall start, warm',
          fmt(w.p50, 0),
          fmt(w.max, 0),
          fmt(Math.max(...warm.map((s) => s.peakRssMb)), 0),
          ratio(w.p50, b.p50),
        ],
      ],
    );
    print();
    print(`warm ready p50: ${against(w.p50 / 1000, 3, 's')}`);
    print(`cold ready:     ${against(cold.readyMs / 1000, 3, 's')}`);
    print(`peak RSS:       ${against(rss, 250, 'MB')}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return 0;
}

async function measure(argv: string[], env: Record<string, string>): Promise<Sample> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, argv, {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const url = `http://127.0.0.1:${port}/readyz`;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}`);
      try {
        const res = await fetch(url);
        if (res.ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    const readyMs = performance.now() - started;
    // Let background work that follows readiness (JIT tier-up, first requests) settle.
    await new Promise((r) => setTimeout(r, 1500));
    return { readyMs, peakRssMb: peakRss(child) };
  } finally {
    await stop(child);
  }
}

function peakRss(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
