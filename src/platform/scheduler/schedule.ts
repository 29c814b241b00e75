import type { Static, TSchema } from 'typebox';
import { describeErrors } from '../bus/events.ts';
import { assertSnowflake, type Tx } from '../db/database.ts';
import { run } from '../db/statement.ts';
import { type JobKind, SchedulerError } from './jobs.ts';

/**
 * Upsert by key: scheduling a key again moves the job (and re-arms it if it already fired). In a
 * `withGuild` transaction the guild defaults to its scope, and row-level security refuses a key
 * that belongs to another guild instead of taking it over.
 */
export const UPSERT_JOB = `
insert into sched.jobs (key, kind, guild_id, due_at, payload, correlation_id)
values ($1, $2, coalesce($3::bigint, nullif(current_setting('app.guild_id', true), '')::bigint),
        $4::timestamptz, $5::jsonb, $6)
on conflict (key) do update set
  kind = excluded.kind, guild_id = excluded.guild_id, due_at = excluded.due_at,
  payload = excluded.payload, correlation_id = excluded.correlation_id, recurring = null,
  status = 'pending', fired_at = null, updated_at = now()`;

export const CANCEL_JOB = `delete from sched.jobs where key = $1 returning status`;

/** Pending jobs whose key starts with $1 (LIKE wildcards in the prefix are escaped). */
export const CANCEL_JOBS_BY_PREFIX = `
delete from sched.jobs where key like $1 escape '\\' and status = 'pending' returning key`;

export type ScheduleRequest<S extends TSchema> = {
  /** Stable and unique, e.g. `games:reminder:<game id>:<minutes>`. */
  readonly key: string;
  readonly kind: JobKind<S>;
  readonly dueAt: Date;
  /** Defaults to the guild of the surrounding `withGuild` transaction; null for none. */
  readonly guildId?: string | null;
  readonly payload: Static<S>;
  readonly correlationId?: string;
};

export async function scheduleJob<S extends TSchema>(tx: Tx, job: ScheduleRequest<S>): Promise<void> {
  if (typeof job.key !== 'string' || job.key.length < 1 || job.key.length > 300)
    throw new SchedulerError('JOB_INVALID', 'A job key is 1 to 300 characters long.');
  if (!(job.dueAt instanceof Date) || Number.isNaN(job.dueAt.getTime()))
    throw new SchedulerError('JOB_INVALID', `${job.key}: dueAt is not a valid date`);
  if (job.guildId) assertSnowflake(job.guildId);
  const validator = job.kind.event.validator;
  if (!validator.Check(job.payload))
    throw new SchedulerError(
      'JOB_INVALID',
      `${job.key}: the payload does not match ${job.kind.event.type}: ${describeErrors(validator, job.payload)}`,
    );
  await run(tx, UPSERT_JOB, [
    job.key,
    job.kind.kind,
    job.guildId ?? null,
    job.dueAt.toISOString(),
    JSON.stringify(job.payload),
    job.correlationId ?? null,
  ]);
}

/** Removes the job; true when it was still pending (so it will not fire). */
export async function cancelJob(tx: Tx, key: string): Promise<boolean> {
  const rows = await run<{ status: string }>(tx, CANCEL_JOB, [key]);
  return rows[0]?.status === 'pending';
}

/** Cancels every pending job whose key starts with `prefix` (e.g. all jobs of one game). */
export async function cancelJobsByPrefix(tx: Tx, prefix: string): Promise<number> {
  if (!prefix) throw new SchedulerError('JOB_INVALID', 'Refusing to cancel by an empty prefix.');
  const escaped = prefix.replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_');
  const rows = await run(tx, CANCEL_JOBS_BY_PREFIX, [`${escaped}%`]);
  return rows.length;
}
