import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Database } from '#platform/db/database.ts';
import { loadMigrations, migrate } from '#platform/db/migrations.ts';
import { run } from '#platform/db/statement.ts';
import {
  type Change,
  type Cursor,
  compareCursors,
  parseCursor,
  recordChange,
} from '#platform/live/changes.ts';
import { createLiveFeed, type LiveFeed, type ResetReason } from '#platform/live/feed.ts';
import { type DatabaseFactory, quietLog, type TestDatabase } from '../../support/databases.ts';

export const G1 = '100000000000000001';
export const G2 = '100000000000000002';

/** The platform's roles and the live schema, plus a watched table of our own. */
export async function liveDatabase(factory: DatabaseFactory): Promise<TestDatabase> {
  const database = await factory.create({ migrated: false });
  await migrate(
    database.db,
    loadMigrations([
      { name: 'platform', dir: new URL('../../../src/platform/db/migrations/', import.meta.url) },
      { name: 'live', dir: new URL('../../../src/platform/live/migrations/', import.meta.url) },
    ]),
  );
  await database.db.session((s) =>
    s.exec(`
      create table public.items (guild_id bigint not null, id text not null, title text, primary key (guild_id, id));
      alter table public.items enable row level security;
      alter table public.items force row level security;
      create policy guild_isolation on public.items
        using (guild_id = live.scope_guild()) with check (guild_id = live.scope_guild());
      grant select, insert, update, delete on public.items to guildhall_app, guildhall_system;
      create trigger items_live_insert after insert on public.items referencing new table as new_rows
        for each statement execute function live.capture('things', 'id', 'item');
      create trigger items_live_update after update on public.items referencing new table as new_rows
        for each statement execute function live.capture('things', 'id', 'item');
      create trigger items_live_delete after delete on public.items referencing old table as old_rows
        for each statement execute function live.capture('things', 'id', 'item');
      create table public.parts (guild_id bigint not null, item_id text not null, n int not null);
      grant select, insert, update, delete on public.parts to guildhall_app, guildhall_system;
      create trigger parts_live_insert after insert on public.parts referencing new table as new_rows
        for each statement execute function live.capture('things', 'item_id', 'part');
    `),
  );
  return database;
}

/** Collects what a subscription receives and waits for it. */
export function collector() {
  const changes: Change[] = [];
  const resets: { cursor: string; reason: ResetReason }[] = [];
  const waiters: (() => void)[] = [];
  const notify = () => {
    for (const w of waiters.splice(0)) w();
  };
  return {
    changes,
    resets,
    onChange: (c: Change) => {
      changes.push(c);
      notify();
    },
    onReset: (cursor: string, reason: ResetReason) => {
      resets.push({ cursor, reason });
      notify();
    },
    async until(predicate: () => boolean, what: string, ms = 5000) {
      const deadline = Date.now() + ms;
      while (!predicate()) {
        const left = deadline - Date.now();
        if (left <= 0) assert.fail(`timed out waiting for ${what}; got ${JSON.stringify(changes)}`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, Math.min(left, 50));
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
    },
  };
}

export const insertItem = (db: Database, guildId: string, id: string, title = 't') =>
  db.withGuild(guildId, (tx) =>
    run(tx, 'insert into public.items (guild_id, id, title) values ($1, $2, $3)', [guildId, id, title]),
  );

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function liveFeedSuite(factory: DatabaseFactory) {
  describe(`live feed (${factory.kind})`, () => {
    let database: TestDatabase;
    let db: Database;
    let feed: LiveFeed;
    before(async () => {
      database = await liveDatabase(factory);
      db = database.db;
    });
    after(async () => database?.dispose());
    beforeEach(async () => {
      await feed?.close();
      feed = createLiveFeed({ db, log: quietLog, pollIntervalMs: 200 });
    });
    after(async () => feed?.close());

    it('records inserts, updates and deletes of a watched table in the same transaction, one per entity and statement', async () => {
      await insertItem(db, G1, 'rec-1');
      await db.withGuild(G1, async (tx) => {
        await run(tx, `update public.items set title = 'x' where id = 'rec-1'`);
        await run(tx, `update public.items set title = 'x' where id = 'nothing'`);
        await run(tx, `delete from public.items where id = 'rec-1'`);
        // Three rows of one entity in one statement are one change.
        await run(
          tx,
          `insert into public.parts (guild_id, item_id, n) values ($1, 'rec-3', 1), ($1, 'rec-3', 2), ($1, 'rec-3', 3)`,
          [G1],
        );
      });
      // A rolled-back change leaves no trace.
      await assert.rejects(
        db.withGuild(G1, async (tx) => {
          await run(tx, `insert into public.items (guild_id, id) values ($1, 'rec-2')`, [G1]);
          throw new Error('rollback');
        }),
      );
      const rows = await db.withSystem((tx) =>
        run<{ guild_id: string; topic: string; entity_id: string; kind: string }>(
          tx,
          `select guild_id::text, topic, entity_id, kind from live.changes where entity_id like 'rec-%' order by xid, id`,
        ),
      );
      assert.deepEqual(
        rows.map((r) => [r.guild_id, r.topic, r.entity_id, r.kind]),
        [
          [G1, 'things', 'rec-1', 'item.insert'],
          [G1, 'things', 'rec-1', 'item.update'],
          [G1, 'things', 'rec-1', 'item.delete'],
          [G1, 'things', 'rec-3', 'part.insert'],
        ],
      );
    });

    it('keeps guilds apart: a guild transaction reads and writes only its own changes', async () => {
      await insertItem(db, G2, 'iso-1');
      const seen = await db.withGuild(G1, (tx) =>
        run<{ n: number }>(tx, `select count(*)::int as n from live.changes where guild_id = $1`, [G2]),
      );
      assert.equal(seen[0]?.n, 0);
      await assert.rejects(
        db.withGuild(G1, (tx) =>
          recordChange(tx, { guildId: G2, topic: 'things', entityId: 'x', kind: 'k' }),
        ),
        (err: Error) =>
          /row-level security/.test(String((err.cause as Error | undefined)?.message ?? err.message)),
      );
    });

    it('streams new changes of the subscribed guild and topic only', async () => {
      const mine = collector();
      const other = collector();
      const sub = await feed.subscribe({ guildId: G1, topic: 'things', ...mine });
      const sub2 = await feed.subscribe({ guildId: G2, topic: 'things', ...other });
      await insertItem(db, G2, 'live-b');
      await db.withGuild(G1, (tx) =>
        recordChange(tx, { guildId: G1, topic: 'other', entityId: 'o', kind: 'k' }),
      );
      await insertItem(db, G1, 'live-a1');
      await insertItem(db, G1, 'live-a2');
      await mine.until(() => mine.changes.length >= 2, 'two changes');
      await other.until(() => other.changes.length >= 1, 'one change');
      await sleep(100);
      assert.deepEqual(
        mine.changes.map((c) => [c.guildId, c.topic, c.entityId, c.kind]),
        [
          [G1, 'things', 'live-a1', 'item.insert'],
          [G1, 'things', 'live-a2', 'item.insert'],
        ],
      );
      assert.deepEqual(
        other.changes.map((c) => c.entityId),
        ['live-b'],
      );
      assert.equal(mine.resets.length, 0);
      assert.equal(feed.subscribers, 2);
      sub.close();
      sub2.close();
      assert.equal(feed.subscribers, 0);
      await insertItem(db, G1, 'live-a3');
      await sleep(300);
      assert.equal(mine.changes.length, 2, 'nothing after close');
    });

    it('replays what a resuming stream missed, in order, without duplicates', async () => {
      const first = collector();
      const sub = await feed.subscribe({ guildId: G1, topic: 'things', ...first });
      await insertItem(db, G1, 'rp-1');
      await first.until(() => first.changes.length === 1, 'rp-1');
      sub.close();
      const resumeFrom = first.changes[0]?.cursor;
      await insertItem(db, G1, 'rp-2');
      await insertItem(db, G2, 'rp-other');
      await insertItem(db, G1, 'rp-3');
      await sleep(300); // the poller has passed them before the resume

      const again = collector();
      const resumed = await feed.subscribe({
        guildId: G1,
        topic: 'things',
        lastEventId: resumeFrom,
        ...again,
      });
      await insertItem(db, G1, 'rp-4');
      await again.until(() => again.changes.length >= 3, 'three changes');
      await sleep(100);
      assert.deepEqual(
        again.changes.map((c) => c.entityId),
        ['rp-2', 'rp-3', 'rp-4'],
      );
      const cursors = again.changes.map((c) => c.cursor);
      assert.equal(new Set(cursors).size, cursors.length);
      assert.equal(again.resets.length, 0);
      resumed.close();

      // Resuming from the newest position replays nothing.
      const none = collector();
      const s3 = await feed.subscribe({ guildId: G1, topic: 'things', lastEventId: cursors.at(-1), ...none });
      await sleep(200);
      assert.equal(none.changes.length, 0);
      assert.equal(s3.cursor, cursors.at(-1));
      s3.close();
    });

    it('resets a stream whose position is garbage, from the future, or older than retention', async () => {
      for (const [lastEventId, reason] of [
        ['not-a-cursor', 'unknown_position'],
        ['99999999999999-1', 'unknown_position'],
      ] as const) {
        const c = collector();
        const s = await feed.subscribe({ guildId: G1, topic: 'things', lastEventId, ...c });
        assert.deepEqual(
          c.resets.map((r) => r.reason),
          [reason],
          lastEventId,
        );
        assert.ok(parseCursor(c.resets[0]?.cursor), 'the reset carries a position to continue from');
        s.close();
      }

      const c = collector();
      const s = await feed.subscribe({ guildId: G1, topic: 'things', ...c });
      await insertItem(db, G1, 'old-1');
      await c.until(() => c.changes.length === 1, 'old-1');
      s.close();
      const old = c.changes[0]?.cursor;
      await insertItem(db, G1, 'old-2');
      const pruner = createLiveFeed({ db, log: quietLog, retentionMs: 0 });
      assert.ok((await pruner.prune()) >= 2);
      await pruner.close();
      const late = collector();
      const s2 = await feed.subscribe({ guildId: G1, topic: 'things', lastEventId: old, ...late });
      assert.deepEqual(
        late.resets.map((r) => r.reason),
        ['pruned'],
      );
      assert.equal(late.changes.length, 0);
      s2.close();
    });

    it('prunes on its own schedule, with nobody subscribed', async () => {
      await insertItem(db, G1, 'prune-me');
      const count = async () =>
        (
          await db.withSystem((tx) =>
            run<{ n: number }>(
              tx,
              `select count(*)::int as n from live.changes where entity_id = 'prune-me'`,
            ),
          )
        )[0]?.n;
      assert.equal(await count(), 1);
      const pruner = createLiveFeed({ db, log: quietLog, retentionMs: 0, pruneEveryMs: 50 });
      try {
        const deadline = Date.now() + 5000;
        while ((await count()) !== 0 && Date.now() < deadline) await sleep(50);
        assert.equal(await count(), 0);
        assert.equal(pruner.subscribers, 0);
      } finally {
        await pruner.close();
      }
    });

    it('resets instead of replaying more than the replay limit', async () => {
      const small = createLiveFeed({ db, log: quietLog, replayLimit: 3, pollIntervalMs: 100 });
      try {
        const c = collector();
        const s = await small.subscribe({ guildId: G1, topic: 'things', ...c });
        await insertItem(db, G1, 'many-0');
        await c.until(() => c.changes.length === 1, 'many-0');
        s.close();
        for (let i = 1; i <= 5; i++) await insertItem(db, G1, `many-${i}`);
        await sleep(300); // the poller has passed them
        const c2 = collector();
        const s2 = await small.subscribe({
          guildId: G1,
          topic: 'things',
          lastEventId: c.changes[0]?.cursor,
          ...c2,
        });
        assert.deepEqual(
          c2.resets.map((r) => r.reason),
          ['too_many'],
        );
        await insertItem(db, G1, 'many-6');
        await c2.until(() => c2.changes.some((x) => x.entityId === 'many-6'), 'many-6 after the reset');
        // Whatever the poller had not passed at the reset follows it; nothing from before it.
        const resetAt = parseCursor(c2.resets[0]?.cursor) as Cursor;
        for (const x of c2.changes) assert.ok(compareCursors(parseCursor(x.cursor) as Cursor, resetAt) > 0);
        s2.close();
      } finally {
        await small.close();
      }
    });
  });
}
