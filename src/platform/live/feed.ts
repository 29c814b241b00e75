import type { Database } from '../db/database.ts';
import { run } from '../db/statement.ts';
import { backoffMs, Wakeup } from '../db/wakeup.ts';
import type { Logger } from '../log/logger.ts';
import {
  CHECK_POSITION,
  type Change,
  type ChangeRow,
  type Cursor,
  compareCursors,
  formatCursor,
  HEAD,
  PRUNE,
  parseCursor,
  READ_AFTER,
  REPLAY,
  toChange,
} from './changes.ts';

/** Why a stream was told to start over instead of receiving the changes it missed. */
export type ResetReason = 'pruned' | 'unknown_position' | 'too_many' | 'overflow';

export type SubscribeOptions = {
  readonly guildId: string;
  readonly topic: string;
  /** The stream's `Last-Event-ID`: replay what came after it. Absent: only what happens from now. */
  readonly lastEventId?: string | undefined;
  readonly onChange: (change: Change) => void;
  /** The client must refetch everything; later changes follow `cursor`. */
  readonly onReset: (cursor: string, reason: ResetReason) => void;
};

export type LiveSubscription = {
  /** Where the stream stands once replay is done (the id to send with a "ready" event). */
  readonly cursor: string;
  close(): void;
};

export type LiveFeedOptions = {
  readonly db: Database;
  readonly log: Logger;
  /** Backstop when no NOTIFY arrives (1 s). */
  readonly pollIntervalMs?: number;
  /** Re-read soon when rows wait behind a transaction still in flight (25 ms). */
  readonly pendingRetryMs?: number;
  readonly batchSize?: number;
  /** Changes are kept this long for resuming streams (1 day); older positions get a reset. */
  readonly retentionMs?: number;
  readonly pruneEveryMs?: number;
  /** A resuming stream missing more than this many changes gets a reset instead (1000). */
  readonly replayLimit?: number;
  /** Changes held for a stream while its replay runs, beyond which it gets a reset (10,000). */
  readonly bufferLimit?: number;
};

export type LiveFeed = {
  subscribe(options: SubscribeOptions): Promise<LiveSubscription>;
  /** Streams open in this process. */
  readonly subscribers: number;
  /** Applies retention now (it also runs every `pruneEveryMs`); returns the rows removed. */
  prune(): Promise<number>;
  /** Stops polling; open subscriptions receive nothing more. */
  close(): Promise<void>;
};

type Subscriber = {
  readonly key: string;
  readonly options: SubscribeOptions;
  position: Cursor;
  catchingUp: boolean;
  buffer: { change: Change; at: Cursor }[];
  overflow: boolean;
  closed: boolean;
};

type PollRow = ChangeRow & { pending: boolean };

const keyOf = (guildId: string, topic: string) => `${guildId}\u0000${topic}`;

/**
 * The process-wide reader of `live.changes`: one poller (woken by NOTIFY, polling as a backstop)
 * fans rows out to the streams subscribed to their guild and topic, so a thousand open
 * dashboards cost one query per wake-up. A stream resuming with a `Last-Event-ID` replays its
 * guild's rows up to the poller's position (read under row-level security for that guild),
 * while rows arriving meanwhile wait in its buffer, so nothing is lost or delivered twice.
 */
export function createLiveFeed(options: LiveFeedOptions): LiveFeed {
  const { db, log } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const pendingRetryMs = options.pendingRetryMs ?? 25;
  const batchSize = options.batchSize ?? 500;
  const retentionMs = options.retentionMs ?? 24 * 3600_000;
  const pruneEveryMs = options.pruneEveryMs ?? 10 * 60_000;
  const replayLimit = options.replayLimit ?? 1000;
  const bufferLimit = options.bufferLimit ?? 10_000;

  const byKey = new Map<string, Set<Subscriber>>();
  let count = 0;
  const wakeup = new Wakeup();
  let cursor: Cursor | undefined;
  let started: Promise<void> | undefined;
  let loop: Promise<void> | undefined;
  let unlisten: (() => Promise<void>) | undefined;
  let closed = false;
  // Retention runs whether or not anyone is subscribed: the triggers write regardless.
  let pruning: Promise<unknown> = Promise.resolve();
  const pruneTimer = setInterval(() => {
    pruning = pruneNow()
      .then((removed) => removed > 0 && log.debug({ removed }, 'live changes pruned'))
      .catch((err) => log.warn({ err }, 'live changes pruning failed'));
  }, pruneEveryMs);
  pruneTimer.unref();

  function deliver(sub: Subscriber, change: Change, at: Cursor) {
    if (sub.closed) return;
    if (sub.catchingUp) {
      if (sub.overflow) return;
      if (sub.buffer.length >= bufferLimit) {
        sub.overflow = true;
        sub.buffer = [];
      } else sub.buffer.push({ change, at });
      return;
    }
    // A position ahead of this process (a stream that moved here from a replica further on)
    // already has these.
    if (compareCursors(at, sub.position) <= 0) return;
    sub.position = at;
    try {
      sub.options.onChange(change);
    } catch (err) {
      log.warn({ err, guildId: sub.options.guildId }, 'live stream listener failed');
    }
  }

  function reset(sub: Subscriber, at: Cursor, reason: ResetReason) {
    sub.position = at;
    try {
      sub.options.onReset(formatCursor(at), reason);
    } catch (err) {
      log.warn({ err, guildId: sub.options.guildId }, 'live stream listener failed');
    }
  }

  async function poll(): Promise<{ more: boolean; pending: boolean }> {
    const from = cursor as Cursor;
    const rows = await db.withSystem((tx) => run<PollRow>(tx, READ_AFTER, [from.xid, from.id, batchSize]));
    let taken = 0;
    for (const row of rows) {
      // Rows sort by xid, so those of transactions at or above the horizon come last.
      if (row.pending) break;
      const at = { xid: BigInt(row.xid), id: BigInt(row.id) };
      cursor = at;
      taken += 1;
      const subs = byKey.get(keyOf(row.guild_id, row.topic));
      if (!subs) continue;
      const change = toChange(row);
      for (const sub of subs) deliver(sub, change, at);
    }
    return { more: rows.length === batchSize && taken === rows.length, pending: taken < rows.length };
  }

  async function pruneNow(): Promise<number> {
    let total = 0;
    for (let round = 0; round < 20; round++) {
      const removed = await db.withSystem(async (tx) => {
        // One replica prunes at a time; the others skip this round.
        const [lock] = await run<{ ok: boolean }>(
          tx,
          `select pg_try_advisory_xact_lock(hashtext('live.prune')) as ok`,
        );
        if (!lock?.ok) return 0;
        const [r] = await run<{ removed: number }>(tx, PRUNE, [retentionMs / 1000, 5000]);
        return r?.removed ?? 0;
      });
      total += removed;
      if (removed < 5000) break;
    }
    return total;
  }

  async function runLoop() {
    let failures = 0;
    while (!closed) {
      try {
        const { more, pending } = await poll();
        failures = 0;
        if (more) continue;
        if (!closed) await wakeup.sleep(pending ? pendingRetryMs : pollIntervalMs);
      } catch (err) {
        failures += 1;
        const wait = backoffMs(failures, 100, 10_000);
        log.warn({ err, failures, retryInMs: Math.round(wait) }, 'live feed poll failed');
        if (!closed) await wakeup.sleep(wait);
      }
    }
  }

  function start(): Promise<void> {
    started ??= (async () => {
      const stop = await db.listen('live_changes', () => wakeup.wake());
      try {
        const [head] = await db.withSystem((tx) => run<{ xid: string }>(tx, HEAD));
        cursor = { xid: BigInt(head?.xid ?? '0'), id: 0n };
      } catch (err) {
        await stop().catch(() => {});
        throw err;
      }
      unlisten = stop;
      loop = runLoop();
    })().catch((err) => {
      // The next subscriber tries again (the database may be back by then).
      started = undefined;
      throw err;
    });
    return started;
  }

  function remove(sub: Subscriber) {
    if (sub.closed) return;
    sub.closed = true;
    count -= 1;
    const set = byKey.get(sub.key);
    set?.delete(sub);
    if (set?.size === 0) byKey.delete(sub.key);
  }

  async function catchUp(sub: Subscriber, upTo: Cursor) {
    const { guildId, topic, lastEventId } = sub.options;
    if (lastEventId === undefined || lastEventId === '') return;
    const from = parseCursor(lastEventId);
    if (!from) return reset(sub, upTo, 'unknown_position');
    const outcome = await db.withGuild(guildId, async (tx) => {
      const [check] = await run<{ pruned: boolean; future: boolean }>(tx, CHECK_POSITION, [
        from.xid,
        from.id,
      ]);
      if (check?.future) return 'unknown_position' as const;
      if (check?.pruned) return 'pruned' as const;
      if (compareCursors(from, upTo) >= 0) return [] as ChangeRow[];
      return run<ChangeRow>(tx, REPLAY, [
        guildId,
        topic,
        from.xid,
        from.id,
        upTo.xid,
        upTo.id,
        replayLimit + 1,
      ]);
    });
    if (typeof outcome === 'string') return reset(sub, upTo, outcome);
    if (outcome.length > replayLimit) return reset(sub, upTo, 'too_many');
    if (compareCursors(from, upTo) > 0) {
      sub.position = from;
      return;
    }
    sub.position = from;
    sub.catchingUp = false;
    for (const row of outcome) deliver(sub, toChange(row), { xid: BigInt(row.xid), id: BigInt(row.id) });
    sub.catchingUp = true;
    sub.position = upTo;
  }

  return {
    get subscribers() {
      return count;
    },
    async subscribe(subscribeOptions) {
      if (closed) throw new Error('the live feed is closed');
      await start();
      const upTo = cursor as Cursor;
      const key = keyOf(subscribeOptions.guildId, subscribeOptions.topic);
      const sub: Subscriber = {
        key,
        options: subscribeOptions,
        position: upTo,
        catchingUp: true,
        buffer: [],
        overflow: false,
        closed: false,
      };
      // Registered before the replay reads, at the poller's position `upTo`: the replay covers
      // everything up to it, the buffer everything the poller passes from there on.
      const set = byKey.get(key) ?? new Set<Subscriber>();
      byKey.set(key, set);
      set.add(sub);
      count += 1;
      try {
        await catchUp(sub, upTo);
      } catch (err) {
        remove(sub);
        throw err;
      }
      const buffered = sub.buffer;
      sub.buffer = [];
      sub.catchingUp = false;
      if (sub.overflow) reset(sub, cursor as Cursor, 'overflow');
      else for (const { change, at } of buffered) deliver(sub, change, at);
      return {
        get cursor() {
          return formatCursor(sub.position);
        },
        close: () => remove(sub),
      };
    },
    prune: () => pruneNow(),
    async close() {
      closed = true;
      clearInterval(pruneTimer);
      await pruning;
      wakeup.wake();
      await started?.catch(() => {});
      await loop;
      await unlisten?.().catch(() => {});
      for (const set of byKey.values()) for (const sub of set) remove(sub);
    },
  };
}
