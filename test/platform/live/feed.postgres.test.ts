import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Database } from '#platform/db/database.ts';
import { createLiveFeed, type LiveFeed } from '#platform/live/feed.ts';
import { postgresFactory, quietLog, type TestDatabase } from '../../support/databases.ts';
import { skipWithoutServices } from '../../support/services.ts';
import { collector, G1, liveDatabase, liveFeedSuite } from './feed.suite.ts';

const INSERT = `insert into live.changes (guild_id, topic, entity_id, kind) values ($1, 'gap', $2, 'k') returning id::text`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Holds a transaction open on its own connection until released. */
function openTransaction(
  db: Database,
  body: (q: (text: string, p?: unknown[]) => Promise<string>) => Promise<void>,
) {
  let release!: () => void;
  let ready!: () => void;
  const released = new Promise<void>((r) => {
    release = r;
  });
  const isReady = new Promise<void>((r) => {
    ready = r;
  });
  const done = db.session((s) =>
    s.transaction(async (t) => {
      await body(async (text, p) => {
        const { rows } = await t.query<{ id: string }>(text, p);
        return rows[0]?.id ?? '';
      });
      ready();
      await released;
    }),
  );
  return { isReady, release, done };
}

describe('PostgreSQL', { skip: skipWithoutServices() }, () => {
  liveFeedSuite(postgresFactory);

  describe('live feed gap safety (postgres: concurrent transactions)', () => {
    let database: TestDatabase;
    let feed: LiveFeed;
    before(async () => {
      database = await liveDatabase(postgresFactory);
      feed = createLiveFeed({ db: database.db, log: quietLog, pollIntervalMs: 50 });
    });
    after(async () => {
      await feed?.close();
      await database?.dispose();
    });

    it('does not pass a smaller id whose transaction commits after a larger one', async () => {
      const c = collector();
      const sub = await feed.subscribe({ guildId: G1, topic: 'gap', ...c });
      let idA = '';
      const a = openTransaction(database.db, async (q) => {
        idA = await q(INSERT, [G1, 'a']);
      });
      await a.isReady;
      const idB = await database.db.session((s) =>
        s.transaction(async (t) => (await t.query<{ id: string }>(INSERT, [G1, 'b'])).rows[0]?.id ?? ''),
      );
      assert.ok(BigInt(idA) < BigInt(idB), 'the scenario: b holds the larger id and commits first');
      await sleep(400); // several polls and b's NOTIFY
      const heldBack = c.changes.length;
      a.release();
      assert.equal(heldBack, 0, 'b is held back while a, below it, is in flight');
      await a.done;
      await c.until(() => c.changes.length === 2, 'a and b');
      assert.deepEqual(
        c.changes.map((x) => x.entityId),
        ['a', 'b'],
      );
      sub.close();
    });

    it('delivers both when the first transaction takes its id after the second committed', async () => {
      const c = collector();
      const sub = await feed.subscribe({ guildId: G1, topic: 'gap', ...c });
      let proceed!: () => void;
      const canInsert = new Promise<void>((r) => {
        proceed = r;
      });
      let idC = '';
      // c gets its transaction id first, its row id last.
      const tc = openTransaction(database.db, async (q) => {
        await q('select pg_current_xact_id()::text as id');
        await canInsert;
        idC = await q(INSERT, [G1, 'c']);
      });
      await sleep(50);
      const idD = await database.db.session((s) =>
        s.transaction(async (t) => (await t.query<{ id: string }>(INSERT, [G1, 'd'])).rows[0]?.id ?? ''),
      );
      proceed();
      await tc.isReady;
      assert.ok(BigInt(idC) > BigInt(idD));
      await sleep(300);
      const heldBack = c.changes.length;
      tc.release();
      assert.equal(heldBack, 0, 'd waits for c, which began before it');
      await tc.done;
      await c.until(() => c.changes.length === 2, 'c and d');
      assert.deepEqual(
        c.changes.map((x) => x.entityId),
        ['c', 'd'],
      );

      // A stream resuming from between them gets the rest exactly once.
      const r = collector();
      const again = await feed.subscribe({
        guildId: G1,
        topic: 'gap',
        lastEventId: c.changes[0]?.cursor,
        ...r,
      });
      await sleep(200);
      assert.deepEqual(
        r.changes.map((x) => x.entityId),
        ['d'],
      );
      again.close();
      sub.close();
    });

    it('loses nothing under many concurrent writers', async () => {
      const c = collector();
      const sub = await feed.subscribe({ guildId: G1, topic: 'storm', ...c });
      const n = 200;
      await Promise.all(
        Array.from({ length: n }, (_, i) =>
          database.db.session((s) =>
            s.transaction(async (t) => {
              await t.query(
                `insert into live.changes (guild_id, topic, entity_id, kind) values ($1, 'storm', $2, 'k')`,
                [G1, String(i)],
              );
              // Commit in a scrambled order relative to the ids taken.
              await sleep(Math.random() * 20);
            }),
          ),
        ),
      );
      await c.until(() => c.changes.length >= n, `${n} changes`, 10_000);
      await sleep(200);
      assert.equal(c.changes.length, n);
      assert.equal(new Set(c.changes.map((x) => x.entityId)).size, n);
      sub.close();
    });
  });
});
