import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Database } from '#platform/db/database.ts';
import { openPostgres } from '#platform/db/postgres.ts';
import { terminateBackends } from '../../support/bus.ts';
import { postgresFactory, quietLog, type TestDatabase } from '../../support/databases.ts';
import { skipWithoutServices } from '../../support/services.ts';

/**
 * What the bus's processes meet when PostgreSQL drops their connections (pg_terminate_backend,
 * a restart, a failover): transactions fail, and are retried by their loops. Neither may the
 * process crash nor may a pooled connection be lost for good.
 */
describe('terminated PostgreSQL connections', { skip: skipWithoutServices() }, () => {
  let t: TestDatabase;
  let db: Database;
  let name: string;

  before(async () => {
    t = await postgresFactory.create({ migrated: false });
    name = new URL(t.url as string).pathname.slice(1);
    // A small pool: a single leaked connection per round would exhaust it.
    db = await openPostgres({
      url: t.url as string,
      poolMax: 3,
      applicationName: 'guildhall-test',
      log: quietLog,
    });
  });

  after(async () => {
    await db?.close();
    await t?.dispose();
  });

  const inTransaction = async () =>
    (
      await t.db.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where datname = $1 and state = 'idle in transaction'`,
        [name],
      )
    ).rows[0]?.n ?? 0;

  it('fail the transactions in flight, then the pool serves new ones, round after round', async () => {
    for (let round = 0; round < 5; round++) {
      // Connections lent out, between two statements of a transaction, when their backend goes.
      const inFlight = Promise.allSettled(
        [1, 2, 3].map(() =>
          db.withSystem(async (tx) => {
            await new Promise((r) => setTimeout(r, 500));
            await tx.execute(sql`select 1`);
          }),
        ),
      );
      for (let i = 0; i < 100 && (await inTransaction()) < 3; i++)
        await new Promise((r) => setTimeout(r, 20));
      assert.ok((await terminateBackends(t.db, name)) >= 3);
      assert.deepEqual(
        (await inFlight).map((r) => r.status),
        ['rejected', 'rejected', 'rejected'],
      );
      // Idle connections whose backend went: BEGIN may fail on them; the next ones work.
      await Promise.all([1, 2, 3].map(() => db.query('select 1')));
      await terminateBackends(t.db, name);
      await Promise.allSettled([1, 2, 3].map(() => db.withSystem(async () => 1)));
    }
    assert.equal(await db.withSystem(async () => 'still serving'), 'still serving');
    const all = await Promise.all([1, 2, 3, 4, 5, 6].map(() => db.withSystem(async () => 1)));
    assert.equal(all.length, 6, 'all three connections are usable');
  });
});
