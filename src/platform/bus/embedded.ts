import { run } from '../db/statement.ts';
import { backoffMs, Wakeup } from '../db/wakeup.ts';
import { type NewDeadLetter, recordDeadLetters } from './dead-letters.ts';
import { handleBatch } from './handling.ts';
import { CLAIM_OUTBOX_CTE } from './relay.ts';
import type { Subscription } from './subscription.ts';
import type { Transport, TransportDeps } from './transport.ts';

/**
 * The relay of the embedded bus is one statement: take a batch of outbox rows (see
 * CLAIM_OUTBOX_CTE), and insert one delivery per bound consumer, in `seq` order so delivery ids
 * keep the order. Moving and delivering commit together: nothing is lost or doubled in between.
 */
export const RELAY_TO_DELIVERIES = `${CLAIM_OUTBOX_CTE}, delivered as (
  insert into bus.deliveries (consumer, message, attempts)
  select b.consumer, m.message, m.attempt
  from moved m
  join bus.bindings b
    on (m.target is null and b.event_type = m.type) or (m.target is not null and b.consumer = m.target)
  order by m.seq, b.consumer
  returning 1
)
select count(*)::int as moved,
       coalesce(array_agg(m.lag), '{}') as lags,
       coalesce(array_agg(m.type) filter (where not exists (
         select 1 from bus.bindings b
         where (m.target is null and b.event_type = m.type) or (m.target is not null and b.consumer = m.target))), '{}')
         as unroutable,
       (select count(*)::int from delivered) as delivered
from moved m`;

export const DECLARE_BINDINGS = `
insert into bus.bindings (consumer, event_type)
select consumer, event_type from jsonb_to_recordset($1::jsonb) as b(consumer text, event_type text)
on conflict (consumer, event_type) do update set declared_at = now()`;

/**
 * A consumer's next batch, oldest first; rows other consumers' transactions hold are skipped.
 * `blocked`: an earlier due delivery of the same guild is held by another transaction (another
 * loop, a replica, a killed worker being rolled back). Such a row is left alone, so a guild's
 * messages are handled in order however many claim. A delivery waiting for its retry does not
 * block: later messages overtake a failing one, as on RabbitMQ.
 */
export const CLAIM_DELIVERIES = `
with claimed as (
  select id, message, attempts from bus.deliveries
  where consumer = $1 and available_at <= statement_timestamp()
  order by id
  limit $2
  for update skip locked
)
select c.id, c.message, c.attempts,
       exists (
         select 1 from bus.deliveries e
         where e.consumer = $1
           and coalesce(e.message->>'guildId', '') = coalesce(c.message->>'guildId', '')
           and e.id < c.id
           and e.available_at <= statement_timestamp()
           and e.id not in (select id from claimed)
       ) as blocked
from claimed c
order by c.id`;

export const DELETE_DELIVERIES = `delete from bus.deliveries where id = any($1::bigint[])`;

export const RESCHEDULE_DELIVERIES = `
update bus.deliveries d
   set attempts = r.attempts,
       available_at = clock_timestamp() + r.delay_ms * interval '1 millisecond',
       last_error = r.error
  from jsonb_to_recordset($1::jsonb) as r(id bigint, attempts integer, delay_ms float8, error text)
 where d.id = r.id`;

export const NEXT_DELIVERY = `
select (extract(epoch from min(available_at) - clock_timestamp()) * 1000)::float8 as ms
from bus.deliveries where consumer = $1`;

/** How soon to look again when every claimed delivery waits behind an earlier one held elsewhere. */
const BLOCKED_RETRY_MS = 20;

export type EmbeddedOptions = TransportDeps & {
  readonly pollIntervalMs: number;
};

/**
 * The bus without a broker: Postgres tables and LISTEN/NOTIFY. Works on PGlite (one
 * connection: everything simply takes turns) and on PostgreSQL (competing workers).
 *
 * A consumer handles a batch in the transaction that locked its delivery rows: the handler's
 * effect, the inbox row and the removal of the delivery commit together. A crash rolls all of it
 * back and the rows become claimable again at once.
 */
export function embeddedTransport(options: EmbeddedOptions): Transport {
  const { db, log, metrics } = options;
  const wakeups = new Map<string, Set<Wakeup>>();
  let unlisten: (() => Promise<void>) | undefined;
  let listening: Promise<void> | undefined;

  const wake = (names: string | undefined) => {
    const targets = names ? names.split(',') : [...wakeups.keys()];
    for (const name of targets) for (const w of wakeups.get(name) ?? []) w.wake();
  };
  const listen = () => {
    listening ??= db
      .listen('bus_deliveries', (n) => wake(n.payload))
      .then((u) => {
        unlisten = u;
      });
    return listening;
  };

  const handleOnce = (sub: Subscription) =>
    db.withSystem(async (tx) => {
      const claimed = await run<{ id: string; message: unknown; attempts: number; blocked: boolean }>(
        tx,
        CLAIM_DELIVERIES,
        [sub.name, sub.batchSize],
      );
      // Not handled and not changed: unlocked again at commit, claimed once the earlier ones are done.
      const rows = claimed.filter((r) => !r.blocked);
      if (rows.length === 0) return { handled: 0, blocked: claimed.length };
      const outcomes = await handleBatch(
        tx,
        sub,
        rows.map((r) => ({ body: r.message, failedBefore: r.attempts })),
        { log, metrics },
      );
      const finished: string[] = [];
      const retries: { id: string; attempts: number; delay_ms: number; error: string }[] = [];
      const dead: NewDeadLetter[] = [];
      outcomes.forEach((o, i) => {
        const row = rows[i];
        if (!row) return;
        if (o.kind === 'retry')
          retries.push({ id: row.id, attempts: o.attempt, delay_ms: o.delayMs, error: o.failure.message });
        else finished.push(String(row.id));
        if (o.kind === 'dead')
          dead.push({
            consumer: sub.name,
            transport: 'embedded',
            envelope: o.envelope,
            body: row.message,
            failure: o.failure,
            attempts: o.attempts,
          });
      });
      await recordDeadLetters(tx, dead);
      if (finished.length > 0) await run(tx, DELETE_DELIVERIES, [`{${finished.join(',')}}`]);
      if (retries.length > 0) await run(tx, RESCHEDULE_DELIVERIES, [JSON.stringify(retries)]);
      return { handled: rows.length, blocked: claimed.length - rows.length };
    });

  return {
    kind: 'embedded',

    async declare(subscriptions) {
      if (subscriptions.length === 0) return;
      await db.withSystem((tx) =>
        run(tx, DECLARE_BINDINGS, [
          JSON.stringify(subscriptions.map((s) => ({ consumer: s.name, event_type: s.event.type }))),
        ]),
      );
    },

    async relayBatch(limit, lanes) {
      const [result] = await db.withSystem((tx) =>
        run<{ moved: number; lags: number[]; unroutable: string[] }>(tx, RELAY_TO_DELIVERIES, [limit, lanes]),
      );
      const moved = result?.moved ?? 0;
      if (moved > 0) {
        metrics.relayed.inc({ transport: 'embedded' }, moved);
        for (const lag of result?.lags ?? [])
          metrics.relayLag.observe({ transport: 'embedded' }, Number(lag));
        for (const type of result?.unroutable ?? []) metrics.unroutable.inc({ type });
      }
      return { moved };
    },

    async consume(sub) {
      await listen();
      let running = true;
      const mine = new Set<Wakeup>();
      wakeups.set(sub.name, mine);
      const loop = async (wakeup: Wakeup) => {
        let failures = 0;
        while (running) {
          try {
            const { handled, blocked } = await handleOnce(sub);
            failures = 0;
            if (handled > 0) continue;
            if (blocked > 0) {
              // Another claimer holds this guild's earlier messages: its commit frees them soon.
              if (running) await wakeup.sleep(BLOCKED_RETRY_MS);
              continue;
            }
            const { rows } = await db.query<{ ms: number | null }>(NEXT_DELIVERY, [sub.name]);
            const next = rows[0]?.ms;
            const wait =
              next === null || next === undefined
                ? options.pollIntervalMs
                : Math.min(options.pollIntervalMs, Math.max(0, next) + 1);
            if (running) await wakeup.sleep(wait);
          } catch (err) {
            failures += 1;
            const wait = backoffMs(failures, 100, 10_000);
            log.warn({ err, consumer: sub.name, retryInMs: Math.round(wait) }, 'consumer batch failed');
            if (running) await wakeup.sleep(wait);
          }
        }
      };
      const loops = Array.from({ length: sub.concurrency }, () => {
        const w = new Wakeup();
        mine.add(w);
        return loop(w);
      });
      return {
        async stop() {
          running = false;
          for (const w of mine) w.wake();
          await Promise.all(loops);
          wakeups.delete(sub.name);
        },
      };
    },

    async check() {
      await db.query('select 1');
    },

    async close() {
      await unlisten?.().catch(() => {});
      unlisten = undefined;
      listening = undefined;
    },
  } satisfies Transport;
}
