import type { TSchema } from 'typebox';
import type { Database, Tx } from '../db/database.ts';
import { run } from '../db/statement.ts';
import { backoffMs, Wakeup } from '../db/wakeup.ts';
import type { Logger } from '../log/logger.ts';
import { traceDispatch } from '../telemetry/hooks.ts';
import type { Registry } from '../telemetry/metrics.ts';
import { type JobKind, type RecurringJob, SchedulerError, tickKey } from './jobs.ts';
import { type SchedulerMetrics, schedulerMetrics, setPendingCollector } from './metrics.ts';
import { cancelJob, cancelJobsByPrefix, type ScheduleRequest, scheduleJob } from './schedule.ts';

/**
 * (Conditions on due times use statement_timestamp(), not clock_timestamp(): a stable value can
 * bound the index scan, a volatile one would filter every pending row.)
 *
 * Claims due jobs of the kinds this process knows, marks each fired (or missed, when later than
 * its kind allows) and, in the same statement and so the same transaction, writes the event of
 * each fired job into the outbox. `SKIP LOCKED` lets any number of schedulers run: a job is
 * claimed by exactly one of them, and once committed it is no longer pending.
 *
 * One statement is one round trip, committed on its own: the loop runs it outside an explicit
 * transaction. Only ticks of recurring jobs need more (their next tick, computed from the cron
 * expression here, is inserted in the same transaction), so with $3 = false they are left
 * alone and `recurring_due` tells the loop to claim them in a transaction of their own.
 *
 * Every row also says when the next pending job not claimed now is due, so the loop knows how
 * long to sleep without asking again; a claim that took nothing returns one row with a null key.
 *
 * $1 = kinds as JSON [{kind, type, version, lateness_ms}], $2 = batch size, $3 = recurring too.
 */
export const CLAIM_DUE_JOBS = `
with kinds as (
  select * from jsonb_to_recordset($1::jsonb) as k(kind text, type text, version integer, lateness_ms float8)
), due as (
  select j.key from sched.jobs j
  where j.status = 'pending' and j.due_at <= statement_timestamp()
    and j.kind = any(array(select kind from kinds))
    and ($3::boolean or j.recurring is null)
  order by j.due_at
  limit $2
  for update skip locked
), claimed as (
  update sched.jobs j
     set status = case
           when k.lateness_ms is not null
                and clock_timestamp() - j.due_at > k.lateness_ms * interval '1 millisecond' then 'missed'
           else 'fired' end,
         fired_at = clock_timestamp(),
         updated_at = clock_timestamp()
    from due, kinds k
   where j.key = due.key and k.kind = j.kind
  returning j.key, j.kind, j.guild_id, j.due_at, j.payload, j.correlation_id, j.recurring, j.status,
            j.fired_at, k.type, k.version
), published as (
  insert into bus.outbox (guild_id, type, message)
  select c.guild_id, c.type, jsonb_build_object(
           'id', gen_random_uuid(),
           'type', c.type,
           'version', c.version,
           'occurredAt', to_char(c.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           'guildId', c.guild_id::text,
           'correlationId', coalesce(c.correlation_id, 'job:' || c.key),
           'payload', c.payload)
  from claimed c where c.status = 'fired'
  order by c.due_at, c.key
), next as (
  select (extract(epoch from j.due_at - clock_timestamp()) * 1000)::float8 as next_ms,
         (extract(epoch from j.due_at) * 1000)::float8 as next_at
  from sched.jobs j
  where j.status = 'pending' and j.kind = any(array(select kind from kinds))
    and not exists (select 1 from due d where d.key = j.key)
  order by j.due_at
  limit 1
)
select c.key, c.kind, c.status, c.recurring, c.guild_id, c.fired_at,
       extract(epoch from c.fired_at - c.due_at)::float8 as lag,
       (select next_ms from next) as next_ms, (select next_at from next) as next_at,
       (not $3::boolean and exists (
          select 1 from sched.jobs r
          where r.status = 'pending' and r.recurring is not null and r.due_at <= statement_timestamp()
            and r.kind = any(array(select kind from kinds)))) as recurring_due
from (select 1) one left join claimed c on true`;

export const INSERT_TICKS = `
insert into sched.jobs (key, kind, guild_id, due_at, payload, recurring)
select key, kind, guild_id, due_at, payload, recurring
from jsonb_to_recordset($1::jsonb)
  as t(key text, kind text, guild_id bigint, due_at timestamptz, payload jsonb, recurring text)
on conflict (key) do nothing`;

export const PENDING_TICKS = `
select key, due_at, kind, payload, guild_id from sched.jobs
where recurring = $1 and status = 'pending'`;

export const DELETE_JOBS = `
delete from sched.jobs where key in (select jsonb_array_elements_text($1::jsonb)) and status = 'pending'`;

export const UPDATE_PENDING_TICKS = `
update sched.jobs set kind = $2, payload = $3::jsonb, guild_id = $4::bigint, updated_at = now()
where recurring = $1 and status = 'pending'
  and (kind <> $2 or payload <> $3::jsonb or guild_id is distinct from $4::bigint)`;

export const PURGE_FINISHED = `
delete from sched.jobs where key in (
  select key from sched.jobs
  where status <> 'pending' and updated_at < now() - $1 * interval '1 day' limit 5000)`;

export const UNKNOWN_KINDS_DUE = `
select kind, count(*)::int as count from sched.jobs
where status = 'pending' and due_at <= now() and kind not in (select jsonb_array_elements_text($1::jsonb))
group by kind`;

export const JOB_GAUGES = `
select count(*)::int as pending, count(*) filter (where due_at <= now())::int as overdue
from sched.jobs where status = 'pending'`;

export type SchedulerConfig = {
  readonly batchSize: number;
  /** Backstop: a scheduler re-reads MIN(due_at) at least this often, notified or not. */
  readonly pollIntervalMs: number;
  /** Fired and missed rows are kept this long for inspection. */
  readonly historyDays: number;
  /** Recurring ticks are re-seeded and history purged this often. */
  readonly maintenanceIntervalMs: number;
};

export const SCHEDULER_DEFAULTS: SchedulerConfig = {
  batchSize: 500,
  pollIntervalMs: 5000,
  historyDays: 7,
  maintenanceIntervalMs: 60_000,
};

export type SchedulerOptions = {
  readonly db: Database;
  readonly log: Logger;
  readonly metrics: Registry;
  readonly config: SchedulerConfig;
};

export type Stoppable = { stop(): Promise<void> };

/**
 * What modules use to plan future actions (inside their own transactions), and the loop that
 * dispatches them. Kinds and recurring jobs are registered by the composition from each
 * module's `jobKinds` and `recurring`.
 */
export type Scheduler = {
  schedule<S extends TSchema>(tx: Tx, job: ScheduleRequest<S>): Promise<void>;
  cancel(tx: Tx, key: string): Promise<boolean>;
  cancelPrefix(tx: Tx, prefix: string): Promise<number>;
  registerKind(kind: JobKind): void;
  registerRecurring(job: RecurringJob): void;
  readonly kinds: ReadonlyMap<string, JobKind>;
  readonly recurring: ReadonlyMap<string, RecurringJob>;
  /** Starts dispatching (a scheduler replica). */
  start(): Promise<Stoppable>;
};

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { db, config } = options;
  const log = options.log.child({ part: 'scheduler' });
  const metrics = schedulerMetrics(options.metrics);
  const kinds = new Map<string, JobKind>();
  const recurring = new Map<string, RecurringJob>();

  const registerKind = (kind: JobKind) => {
    const existing = kinds.get(kind.kind);
    if (existing && existing !== kind)
      throw new SchedulerError('JOB_KIND_INVALID', `Job kind "${kind.kind}" is registered twice.`);
    kinds.set(kind.kind, kind);
  };

  return {
    kinds,
    recurring,
    registerKind,
    registerRecurring(job) {
      if (recurring.has(job.name))
        throw new SchedulerError('RECURRING_JOB_INVALID', `Recurring job "${job.name}" is registered twice.`);
      registerKind(job.kind);
      recurring.set(job.name, job);
    },
    async schedule(tx, job) {
      if (kinds.get(job.kind.kind) !== (job.kind as unknown as JobKind))
        throw new SchedulerError(
          'JOB_KIND_UNKNOWN',
          `Job kind "${job.kind.kind}" is not registered: declare it in the module's jobKinds, or no scheduler would ever fire it.`,
        );
      await scheduleJob(tx, job);
    },
    cancel: cancelJob,
    cancelPrefix: cancelJobsByPrefix,
    start: () => startDispatching({ db, log, metrics, config, kinds, recurring }),
  };
}

type DispatchDeps = {
  readonly db: Database;
  readonly log: Logger;
  readonly metrics: SchedulerMetrics;
  readonly config: SchedulerConfig;
  readonly kinds: ReadonlyMap<string, JobKind>;
  readonly recurring: ReadonlyMap<string, RecurringJob>;
};

type Claimed = {
  /** Null in the one row of a claim that took nothing. */
  key: string | null;
  kind: string;
  status: 'fired' | 'missed';
  recurring: string | null;
  guild_id: string | null;
  fired_at: Date | string;
  lag: number;
  next_ms: number | null;
  next_at: number | null;
  recurring_due: boolean;
};

async function startDispatching(deps: DispatchDeps): Promise<Stoppable> {
  const { db, log, metrics, config } = deps;
  const kindsJson = JSON.stringify(
    [...deps.kinds.values()].map((k) => ({
      kind: k.kind,
      type: k.event.type,
      version: k.event.version,
      lateness_ms: k.maxLatenessMs ?? null,
    })),
  );
  const kindNames = JSON.stringify([...deps.kinds.keys()]);
  const wakeup = new Wakeup();
  let running = true;
  // The due time (database clock, epoch ms) the loop sleeps towards; a NOTIFY about a later
  // job need not wake it.
  let sleepingUntil: number | undefined;

  setPendingCollector(metrics, async () => {
    const { rows } = await db.query<{ pending: number; overdue: number }>(JOB_GAUGES);
    return rows[0] ?? { pending: 0, overdue: 0 };
  });

  const unlisten = await db.listen('sched_jobs', (n) => {
    const at = n.payload ? Number(n.payload) : Number.NaN;
    if (sleepingUntil === undefined || !Number.isFinite(at) || at < sleepingUntil) wakeup.wake();
  });

  /** Recurring ticks: claimed with their next tick inserted in the same transaction. */
  const claimRecurring = () =>
    db.withSystem(async (tx) => {
      const rows = await run<Claimed>(tx, CLAIM_DUE_JOBS, [kindsJson, config.batchSize, true]);
      const ticks: Record<string, unknown>[] = [];
      for (const row of rows) {
        if (!row.recurring) continue;
        const job = deps.recurring.get(row.recurring);
        if (!job) continue;
        // The next tick after now, not after the missed one: after downtime a recurring job
        // catches up once, it does not replay every tick it slept through.
        const next = job.next(new Date(row.fired_at));
        if (next) ticks.push(tickRow(job, next));
      }
      if (ticks.length > 0) await run(tx, INSERT_TICKS, [JSON.stringify(ticks)]);
      return rows;
    });

  /** One claim: a single statement, unless ticks of recurring jobs are due too. */
  const claim = async () => {
    const { rows } = await db.query<Claimed>(CLAIM_DUE_JOBS, [kindsJson, config.batchSize, false]);
    const summary = rows[0];
    const claimed = rows.filter((r) => r.key !== null);
    if (!summary?.recurring_due) return { claimed, next: summary };
    const more = await claimRecurring();
    return { claimed: [...claimed, ...more.filter((r) => r.key !== null)], next: more[0] };
  };

  const record = (rows: readonly Claimed[]) => {
    for (const row of rows) {
      metrics.lag.observe({ kind: row.kind }, Math.max(0, Number(row.lag)));
      metrics.jobs.inc({ kind: row.kind, outcome: row.status });
      if (row.status === 'missed')
        log.warn(
          { jobKey: row.key, kind: row.kind, lateSeconds: Math.round(row.lag) },
          'job was due too long ago for its kind: recorded as missed, not fired',
        );
    }
  };

  const loop = async () => {
    let failures = 0;
    while (running) {
      try {
        if (deps.kinds.size === 0) {
          await wakeup.sleep(config.pollIntervalMs);
          continue;
        }
        const { claimed, next } = await traceDispatch(claim);
        failures = 0;
        record(claimed);
        if (claimed.length >= config.batchSize) continue;
        const ms = next?.next_ms;
        if (ms !== null && ms !== undefined && ms <= 0) continue;
        sleepingUntil = next?.next_at ?? Number.POSITIVE_INFINITY;
        const wait =
          ms === null || ms === undefined ? config.pollIntervalMs : Math.min(ms, config.pollIntervalMs);
        if (running) await wakeup.sleep(wait);
        sleepingUntil = undefined;
      } catch (err) {
        failures += 1;
        sleepingUntil = undefined;
        const wait = backoffMs(failures, 100, 10_000);
        log.warn({ err, failures, retryInMs: Math.round(wait) }, 'scheduler batch failed');
        if (running) await wakeup.sleep(wait);
      }
    }
  };

  const maintain = async () => {
    try {
      await seedRecurring(deps);
      await db.withSystem((tx) => run(tx, PURGE_FINISHED, [config.historyDays]));
      const unknown = await db.withSystem((tx) =>
        run<{ kind: string; count: number }>(tx, UNKNOWN_KINDS_DUE, [kindNames]),
      );
      if (unknown.length > 0)
        log.warn({ kinds: unknown }, 'due jobs of kinds this scheduler does not know are waiting');
    } catch (err) {
      log.warn({ err }, 'scheduler maintenance failed');
    }
  };

  // Recurring jobs need their next tick before the first claim.
  await maintain();
  const timer = setInterval(maintain, config.maintenanceIntervalMs);
  timer.unref();
  const looping = loop();
  log.info({ kinds: [...deps.kinds.keys()], recurring: [...deps.recurring.keys()] }, 'scheduler started');

  return {
    async stop() {
      running = false;
      clearInterval(timer);
      wakeup.wake();
      await looping;
      await unlisten().catch(() => {});
    },
  };
}

function tickRow(job: RecurringJob, tick: Date) {
  return {
    key: tickKey(job.name, tick),
    kind: job.kind.kind,
    guild_id: job.guildId,
    due_at: tick.toISOString(),
    payload: job.payload,
    recurring: job.name,
  };
}

/**
 * Makes sure each recurring job has its next tick: pending ticks of a changed expression are
 * dropped, a changed payload is applied, and the next tick after now (database clock, so replicas
 * agree on it) is inserted unless it exists. Idempotent and safe to run on every replica.
 */
async function seedRecurring(deps: DispatchDeps): Promise<void> {
  if (deps.recurring.size === 0) return;
  await deps.db.withSystem(async (tx) => {
    const [clock] = await run<{ now: Date | string }>(tx, 'select clock_timestamp() as now');
    const now = new Date(clock?.now ?? Date.now());
    const ticks: Record<string, unknown>[] = [];
    for (const job of deps.recurring.values()) {
      const pending = await run<{ key: string; due_at: Date | string }>(tx, PENDING_TICKS, [job.name]);
      const stale = pending.filter((p) => !job.matches(new Date(p.due_at))).map((p) => p.key);
      if (stale.length > 0) {
        await run(tx, DELETE_JOBS, [JSON.stringify(stale)]);
        deps.log.info(
          { recurring: job.name, dropped: stale.length },
          'dropped ticks of a changed cron expression',
        );
      }
      await run(tx, UPDATE_PENDING_TICKS, [
        job.name,
        job.kind.kind,
        JSON.stringify(job.payload),
        job.guildId,
      ]);
      if (pending.length - stale.length > 0) continue;
      const next = job.next(now);
      if (next) ticks.push(tickRow(job, next));
    }
    if (ticks.length > 0) await run(tx, INSERT_TICKS, [JSON.stringify(ticks)]);
  });
}
