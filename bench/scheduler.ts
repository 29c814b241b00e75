/**
 * `npm run bench -- scheduler [--jobs N] [--spread-ms MS] [--replicas R]`: the durable
 * scheduler against graphile-worker on the same PostgreSQL (a scratch database each).
 *
 * Two runs each:
 * - spread: N jobs due evenly over `spread-ms`; due→dispatch latency p50/p99 (a steady stream).
 * - burst: N jobs all due at the same instant; dispatches/s until the last one is out.
 *
 * "Dispatch" is, for Guildhall, the job's event written to the outbox (its row's fired_at, taken
 * in the claiming statement; the commit follows within the same round trip); for
 * graphile-worker, its task function starting. graphile-worker runs with concurrency 10 and a
 * 50 ms poll interval (its default of 2 s would be unfair: future jobs are only found by polling).
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Logger, makeWorkerUtils, run as runGraphile } from 'graphile-worker';
import { createScheduler, SCHEDULER_DEFAULTS } from '../src/platform/scheduler/scheduler.ts';
import { createMetrics } from '../src/platform/telemetry/metrics.ts';
import { postgresFactory, quietLog } from '../test/support/databases.ts';
import { TestJob } from '../test/support/scheduler.ts';
import { against, fmt, print, printTable, ratio, summarize } from './report.ts';

type Result = { p50: number; p99: number; max: number; perSecond: number; burstP99: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

export async function main(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      jobs: { type: 'string', default: '20000' },
      'spread-ms': { type: 'string', default: '10000' },
      replicas: { type: 'string', default: '1' },
    },
  });
  const jobs = Number(values.jobs);
  const spreadMs = Number(values['spread-ms']);
  const replicas = Number(values.replicas);
  print(
    `Scheduler: ${jobs} jobs, node ${process.version}, ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; ${replicas} Guildhall scheduler(s)`,
  );
  const ours = await guildhall(jobs, spreadMs, replicas);
  const theirs = await graphile(jobs, spreadMs);
  printTable(
    'due → dispatch latency (ms) and throughput',
    ['', 'spread p50', 'spread p99', 'spread max', 'burst p99', 'burst dispatches/s'],
    [
      ['guildhall', fmt(ours.p50), fmt(ours.p99), fmt(ours.max), fmt(ours.burstP99), fmt(ours.perSecond, 0)],
      [
        'graphile-worker',
        fmt(theirs.p50),
        fmt(theirs.p99),
        fmt(theirs.max),
        fmt(theirs.burstP99),
        fmt(theirs.perSecond, 0),
      ],
    ],
  );
  print();
  print(`latency p99: ${against(ours.p99, 25, 'ms')}`);
  print(
    `throughput: ${fmt(ours.perSecond, 0)}/s, ${ratio(ours.perSecond, theirs.perSecond)} graphile-worker's (target ≥ 1.0×: ${ours.perSecond >= theirs.perSecond ? 'met' : 'NOT met'})`,
  );
  return 0;
}

async function guildhall(jobs: number, spreadMs: number, replicas: number): Promise<Result> {
  const t = await postgresFactory.create();
  try {
    const schedulers = Array.from({ length: replicas }, () => {
      const s = createScheduler({
        db: t.db,
        log: quietLog,
        metrics: createMetrics('bench'),
        config: { ...SCHEDULER_DEFAULTS },
      });
      s.registerKind(TestJob);
      return s;
    });
    const running = await Promise.all(schedulers.map((s) => s.start()));
    const insert = async (label: string, first: number, span: number) => {
      // One statement: the bench measures dispatching, not 20,000 round trips of scheduling.
      await t.db.query(
        `insert into sched.jobs (key, kind, due_at, payload)
         select $1 || i, 'test.job', to_timestamp($2::float8 / 1000 + (i::float8 / $3) * $4 / 1000), jsonb_build_object('n', i)
         from generate_series(0, $3 - 1) i`,
        [`${label}:`, first, jobs, span],
      );
    };
    const lags = async (label: string) =>
      (
        await t.db.query<{ ms: number; fired: number }>(
          `select extract(epoch from fired_at - due_at) * 1000 as ms, extract(epoch from fired_at) * 1000 as fired
           from sched.jobs where key like $1`,
          [`${label}:%`],
        )
      ).rows;
    const drained = async () => {
      for (;;) {
        const { rows } = await t.db.query<{ n: number }>(
          `select count(*)::int as n from sched.jobs where status = 'pending'`,
        );
        if (rows[0]?.n === 0) return;
        await sleep(200);
      }
    };

    const spreadStart = Date.now() + 3000;
    await insert('spread', spreadStart, spreadMs);
    await sleep(spreadStart + spreadMs - Date.now());
    await drained();
    const spread = summarize((await lags('spread')).map((r) => Number(r.ms)));

    const burstAt = Date.now() + 3000;
    await insert('burst', burstAt, 0);
    await sleep(burstAt - Date.now());
    await drained();
    const burst = await lags('burst');
    const last = Math.max(...burst.map((r) => Number(r.fired)));
    await Promise.all(running.map((r) => r.stop()));
    return {
      p50: spread.p50,
      p99: spread.p99,
      max: spread.max,
      burstP99: summarize(burst.map((r) => Number(r.ms))).p99,
      perSecond: jobs / ((last - burstAt) / 1000),
    };
  } finally {
    await t.dispose();
  }
}

async function graphile(jobs: number, spreadMs: number): Promise<Result> {
  const t = await postgresFactory.create({ migrated: false });
  const connectionString = t.url as string;
  const logger = new Logger(() => () => {});
  const seen = new Map<string, { lag: number; at: number }>();
  let wanted = '';
  let done: () => void = () => {};
  try {
    const utils = await makeWorkerUtils({ connectionString, logger });
    await utils.migrate();
    const runner = await runGraphile({
      connectionString,
      logger,
      concurrency: 10,
      pollInterval: 50,
      noHandleSignals: true,
      taskList: {
        bench: async (payload) => {
          const now = Date.now();
          const p = payload as { run: string; id: string; due: number };
          seen.set(p.id, { lag: now - p.due, at: now });
          if (p.run === wanted && seen.size >= jobs) done();
        },
      },
    });
    const add = async (run: string, first: number, span: number) => {
      seen.clear();
      wanted = run;
      const finished = new Promise<void>((resolve) => {
        done = resolve;
      });
      for (let i = 0; i < jobs; i += 1000) {
        const specs = Array.from({ length: Math.min(1000, jobs - i) }, (_, k) => {
          const due = first + ((i + k) / jobs) * span;
          return {
            identifier: 'bench',
            payload: { run, id: randomUUID(), due },
            runAt: new Date(due),
          };
        });
        await utils.addJobs(specs);
      }
      return finished;
    };
    const spreadStart = Date.now() + 5000;
    await add('spread', spreadStart, spreadMs);
    const spread = summarize([...seen.values()].map((s) => s.lag));
    const burstAt = Date.now() + 5000;
    await add('burst', burstAt, 0);
    const burst = [...seen.values()];
    const last = Math.max(...burst.map((s) => s.at));
    await runner.stop();
    await utils.release();
    return {
      p50: spread.p50,
      p99: spread.p99,
      max: spread.max,
      burstP99: summarize(burst.map((s) => s.lag)).p99,
      perSecond: jobs / ((last - burstAt) / 1000),
    };
  } finally {
    await t.dispose();
  }
}
