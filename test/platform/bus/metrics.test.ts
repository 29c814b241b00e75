import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { type MetricsEndpoint, serveMetrics } from '#components/metrics-endpoint.ts';
import type { Running } from '#components/running.ts';
import { compose, type Runtime } from '#components/runtime.ts';
import { startScheduler } from '#components/scheduler.ts';
import { startWorker } from '#components/worker.ts';
import { defineConsumer } from '#platform/bus/subscription.ts';
import { loadConfig } from '#platform/config/load.ts';
import { freePort } from '#test/support/cli.ts';
import { createEffectsTable, ThingHappened } from '../../support/bus.ts';
import { pgliteFactory, quietLog, type TestDatabase } from '../../support/databases.ts';
import { TestJob } from '../../support/scheduler.ts';

const CONSUMER = 'worker.test.metrics';
const GUILD = '100000000000000001';

/**
 * The bus's and the scheduler's metrics as Prometheus scrapes them from `guildhall worker` and
 * `guildhall scheduler` (METRICS_PORT): each one exists and moved when its event happened.
 */
describe('worker and scheduler metrics on METRICS_PORT', () => {
  let t: TestDatabase;
  let runtime: Runtime;
  let port: number;
  const running: Running[] = [];
  let failuresOf2 = 0;

  before(async () => {
    t = await pgliteFactory.create();
    await createEffectsTable(t.db);
    port = await freePort();
    const config = loadConfig({ METRICS_PORT: String(port), LOG_LEVEL: 'silent' }, { envFile: false });
    runtime = await compose(config, 'worker', {
      db: t.db,
      log: quietLog,
      bus: { pollIntervalMs: 50 },
      scheduler: { pollIntervalMs: 50 },
      extraModules: [
        {
          name: 'metricstest',
          consumers: [
            defineConsumer(
              CONSUMER,
              ThingHappened,
              async (event, ctx) => {
                // n = 2 fails once (a retry), n = 3 always (dead after its two attempts).
                if (event.payload.n === 2 && failuresOf2++ === 0) throw new Error('once');
                if (event.payload.n === 3) throw new Error('never');
                await ctx.tx.execute(
                  sql`insert into public.test_effects (consumer, message_id, n) values (${CONSUMER}, ${event.id}, ${event.payload.n})`,
                );
              },
              { maxAttempts: 2, backoff: { baseMs: 10, maxMs: 20 } },
            ),
          ],
          jobKinds: [TestJob],
        },
      ],
    });
    running.push(await startWorker(runtime), await startScheduler(runtime));
  });

  after(async () => {
    for (const r of running.reverse()) await r.stop();
    await runtime?.close();
    await t?.dispose();
  });

  const scrape = async () => {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/plain/);
    return res.text();
  };
  /** The value of the sample whose name and labels match, or undefined. */
  const sample = (text: string, name: string, labels: Record<string, string> = {}) => {
    for (const line of text.split('\n')) {
      if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
      if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
      return Number(line.slice(line.lastIndexOf(' ') + 1));
    }
    return undefined;
  };

  it('counts deliveries by outcome, handler time, retries, dead letters, outbox lag and the scheduler', async () => {
    const { bus, scheduler } = runtime;
    const one = ThingHappened.of({ n: 1 }, { guildId: GUILD });
    await t.db.withSystem(async (tx) => {
      await bus.publish(tx, one, ThingHappened.of({ n: 2 }, { guildId: GUILD }));
      await bus.publish(tx, ThingHappened.of({ n: 3 }, { guildId: GUILD }));
      await scheduler.schedule(tx, {
        key: 'metrics:now',
        kind: TestJob,
        dueAt: new Date(),
        guildId: null,
        payload: { n: 1 },
      });
      await scheduler.schedule(tx, {
        key: 'metrics:later',
        kind: TestJob,
        dueAt: new Date(Date.now() + 3_600_000),
        guildId: null,
        payload: { n: 2 },
      });
    });
    // The same message again: the consumer's inbox knows it.
    const deadline = Date.now() + 20_000;
    const effects = async () =>
      (await t.db.query<{ n: number }>('select count(*)::int as n from public.test_effects')).rows[0]?.n ?? 0;
    while ((await effects()) < 2 || (await bus.deadLetters.list({ queue: CONSUMER })).length === 0) {
      assert.ok(Date.now() < deadline, 'events handled and dead-lettered in time');
      await new Promise((r) => setTimeout(r, 50));
    }
    await t.db.withSystem((tx) => bus.publish(tx, one));
    let text = '';
    for (;;) {
      text = await scrape();
      const c = { consumer: CONSUMER };
      if (
        (sample(text, 'guildhall_bus_deliveries_total', { ...c, outcome: 'duplicate' }) ?? 0) >= 1 &&
        (sample(text, 'guildhall_scheduler_lag_seconds_count', { kind: 'test.job' }) ?? 0) >= 1
      )
        break;
      assert.ok(Date.now() < deadline, `a duplicate and a fired job in time:\n${text}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const c = { consumer: CONSUMER };
    assert.equal(sample(text, 'guildhall_bus_deliveries_total', { ...c, outcome: 'handled' }), 2);
    assert.equal(sample(text, 'guildhall_bus_deliveries_total', { ...c, outcome: 'retry' }), 2);
    assert.equal(sample(text, 'guildhall_bus_deliveries_total', { ...c, outcome: 'dead' }), 1);
    assert.equal(sample(text, 'guildhall_bus_deliveries_total', { ...c, outcome: 'duplicate' }), 1);
    assert.equal(sample(text, 'guildhall_bus_retries_total', c), 2);
    assert.equal(sample(text, 'guildhall_bus_dead_lettered_total', { ...c, code: 'HANDLER_FAILED' }), 1);
    assert.equal(sample(text, 'guildhall_bus_dead_letters', c), 1);
    assert.ok((sample(text, 'guildhall_bus_handler_duration_seconds_count', c) ?? 0) >= 5);
    assert.ok((sample(text, 'guildhall_bus_outbox_lag_seconds_count', { transport: 'embedded' }) ?? 0) >= 4);
    assert.ok((sample(text, 'guildhall_bus_relayed_total', { transport: 'embedded' }) ?? 0) >= 4);
    assert.equal(sample(text, 'guildhall_bus_outbox_pending'), 0);
    assert.equal(sample(text, 'guildhall_bus_outbox_oldest_seconds'), 0);
    assert.equal(sample(text, 'guildhall_scheduler_jobs_total', { kind: 'test.job', outcome: 'fired' }), 1);
    assert.equal(sample(text, 'guildhall_scheduler_jobs_pending'), 1, 'the job due in an hour');
    assert.equal(sample(text, 'guildhall_scheduler_jobs_overdue'), 0);
    assert.ok(
      (sample(text, 'guildhall_scheduler_lag_seconds_bucket', { kind: 'test.job', le: '+Inf' }) ?? 0) >= 1,
    );
    // Both roles of this process share one listener, which serves nothing else.
    assert.equal((await fetch(`http://127.0.0.1:${port}/`)).status, 404);
  });

  it('serves nothing without METRICS_PORT', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent' }, { envFile: false });
    const endpoint: MetricsEndpoint = await serveMetrics({ ...runtime, config });
    assert.equal(endpoint.port, undefined);
    await endpoint.stop();
  });
});
