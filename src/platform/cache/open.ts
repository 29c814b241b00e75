import { Redis } from 'ioredis';
import type { Cache, CacheTtls } from './cache.ts';
import { createMemoryCache } from './memory.ts';
import { createRedisCache } from './redis.ts';

/** Redis when REDIS_URL is set, otherwise the in-process LRU. */
export function openCache(options: { redisUrl: string | undefined; ttls?: CacheTtls }): Cache {
  if (!options.redisUrl) return createMemoryCache(options.ttls ? { ttls: options.ttls } : {});
  const redis = new Redis(options.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  return createRedisCache({ redis, owned: true, ...(options.ttls ? { ttls: options.ttls } : {}) });
}
