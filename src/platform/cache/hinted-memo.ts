import { LRUCache } from 'lru-cache';
import type { Database, Unlisten } from '../db/database.ts';
import type { Logger } from '../log/logger.ts';

export type HintedMemoOptions = {
  /** How long an entry may be served without asking the database again; 0 turns the memo off. */
  readonly ttlMs: number;
  /** Entries kept at most (least recently used go first). */
  readonly max: number;
  /**
   * The NOTIFY channel whose payload names a group to drop (an empty payload, or a reconnect of
   * the LISTEN connection, drops everything). Database triggers send it, so writes by any
   * process — another replica, the CLI, the bot — reach every memo.
   */
  readonly channel: string;
  readonly db: Pick<Database, 'listen'>;
  readonly log: Logger;
};

export type HintedMemo<V> = {
  /**
   * The value under `key` (in `group`), loading it when absent or older than the TTL. Concurrent
   * misses of one key share one load. `keep` decides whether a loaded value may be stored (e.g.
   * only successful look-ups); it defaults to always.
   */
  get(group: string, key: string, load: () => Promise<V>, keep?: (value: V) => boolean): Promise<V>;
  /** Drops one group now (a write in this process: no need to wait for the hint to come back). */
  drop(group: string): void;
  clear(): void;
  readonly size: number;
  close(): Promise<void>;
};

/**
 * A process-local memo of look-ups every request repeats (a token's owner, a member's roles),
 * kept correct by invalidation rather than by a short TTL alone:
 *
 * - The database announces changes by NOTIFY (a trigger in the writing transaction, so the hint
 *   is sent exactly when the change becomes visible) and every memo drops that group.
 * - LISTEN/NOTIFY is a hint that can be lost (a dropped connection): the TTL is the poll that
 *   bounds how long a lost hint can matter, and a reconnect drops everything.
 * - A load that raced with a change must not store the old answer after the drop: each group
 *   has a generation, and a load stores its result only if neither its group nor the whole memo
 *   changed while it ran.
 * - Until the LISTEN is established nothing is stored, so no change can slip by unheard.
 */
export function createHintedMemo<V>(options: HintedMemoOptions): HintedMemo<V> {
  // Which keys each group holds, so a hint drops its group without scanning every entry.
  const groupKeys = new Map<string, Set<string>>();
  const entries = new LRUCache<string, { group: string; value: V }>({
    max: Math.max(1, options.max),
    ttl: Math.max(1, options.ttlMs),
    ttlAutopurge: false,
    dispose: (entry, key) => {
      const keys = groupKeys.get(entry.group);
      keys?.delete(key);
      if (keys?.size === 0) groupKeys.delete(entry.group);
    },
  });
  // Generations only of groups with a load in flight: nothing to keep for the rest.
  const loadingGroups = new Map<string, { loads: number; generation: number }>();
  // Loads in flight by key. A drop forgets them too: whoever asks after a change must not be
  // handed a load that began before it.
  const inFlight = new Map<string, { group: string; promise: Promise<V> }>();
  let generation = 0;
  let listening = false;
  let closed = false;
  let unlisten: Unlisten | undefined;

  const dropGroup = (group: string) => {
    const loading = loadingGroups.get(group);
    if (loading) loading.generation += 1;
    for (const [key, pending] of inFlight) if (pending.group === group) inFlight.delete(key);
    for (const key of [...(groupKeys.get(group) ?? [])]) entries.delete(key);
  };
  const dropAll = () => {
    generation += 1;
    for (const loading of loadingGroups.values()) loading.generation += 1;
    inFlight.clear();
    entries.clear();
  };

  // Listening starts with the first look-up: a process that never asks holds no LISTEN.
  let started: Promise<void> | undefined;
  const start = () => {
    started ??= options.db
      .listen(options.channel, ({ payload }) => (payload ? dropGroup(payload) : dropAll()))
      .then(async (u) => {
        if (closed) return u();
        unlisten = u;
        listening = true;
      })
      .catch((err: unknown) =>
        options.log.warn({ err, channel: options.channel }, 'memo cannot listen; serving uncached'),
      );
  };

  return {
    async get(group, key, load, keep = () => true) {
      if (!listening) {
        if (options.ttlMs > 0 && !closed) start();
        return load();
      }
      const cached = entries.get(key);
      if (cached && cached.group === group) return cached.value;
      const pending = inFlight.get(key);
      if (pending && pending.group === group) return pending.promise;
      let tracked = loadingGroups.get(group);
      if (!tracked) {
        tracked = { loads: 0, generation: 0 };
        loadingGroups.set(group, tracked);
      }
      tracked.loads += 1;
      const state = tracked;
      const before = { all: generation, group: state.generation };
      const loading = load()
        .then((value) => {
          if (listening && generation === before.all && state.generation === before.group && keep(value)) {
            entries.set(key, { group, value });
            let keys = groupKeys.get(group);
            if (!keys) {
              keys = new Set();
              groupKeys.set(group, keys);
            }
            keys.add(key);
          }
          return value;
        })
        .finally(() => {
          if (inFlight.get(key)?.promise === loading) inFlight.delete(key);
          state.loads -= 1;
          if (state.loads === 0 && loadingGroups.get(group) === state) loadingGroups.delete(group);
        });
      inFlight.set(key, { group, promise: loading });
      return loading;
    },
    drop: dropGroup,
    clear: dropAll,
    get size() {
      return entries.size;
    },
    async close() {
      closed = true;
      listening = false;
      await started;
      dropAll();
      await unlisten?.();
    },
  };
}
