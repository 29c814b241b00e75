import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Cache } from '#platform/cache/cache.ts';

export type CacheFactory = { readonly kind: string; create(): Promise<Cache> };

/** The cache port's contract: the same assertions against the LRU and Redis. */
export function cacheContract(factory: CacheFactory) {
  describe(`cache contract (${factory.kind})`, () => {
    let cache: Cache;
    before(async () => {
      cache = await factory.create();
    });
    after(async () => cache?.close());

    it('returns what was stored, as a copy, and undefined on a miss', async () => {
      const value = { id: '123456789012345678', roles: ['1', '2'], n: 3 };
      await cache.set('discord.member:1:2', value);
      const got = await cache.get<typeof value>('discord.member:1:2');
      assert.deepEqual(got, value);
      assert.notEqual(got, value);
      assert.equal(await cache.get('discord.member:1:missing'), undefined);
    });

    it('keeps null as a value (a cached "not found")', async () => {
      await cache.set('discord.member:1:gone', null);
      assert.equal(await cache.get('discord.member:1:gone'), null);
      assert.equal(await cache.getOrLoad('discord.member:1:gone', async () => 'loaded'), null);
    });

    it('expires entries after their TTL', async () => {
      await cache.set('short:a', 'x', { ttlMs: 40 });
      assert.equal(await cache.get('short:a'), 'x');
      await new Promise((r) => setTimeout(r, 120));
      assert.equal(await cache.get('short:a'), undefined);
    });

    it('stores a key only once with setIfAbsent, even when raced', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => cache.setIfAbsent('seen:sig', i)),
      );
      assert.equal(results.filter(Boolean).length, 1);
      assert.equal(await cache.get('seen:sig'), results.indexOf(true));
    });

    it('deletes a key', async () => {
      await cache.set('k:del', 1);
      await cache.delete('k:del');
      assert.equal(await cache.get('k:del'), undefined);
    });

    it('loads a cold key once for many concurrent callers', async () => {
      let loads = 0;
      const load = async () => {
        loads += 1;
        await new Promise((r) => setTimeout(r, 30));
        return { loaded: loads };
      };
      const results = await Promise.all(Array.from({ length: 20 }, () => cache.getOrLoad('k:cold', load)));
      assert.equal(loads, 1);
      assert.ok(results.every((r) => r.loaded === 1));
      assert.deepEqual(await cache.getOrLoad('k:cold', load), { loaded: 1 });
      assert.equal(loads, 1);
    });

    it('does not cache a failed load', async () => {
      await assert.rejects(
        cache.getOrLoad('k:fail', async () => {
          throw new Error('discord down');
        }),
        /discord down/,
      );
      assert.equal(await cache.getOrLoad('k:fail', async () => 'ok'), 'ok');
    });

    it('invalidates by prefix, leaving other keys alone', async () => {
      await cache.set('discord.member:10:1', 1);
      await cache.set('discord.member:10:2', 2);
      await cache.set('discord.member:11:1', 3);
      const n = await cache.invalidatePrefix('discord.member:10:');
      assert.equal(n, 2);
      assert.equal(await cache.get('discord.member:10:1'), undefined);
      assert.equal(await cache.get('discord.member:11:1'), 3);
    });

    it('invalidates by tag', async () => {
      await cache.set('discord.guild:20', { id: '20' }, { tags: ['guild:20'] });
      await cache.set('discord.roles:20', [], { tags: ['guild:20'] });
      await cache.set('discord.guild:21', { id: '21' }, { tags: ['guild:21'] });
      assert.equal(await cache.invalidateTag('guild:20'), 2);
      assert.equal(await cache.get('discord.guild:20'), undefined);
      assert.equal(await cache.get('discord.roles:20'), undefined);
      assert.deepEqual(await cache.get('discord.guild:21'), { id: '21' });
      assert.equal(await cache.invalidateTag('guild:none'), 0);
    });

    it('rejects keys with glob or space characters', async () => {
      await assert.rejects(cache.get('bad key'), TypeError);
      await assert.rejects(cache.set('bad*', 1), TypeError);
    });
  });
}
