import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { ACCESS_CHANNEL, createAccessPolicy, type Membership } from '#modules/core/access.ts';
import { createDirectory } from '#modules/core/directory.ts';
import { CREDENTIALS_CHANNEL } from '#modules/core/index.ts';
import { createSessionService, type SessionRecord } from '#modules/core/sessions.ts';
import { createSettingsService, type GuildSettings } from '#modules/core/settings.ts';
import { createTokenService, type TokenRecord } from '#modules/core/tokens.ts';
import { createHintedMemo } from '#platform/cache/hinted-memo.ts';
import { FACTORIES, quietLog, type TestDatabase } from '../../support/databases.ts';

/** Polls `check` until it passes: a NOTIFY arrives on the listening connection a moment later. */
async function eventually(check: () => Promise<void>, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(20);
    }
  }
}

/** A memo that has finished setting up its LISTEN (until then it stores nothing, by design). */
async function listeningMemo<V>(db: TestDatabase['db'], channel: string, ttlMs = 60_000) {
  const memo = createHintedMemo<V>({ db, channel, ttlMs, max: 100, log: quietLog });
  const probe = `probe-${randomUUID()}`;
  await eventually(async () => {
    await memo.get(probe, probe, async () => 1 as unknown as V);
    assert.equal(memo.size, 1);
  });
  memo.drop(probe);
  return memo;
}

const GUILD = '880000000000000001';
const OTHER_GUILD = '880000000000000002';
const OWNER = '881000000000000001';
const MEMBER = '881000000000000002';
const HOST_ROLE = '882000000000000001';

for (const factory of FACTORIES) {
  describe(`hinted memo on ${factory.kind}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await factory.create();
    });
    after(async () => {
      await t.dispose();
    });

    it('loads once, then answers from memory', async () => {
      const memo = await listeningMemo<number>(t.db, 'memo_test_a');
      let loads = 0;
      const load = async () => ++loads;
      assert.equal(await memo.get('g', 'k', load), 1);
      assert.equal(await memo.get('g', 'k', load), 1);
      // Concurrent misses of one key share one load.
      const [a, b] = await Promise.all([memo.get('g', 'k2', load), memo.get('g', 'k2', load)]);
      assert.equal(a, 2);
      assert.equal(b, 2);
      assert.equal(loads, 2);
      await memo.close();
    });

    it('drops a group on its hint, everything on an empty one', async () => {
      const memo = await listeningMemo<string>(t.db, 'memo_test_b');
      let n = 0;
      const load = async () => `v${++n}`;
      await memo.get('g1', 'a', load);
      await memo.get('g2', 'b', load);
      assert.equal(memo.size, 2);
      await t.db.query(`select pg_notify('memo_test_b', 'g1')`);
      await eventually(async () => assert.equal(memo.size, 1));
      assert.equal(await memo.get('g2', 'b', load), 'v2', 'the other group is kept');
      assert.equal(await memo.get('g1', 'a', load), 'v3', 'the dropped group is loaded again');
      await t.db.query(`select pg_notify('memo_test_b', '')`);
      await eventually(async () => assert.equal(memo.size, 0));
      await memo.close();
    });

    it('does not keep an answer loaded while its group changed', async () => {
      const memo = await listeningMemo<string>(t.db, 'memo_test_c');
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const slow = memo.get('g', 'k', async () => {
        await gate;
        return 'old';
      });
      memo.drop('g'); // the change lands while the old answer is on its way
      // Asked after the change: a load of its own, not the one that began before it.
      const after = memo.get('g', 'k', async () => 'new');
      release();
      assert.equal(await slow, 'old', 'the caller still gets its answer');
      assert.equal(await after, 'new');
      assert.equal(await memo.get('g', 'k', async () => 'newer'), 'new', 'the new answer is kept');
      await memo.close();
    });

    it('keeps only what `keep` accepts, and nothing with a TTL of 0', async () => {
      const memo = await listeningMemo<number | null>(t.db, 'memo_test_d');
      let loads = 0;
      const miss = async () => {
        loads += 1;
        return null;
      };
      await memo.get('g', 'k', miss, (v) => v !== null);
      await memo.get('g', 'k', miss, (v) => v !== null);
      assert.equal(loads, 2);
      await memo.close();

      const off = createHintedMemo<number>({
        db: t.db,
        channel: 'memo_test_e',
        ttlMs: 0,
        max: 10,
        log: quietLog,
      });
      let offLoads = 0;
      await off.get('g', 'k', async () => ++offLoads);
      await sleep(50);
      await off.get('g', 'k', async () => ++offLoads);
      assert.equal(offLoads, 2);
      await off.close();
    });

    it('forgets after its TTL even without a hint', async () => {
      const memo = await listeningMemo<number>(t.db, 'memo_test_f', 100);
      let loads = 0;
      await memo.get('g', 'k', async () => ++loads);
      await memo.get('g', 'k', async () => ++loads);
      assert.equal(loads, 1);
      await sleep(150);
      await memo.get('g', 'k', async () => ++loads);
      assert.equal(loads, 2);
      await memo.close();
    });

    describe('core hints', () => {
      before(async () => {
        // Another process's directory: its writes reach the memo only through the triggers.
        const directory = createDirectory(t.db);
        await directory.upsertUser({ id: OWNER, username: 'owner' });
        await directory.upsertUser({ id: MEMBER, username: 'member' });
        for (const id of [GUILD, OTHER_GUILD])
          await directory.syncGuild({ id, name: id, ownerId: OWNER }, [
            { id, name: '@everyone', permissions: 0n },
            { id: HOST_ROLE, name: 'host', permissions: 0n },
          ]);
        await directory.upsertMember(GUILD, { userId: MEMBER, roleIds: [] });
        await directory.upsertMember(OTHER_GUILD, { userId: MEMBER, roleIds: [] });
      });

      it('a member’s roles, settings and removal reach a remembered membership', async () => {
        const memo = createHintedMemo<Membership | null>({
          db: t.db,
          channel: ACCESS_CHANNEL,
          ttlMs: 60_000,
          max: 100,
          log: quietLog,
        });
        const access = createAccessPolicy(t.db, { memo });
        const directory = createDirectory(t.db);
        // The same object twice: the second answer came from memory (once the memo listens).
        await eventually(async () => {
          const first = await access.membership(GUILD, MEMBER);
          assert.equal(first?.capabilities.has('host'), false);
          assert.equal(await access.membership(GUILD, MEMBER), first);
        });
        const other = await access.membership(OTHER_GUILD, MEMBER);
        assert.ok(other);
        assert.equal(await access.membership(OTHER_GUILD, MEMBER), other);

        await t.db.withSystem((tx) =>
          tx.execute(sql`insert into core.guild_settings (guild_id, capability_roles)
                         values (${GUILD}, ${JSON.stringify({ host: [HOST_ROLE] })}::jsonb)`),
        );
        await directory.upsertMember(GUILD, { userId: MEMBER, roleIds: [HOST_ROLE] });
        await eventually(async () =>
          assert.equal((await access.membership(GUILD, MEMBER))?.capabilities.has('host'), true),
        );
        assert.equal(await access.membership(OTHER_GUILD, MEMBER), other, 'another guild stays remembered');

        await directory.removeMember(GUILD, MEMBER);
        await eventually(async () => assert.equal(await access.membership(GUILD, MEMBER), undefined));
        await memo.close();
      });

      it('remembered guild settings follow a change written elsewhere', async () => {
        const memo = createHintedMemo<GuildSettings>({
          db: t.db,
          channel: ACCESS_CHANNEL,
          ttlMs: 60_000,
          max: 100,
          log: quietLog,
        });
        const settings = createSettingsService(t.db, () => ['games'], undefined, memo);
        await eventually(async () => {
          const first = await settings.get(OTHER_GUILD);
          assert.equal(await settings.get(OTHER_GUILD), first, 'the second answer came from memory');
        });
        await t.db.withSystem((tx) =>
          tx.execute(sql`insert into core.guild_settings (guild_id, locale) values (${OTHER_GUILD}, 'de')
                         on conflict (guild_id) do update set locale = 'de'`),
        );
        await eventually(async () => assert.equal((await settings.get(OTHER_GUILD)).locale, 'de'));
        await memo.close();
      });

      it('a token revoked or a session ended elsewhere stops working everywhere', async () => {
        const tokenMemo = createHintedMemo<TokenRecord | null>({
          db: t.db,
          channel: CREDENTIALS_CHANNEL,
          ttlMs: 60_000,
          max: 100,
          log: quietLog,
        });
        const sessionMemo = createHintedMemo<SessionRecord | null>({
          db: t.db,
          channel: CREDENTIALS_CHANNEL,
          ttlMs: 60_000,
          max: 100,
          log: quietLog,
        });
        const tokens = createTokenService(t.db, () => new Set(['games:read']), tokenMemo);
        const sessions = createSessionService(t.db, { ttlMs: 3600_000, maxAgeMs: 86400_000 }, sessionMemo);
        const { token } = await tokens.create({ userId: MEMBER, name: 'x', scopes: ['games:read'] });
        const { token: cookie, session } = await sessions.create({ userId: MEMBER, via: 'demo' });
        await eventually(async () => {
          await tokens.verify(token);
          await sessions.verify(cookie);
          assert.equal(tokenMemo.size, 1);
          assert.equal(sessionMemo.size, 1);
        });

        // Written straight to the database, as the CLI or another replica would.
        await t.db.withSystem((tx) => tx.execute(sql`update core.api_tokens set revoked_at = now()`));
        await t.db.withSystem((tx) =>
          tx.execute(sql`update core.sessions set revoked_at = now() where id = ${session.id}`),
        );
        await eventually(async () => {
          await assert.rejects(tokens.verify(token), { code: 'TOKEN_REVOKED' });
          await assert.rejects(sessions.verify(cookie), { code: 'SESSION_INVALID' });
        });
        await Promise.all([tokenMemo.close(), sessionMemo.close()]);
      });

      it('a burst of first look-ups is answered by a few statements, each member their own answer', async () => {
        let guildTransactions = 0;
        let systemTransactions = 0;
        const counting = {
          ...t.db,
          withGuild: ((guildId, fn, options) => {
            guildTransactions += 1;
            return t.db.withGuild(guildId, fn, options);
          }) as typeof t.db.withGuild,
          withSystem: ((fn, options) => {
            systemTransactions += 1;
            return t.db.withSystem(fn, options);
          }) as typeof t.db.withSystem,
        };
        const directory = createDirectory(t.db);
        const people = Array.from({ length: 40 }, (_, i) => String(883000000000000000n + BigInt(i)));
        for (const id of people) await directory.upsertUser({ id, username: id });
        for (const userId of people.slice(0, 30))
          await directory.upsertMember(GUILD, { userId, roleIds: userId.endsWith('7') ? [HOST_ROLE] : [] });
        const access = createAccessPolicy(counting);
        const answers = await Promise.all([...people, 'not-an-id'].map((u) => access.membership(GUILD, u)));
        assert.ok(guildTransactions <= 3, `${guildTransactions} transactions for 41 look-ups`);
        for (const [i, userId] of people.entries()) {
          const m = answers[i];
          if (i >= 30) {
            assert.equal(m, undefined, `${userId} is no member`);
            continue;
          }
          assert.equal(m?.userId, userId);
          assert.deepEqual(m?.roleIds, userId.endsWith('7') ? [HOST_ROLE] : []);
        }
        assert.equal(answers.at(-1), undefined, 'a malformed id is nobody, and fails nobody else');

        const tokens = createTokenService(counting, () => new Set(['games:read']));
        const minted = await Promise.all(
          people.slice(0, 20).map((userId) => tokens.create({ userId, name: 't', scopes: ['games:read'] })),
        );
        systemTransactions = 0;
        const principals = await Promise.all(minted.map(({ token }) => tokens.verify(token)));
        assert.ok(systemTransactions <= 3, `${systemTransactions} transactions for 20 tokens`);
        assert.deepEqual(
          principals.map((p) => p.userId),
          people.slice(0, 20),
        );
      });

      it('a remembered token that expires is refused as expired', async () => {
        const memo = createHintedMemo<TokenRecord | null>({
          db: t.db,
          channel: CREDENTIALS_CHANNEL,
          ttlMs: 60_000,
          max: 100,
          log: quietLog,
        });
        const tokens = createTokenService(t.db, () => new Set(['games:read']), memo);
        const expiresAt = new Date(Date.now() + 4000);
        const { token } = await tokens.create({
          userId: MEMBER,
          name: 'short',
          scopes: ['games:read'],
          expiresAt,
        });
        await eventually(async () => {
          await tokens.verify(token);
          assert.equal(memo.size, 1, 'remembered');
        });
        await sleep(expiresAt.getTime() - Date.now() + 50);
        assert.equal(memo.size, 1, 'still remembered: nothing announced an expiry');
        await assert.rejects(tokens.verify(token), { code: 'TOKEN_EXPIRED' });
        await memo.close();
      });

      it('a session’s sliding expiry is not news', async () => {
        const heard: string[] = [];
        const unlisten = await t.db.listen(CREDENTIALS_CHANNEL, (n) => heard.push(n.payload ?? ''));
        const sessions = createSessionService(t.db, { ttlMs: 3600_000, maxAgeMs: 86400_000 });
        const { token: cookie, session } = await sessions.create({ userId: MEMBER, via: 'demo' });
        await t.db.withSystem((tx) =>
          tx.execute(
            sql`update core.sessions set last_seen_at = now() - interval '1 hour' where id = ${session.id}`,
          ),
        );
        await sessions.verify(cookie); // renews: last_seen_at and a later expires_at
        await sessions.revoke(session.id, MEMBER);
        await eventually(async () => assert.equal(heard.length, 1));
        await sleep(100);
        assert.equal(heard.length, 1, 'only the revocation was announced');
        await unlisten();
      });
    });
  });
}
