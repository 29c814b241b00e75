/**
 * One role of the failure tests (failure.test.ts) in a process of its own, so the test can
 * SIGKILL it at any instant: `node failure-child.ts relay|worker|scheduler`. It prints "ready"
 * once started and runs until killed (SIGTERM stops it cleanly).
 *
 * FAILURE_DATABASE_URL, FAILURE_PREFIX, FAILURE_RABBITMQ=1, FAILURE_POISON (the `n` its consumer
 * fails on), FAILURE_POISON_FIXED=1 (the handler is "fixed" and handles it).
 */
import { sql } from 'drizzle-orm';
import type { Envelope } from '#platform/bus/events.ts';
import type { HandlerContext } from '#platform/bus/subscription.ts';
import { openPostgres } from '#platform/db/postgres.ts';
import { createLogger } from '#platform/log/logger.ts';
import { ThingHappened, testBus } from '#test/support/bus.ts';
import { JobDue, testScheduler } from '#test/support/scheduler.ts';

export const THINGS_CONSUMER = 'worker.test.failure_things';
export const JOBS_CONSUMER = 'worker.test.failure_jobs';

const role = process.argv[2];
const env = (name: string) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

if (import.meta.main) {
  const log = createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'warn', name: `failure-${role}` });
  const db = await openPostgres({
    url: env('FAILURE_DATABASE_URL'),
    poolMax: 4,
    applicationName: `guildhall-test-failure-${role}`,
    log,
  });
  const prefix = env('FAILURE_PREFIX');
  const bus = testBus(db, { rabbitmq: process.env.FAILURE_RABBITMQ === '1' }, prefix, {
    log,
    overrides: { connectionName: `guildhall-test-${prefix}${role}` },
  });
  const poison = Number(process.env.FAILURE_POISON ?? Number.NaN);
  const fixed = process.env.FAILURE_POISON_FIXED === '1';

  const record =
    (consumer: string) => async (event: Envelope<{ n: number; guildSeq?: number }>, ctx: HandlerContext) => {
      await ctx.tx.execute(
        sql`insert into public.test_effects (consumer, message_id, guild_id, n, guild_seq, attempt)
          values (${consumer}, ${event.id}, ${event.guildId}, ${event.payload.n}, ${event.payload.guildSeq ?? null}, ${ctx.attempt})`,
      );
    };
  bus.subscribe(
    THINGS_CONSUMER,
    ThingHappened,
    async (event, ctx) => {
      if (event.payload.n === poison && !fixed) throw new Error(`poison ${poison}`);
      await record(THINGS_CONSUMER)(event, ctx);
    },
    // One batch at a time: the test checks each guild's order.
    { concurrency: 1, batchSize: 16, maxAttempts: 3, backoff: { baseMs: 20, maxMs: 100 } },
  );
  bus.subscribe(JOBS_CONSUMER, JobDue, record(JOBS_CONSUMER), { batchSize: 16 });

  let stop: () => Promise<void>;
  if (role === 'relay') stop = (await bus.startRelay()).stop;
  else if (role === 'worker') stop = (await bus.startConsumers()).stop;
  else if (role === 'scheduler')
    stop = (await testScheduler(db, { config: { batchSize: 100 } }).start()).stop;
  else throw new Error(`unknown role ${role}`);
  process.stdout.write('ready\n');

  process.once('SIGTERM', async () => {
    await stop();
    await bus.close();
    await db.close();
    process.exit(0);
  });
}
