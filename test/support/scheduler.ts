import { Type } from 'typebox';
import { defineEvent } from '#platform/bus/events.ts';
import type { Database } from '#platform/db/database.ts';
import { defineJobKind, type JobKind, type RecurringJob } from '#platform/scheduler/jobs.ts';
import {
  createScheduler,
  SCHEDULER_DEFAULTS,
  type Scheduler,
  type SchedulerConfig,
} from '#platform/scheduler/scheduler.ts';
import { createMetrics, type Registry } from '#platform/telemetry/metrics.ts';
import { quietLog } from './databases.ts';

export const JobDue = defineEvent({
  domain: 'test',
  name: 'JOB_DUE',
  version: 1,
  payload: Type.Object({ n: Type.Integer() }, { additionalProperties: false }),
});

/** Fires however late. */
export const TestJob = defineJobKind({ kind: 'test.job', event: JobDue });
/** Recorded as missed when more than a minute late. */
export const StrictJob = defineJobKind({ kind: 'test.strict', event: JobDue, maxLatenessMs: 60_000 });

export function testScheduler(
  db: Database,
  options: {
    kinds?: readonly JobKind[];
    recurring?: readonly RecurringJob[];
    config?: Partial<SchedulerConfig>;
    metrics?: Registry;
  } = {},
): Scheduler {
  const scheduler = createScheduler({
    db,
    log: quietLog,
    metrics: options.metrics ?? createMetrics('test'),
    config: { ...SCHEDULER_DEFAULTS, pollIntervalMs: 200, batchSize: 100, ...options.config },
  });
  for (const kind of options.kinds ?? [TestJob, StrictJob]) scheduler.registerKind(kind);
  for (const job of options.recurring ?? []) scheduler.registerRecurring(job);
  return scheduler;
}

/** Events the schedulers wrote into the outbox, by job key (their default correlation id). */
export async function firedEvents(db: Database) {
  const { rows } = await db.query<{ key: string; n: number; message: Record<string, unknown> }>(
    `select substr(message->>'correlationId', 5) as key, count(*)::int as n, min(message::text)::jsonb as message
     from bus.outbox where message->>'type' = 'test.job_due' group by 1`,
  );
  return new Map(rows.map((r) => [r.key, r]));
}
