import { LRUCache } from 'lru-cache';
import {
  assertKey,
  type Cache,
  type CacheSetOptions,
  type CacheTtls,
  DEFAULT_TTLS,
  singleFlight,
  ttlFor,
} from './cache.ts';

export type MemoryCacheOptions = { readonly maxEntries?: number; readonly ttls?: CacheTtls };

/**
 * The embedded cache: an LRU bounded by entry count, so a 50,000-member guild cannot grow the
 * process without limit. Values are stored as JSON strings so callers cannot mutate a cached
 * object by accident and both adapters return equal, fresh copies.
 */
export function createMemoryCache(options: MemoryCacheOptions = {}): Cache {
  const ttls = options.ttls ?? DEFAULT_TTLS;
  const lru = new LRUCache<string, string>({ max: options.maxEntries ?? 50_000, ttlAutopurge: false });
  const tags = new Map<string, Set<string>>();
  const flight = singleFlight();

  const cache: Cache = {
    kind: 'memory',
    async get<T>(key: string) {
      assertKey(key);
      const raw = lru.get(key);
      return raw === undefined ? undefined : (JSON.parse(raw) as T);
    },
    async set<T>(key: string, value: T, opts: CacheSetOptions = {}) {
      assertKey(key);
      lru.set(key, JSON.stringify(value ?? null), { ttl: ttlFor(ttls, key, opts.ttlMs) });
      for (const tag of opts.tags ?? []) {
        const set = tags.get(tag) ?? new Set<string>();
        tags.set(tag, set);
        set.add(key);
      }
    },
    async setIfAbsent<T>(key: string, value: T, opts?: CacheSetOptions) {
      assertKey(key);
      if (lru.has(key)) return false;
      await cache.set(key, value, opts);
      return true;
    },
    async delete(key) {
      assertKey(key);
      lru.delete(key);
    },
    async getOrLoad<T>(key: string, load: () => Promise<T>, opts?: CacheSetOptions) {
      assertKey(key);
      const raw = lru.get(key);
      if (raw !== undefined) return JSON.parse(raw) as T;
      return flight(key, async () => {
        const value = await load();
        await cache.set(key, value, opts);
        return value;
      });
    },
    async invalidatePrefix(prefix) {
      let n = 0;
      for (const key of [...lru.keys()]) {
        if (key.startsWith(prefix)) {
          lru.delete(key);
          n += 1;
        }
      }
      return n;
    },
    async invalidateTag(tag) {
      const keys = tags.get(tag);
      tags.delete(tag);
      let n = 0;
      for (const key of keys ?? []) if (lru.delete(key)) n += 1;
      return n;
    },
    async close() {
      lru.clear();
      tags.clear();
    },
  };
  return cache;
}
