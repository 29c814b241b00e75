import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createMemoryCache } from '#platform/cache/memory.ts';
import { cacheContract } from '../../contracts/cache.ts';

cacheContract({ kind: 'lru', create: async () => createMemoryCache() });

it('evicts the least recently used entry past its size', async () => {
  const cache = createMemoryCache({ maxEntries: 2 });
  await cache.set('k:1', 1);
  await cache.set('k:2', 2);
  await cache.get('k:1');
  await cache.set('k:3', 3);
  assert.equal(await cache.get('k:2'), undefined);
  assert.equal(await cache.get('k:1'), 1);
});
