import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  assertKey,
  type Cache,
  type CacheSetOptions,
  type CacheTtls,
  DEFAULT_TTLS,
  singleFlight,
  ttlFor,
} from './cache.ts';

export type RedisCacheOptions = {
  readonly redis: Redis;
  /** Prefix of every key this cache writes, so one Redis can serve several deployments (and tests). */
  readonly namespace?: string;
  readonly ttls?: CacheTtls;
  /** How long a loader may hold the cross-process lock of a cold key. */
  readonly lockMs?: number;
  /** Close the connection with the cache (false when the caller shares it). */
  readonly owned?: boolean;
};

/** Deletes the lock only if it is still ours (another loader may hold it after ours expired). */
const UNLOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * The Redis cache: values as JSON strings with PX expiry; tags as sets of keys (expiring with the
 * longest member, so abandoned tag sets do not pile up); cold keys loaded once across processes
 * with a `SET NX PX` lock that other callers wait on by polling.
 */
export function createRedisCache(options: RedisCacheOptions): Cache {
  const { redis } = options;
  const ns = options.namespace ?? 'gh:cache:';
  const ttls = options.ttls ?? DEFAULT_TTLS;
  const lockMs = options.lockMs ?? 5_000;
  const flight = singleFlight();
  const k = (key: string) => `${ns}${key}`;
  const tagKey = (tag: string) => `${ns}#tag:${tag}`;

  async function read<T>(key: string): Promise<T | undefined> {
    const raw = await redis.get(k(key));
    return raw === null ? undefined : (JSON.parse(raw) as T);
  }

  async function write<T>(key: string, value: T, opts: CacheSetOptions = {}) {
    const ttl = ttlFor(ttls, key, opts.ttlMs);
    const multi = redis.multi().set(k(key), JSON.stringify(value ?? null), 'PX', ttl);
    for (const tag of opts.tags ?? []) {
      multi.sadd(tagKey(tag), key);
      // GT: only ever lengthen the set's life, so it outlives every key it lists.
      multi.pexpire(tagKey(tag), ttl, 'GT');
      multi.pexpire(tagKey(tag), ttl, 'NX');
    }
    await multi.exec();
  }

  async function unlinkMany(fullKeys: string[]): Promise<number> {
    let n = 0;
    for (let i = 0; i < fullKeys.length; i += 500) n += await redis.unlink(...fullKeys.slice(i, i + 500));
    return n;
  }

  const cache: Cache = {
    kind: 'redis',
    async get(key) {
      assertKey(key);
      return read(key);
    },
    async set(key, value, opts) {
      assertKey(key);
      return write(key, value, opts);
    },
    async setIfAbsent(key, value, opts = {}) {
      assertKey(key);
      const stored = await redis.set(
        k(key),
        JSON.stringify(value ?? null),
        'PX',
        ttlFor(ttls, key, opts.ttlMs),
        'NX',
      );
      return stored === 'OK';
    },
    async delete(key) {
      assertKey(key);
      await redis.unlink(k(key));
    },
    async getOrLoad<T>(key: string, load: () => Promise<T>, opts?: CacheSetOptions) {
      assertKey(key);
      const hit = await read<T>(key);
      if (hit !== undefined) return hit;
      return flight(key, async () => {
        const lock = `${ns}#lock:${key}`;
        const token = randomUUID();
        const deadline = Date.now() + lockMs;
        while (Date.now() < deadline) {
          if ((await redis.set(lock, token, 'PX', lockMs, 'NX')) === 'OK') {
            try {
              const value = await load();
              await write(key, value, opts);
              return value;
            } finally {
              await redis.eval(UNLOCK, 1, lock, token);
            }
          }
          // Another process is loading it: wait for its result rather than ask Discord again.
          await new Promise((r) => setTimeout(r, 20));
          const loaded = await read<T>(key);
          if (loaded !== undefined) return loaded;
        }
        // The other loader took too long (or died): load ourselves rather than fail.
        const value = await load();
        await write(key, value, opts);
        return value;
      });
    },
    async invalidatePrefix(prefix) {
      const found: string[] = [];
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${escapeGlob(ns + prefix)}*`, 'COUNT', 500);
        cursor = next;
        found.push(...keys.filter((key) => !key.startsWith(`${ns}#`)));
      } while (cursor !== '0');
      return unlinkMany(found);
    },
    async invalidateTag(tag) {
      const keys = await redis.smembers(tagKey(tag));
      await redis.unlink(tagKey(tag));
      return keys.length === 0 ? 0 : unlinkMany(keys.map(k));
    },
    async close() {
      if (options.owned) await redis.quit().catch(() => redis.disconnect());
    },
  };
  return cache;
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}
