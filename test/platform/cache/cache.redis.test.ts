import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
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

describe('runtime with REDIS_URL', { skip: skipWithoutServices() }, () => {
  it('uses Redis for the cache and for the auth-failure limiter', async () => {
    await assertReachable('redis');
    const { compose } = await import('#components/runtime.ts');
    const { loadConfig } = await import('#platform/config/load.ts');
    const { RateLimiterRedis } = await import('rate-limiter-flexible');
    const { pgliteFactory, quietLog } = await import('../../support/databases.ts');
    const database = await pgliteFactory.create();
    const runtime = await compose(loadConfig({ REDIS_URL: SERVICES.redis }, { envFile: false }), 'test', {
      db: database.db,
      log: quietLog,
    });
    try {
      assert.equal(runtime.cache.kind, 'redis');
      assert.ok(runtime.authFailureLimiter instanceof RateLimiterRedis);
      const key = `test-${randomBytes(4).toString('hex')}`;
      const res = await runtime.authFailureLimiter.consume(key);
      assert.equal(res.consumedPoints, 1);
      assert.equal((await runtime.authFailureLimiter.get(key))?.consumedPoints, 1);
      await runtime.authFailureLimiter.delete(key);
    } finally {
      await runtime.close();
      await database.dispose();
    }
  });
});
