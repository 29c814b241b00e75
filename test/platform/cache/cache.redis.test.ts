import { randomBytes } from 'node:crypto';
import { describe } from 'node:test';
import { Redis } from 'ioredis';
import { createRedisCache } from '#platform/cache/redis.ts';
import { cacheContract } from '../../contracts/cache.ts';
import { assertReachable, SERVICES, skipWithoutServices } from '../../support/services.ts';

describe('Redis', { skip: skipWithoutServices() }, () =>
  cacheContract({
    kind: 'redis',
    async create() {
      await assertReachable('redis');
      const redis = new Redis(SERVICES.redis);
      // A namespace of its own: other suites and engineers share this Redis.
      const namespace = `gh-test:${randomBytes(4).toString('hex')}:`;
      const cache = createRedisCache({ redis, namespace });
      return {
        ...cache,
        async close() {
          await cache.invalidatePrefix('');
          await redis.quit();
        },
      };
    },
  }),
);
