import type { Database } from '../db/database.ts';
import { backoffMs, Wakeup } from '../db/wakeup.ts';
import type { Logger } from '../log/logger.ts';
import { traceRelay } from '../telemetry/hooks.ts';
import type { Transport } from './transport.ts';

/**
 * Picks the outbox rows one relay loop may move now. Ordering per guild across replicas: a
 * guild's rows all sit in one lane (a hash of guild_id); the loop locks whole lanes with
 * `FOR UPDATE SKIP LOCKED`, so no two loops (in this process or any other) move rows of the same
 * lane at the same time, and it takes rows in `seq` order. Because the rows of one lane form a
 * prefix in `seq` order, a batch never overtakes an earlier row of its lanes.
 *
 * Rows another loop deleted after this statement's snapshot are skipped by the DELETE (it
 * re-checks each row), so only rows really removed come back in `moved`.
 *
 * $1 = rows per batch, $2 = lanes per batch.
 */
export const CLAIM_OUTBOX_CTE = `
with lanes as (
  select l.lane from bus.lanes l
  where exists (select 1 from bus.outbox o where o.lane = l.lane and o.available_at <= statement_timestamp())
  order by random()
  limit $2
  for update skip locked
), picked as (
  select o.seq from bus.outbox o
  where o.lane in (select lane from lanes) and o.available_at <= statement_timestamp()
  order by o.seq
  limit $1
), moved as (
  delete from bus.outbox o using picked p where o.seq = p.seq
  returning o.seq, o.type, o.message, o.target, o.attempt,
            extract(epoch from clock_timestamp() - o.created_at)::float8 as lag
)`;

/** Milliseconds until the next delayed row (a retry or a replay) becomes available. */
export const NEXT_DELAYED = `
select (extract(epoch from min(available_at) - clock_timestamp()) * 1000)::float8 as ms
from bus.outbox where target is not null`;

export type RelayOptions = {
  readonly db: Database;
  readonly transport: Transport;
  readonly log: Logger;
  readonly batchSize: number;
  /** Concurrent loops in this process; each works on different lanes. */
  readonly loops: number;
  readonly lanesPerBatch: number;
  /** Backstop when no NOTIFY arrives (lost connection, another database client inserting). */
  readonly pollIntervalMs: number;
};

export type RunningRelay = { stop(): Promise<void> };

/**
 * Moves committed outbox rows to the transport. Woken by NOTIFY on `bus_outbox`, polling as a
 * backstop; a loop keeps going without sleeping while it finds rows.
 */
export async function startRelay(options: RelayOptions): Promise<RunningRelay> {
  const { db, transport, log } = options;
  let running = true;
  const wakeups = Array.from({ length: options.loops }, () => new Wakeup());
  const wakeAll = () => {
    for (const w of wakeups) w.wake();
  };
  const unlisten = await db.listen('bus_outbox', wakeAll);

  const loop = async (wakeup: Wakeup, index: number) => {
    let failures = 0;
    while (running) {
      try {
        const { moved } = await traceRelay(() =>
          transport.relayBatch(options.batchSize, options.lanesPerBatch),
        );
        failures = 0;
        if (moved > 0) continue;
        const { rows } = await db.query<{ ms: number | null }>(NEXT_DELAYED);
        const delayed = rows[0]?.ms;
        const wait =
          delayed === null || delayed === undefined
            ? options.pollIntervalMs
            : Math.min(options.pollIntervalMs, Math.max(0, delayed) + 1);
        if (running) await wakeup.sleep(wait);
      } catch (err) {
        failures += 1;
        const wait = backoffMs(failures, 100, 10_000);
        log.warn({ err, loop: index, failures, retryInMs: Math.round(wait) }, 'relay batch failed');
        if (running) await wakeup.sleep(wait);
      }
    }
  };
  const loops = wakeups.map((w, i) => loop(w, i));
  log.info(
    { transport: transport.kind, loops: options.loops, batchSize: options.batchSize },
    'relay started',
  );

  return {
    async stop() {
      running = false;
      wakeAll();
      await Promise.all(loops);
      await unlisten().catch(() => {});
    },
  };
}
