import { Cron } from 'croner';
import type { Static, TSchema } from 'typebox';
import type { EventDefinition } from '../bus/events.ts';
import { AppError } from '../errors.ts';

export type SchedulerErrorCode =
  | 'JOB_KIND_INVALID'
  | 'JOB_KIND_UNKNOWN'
  | 'JOB_INVALID'
  | 'RECURRING_JOB_INVALID';

export class SchedulerError extends AppError {
  override readonly code: SchedulerErrorCode;
  constructor(code: SchedulerErrorCode, message: string) {
    super(code, message);
    this.code = code;
  }
}

/**
 * A kind of future action, registered with the event it produces: when a job of this kind
 * comes due, the scheduler writes that event (with the job's payload) into the outbox.
 */
export type JobKind<S extends TSchema = TSchema> = {
  /** `<domain>.<what>`, e.g. `games.reminder`. */
  readonly kind: string;
  readonly event: EventDefinition<S>;
  /**
   * A job found pending this long after its due time (the schedulers were down) is recorded as
   * `missed` instead of firing: a reminder three days late is noise. Undefined: always fire.
   */
  readonly maxLatenessMs: number | undefined;
};

const KIND = /^[a-z][a-z0-9_]*\.[a-z0-9_.-]+$/;

export function defineJobKind<S extends TSchema>(spec: {
  kind: string;
  event: EventDefinition<S>;
  maxLatenessMs?: number;
}): JobKind<S> {
  if (!KIND.test(spec.kind) || spec.kind.length > 100)
    throw new SchedulerError('JOB_KIND_INVALID', `Job kinds look like <domain>.<what>: "${spec.kind}"`);
  if (spec.maxLatenessMs !== undefined && !(spec.maxLatenessMs >= 0))
    throw new SchedulerError('JOB_KIND_INVALID', `${spec.kind}: maxLatenessMs must be ≥ 0`);
  return Object.freeze({ kind: spec.kind, event: spec.event, maxLatenessMs: spec.maxLatenessMs });
}

/**
 * A job that repeats on a cron expression. Each tick is one row, keyed `cron:<name>:<tick>`, so
 * however many schedulers run, a tick exists once and fires once.
 */
export type RecurringJob<S extends TSchema = TSchema> = {
  readonly name: string;
  readonly cron: string;
  readonly timezone: string;
  readonly kind: JobKind<S>;
  readonly payload: Static<S>;
  readonly guildId: string | null;
  /** Next tick strictly after `after`. */
  next(after: Date): Date | undefined;
  /** Whether `date` is a tick of this expression (pending ticks of an old expression are dropped). */
  matches(date: Date): boolean;
};

const NAME = /^[a-z][a-z0-9_.-]{0,100}$/;

export function defineRecurring<S extends TSchema>(spec: {
  name: string;
  cron: string;
  timezone?: string;
  kind: JobKind<S>;
  payload: Static<S>;
  guildId?: string | null;
}): RecurringJob<S> {
  if (!NAME.test(spec.name))
    throw new SchedulerError('RECURRING_JOB_INVALID', `Recurring job names are lower case: "${spec.name}"`);
  const timezone = spec.timezone ?? 'UTC';
  let pattern: Cron;
  try {
    pattern = new Cron(spec.cron, { timezone, paused: true });
  } catch (error) {
    throw new SchedulerError(
      'RECURRING_JOB_INVALID',
      `${spec.name}: "${spec.cron}" is not a cron expression (${(error as Error).message})`,
    );
  }
  if (!spec.kind.event.validator.Check(spec.payload))
    throw new SchedulerError(
      'RECURRING_JOB_INVALID',
      `${spec.name}: the payload does not match ${spec.kind.event.type}'s schema`,
    );
  return Object.freeze({
    name: spec.name,
    cron: spec.cron,
    timezone,
    kind: spec.kind,
    payload: spec.payload,
    guildId: spec.guildId ?? null,
    next: (after: Date) => pattern.nextRun(after) ?? undefined,
    matches: (date: Date) => {
      // A tick is a match of the pattern at whole-second precision.
      const previous = pattern.nextRun(new Date(date.getTime() - 1000));
      return previous?.getTime() === date.getTime();
    },
  });
}

export function tickKey(name: string, tick: Date): string {
  return `cron:${name}:${tick.toISOString()}`;
}
