import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rows } from '#platform/db/database.ts';
import { migrate, migrationStatus } from '#platform/db/migrations.ts';
import { allMigrations, type DatabaseFactory, type TestDatabase } from '../support/databases.ts';

const A = '100000000000000001';
const B = '200000000000000002';
const ALICE = '300000000000000003';
const BOB = '400000000000000004';

/**
 * The database port's contract: the same assertions against PGlite and PostgreSQL.
 */
export function databaseContract(factory: DatabaseFactory) {
  describe(`database contract (${factory.kind})`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await factory.create();
      await t.db.withSystem(async (tx) => {
        await tx.execute(
          sql`insert into core.users (id, username) values (${ALICE}, 'alice'), (${BOB}, 'bob')`,
        );
        await tx.execute(
          sql`insert into core.guilds (id, name, owner_id) values (${A}, 'Guild A', ${ALICE}), (${B}, 'Guild B', ${BOB})`,
        );
        await tx.execute(
          sql`insert into core.guild_members (guild_id, user_id, role_ids) values (${A}, ${ALICE}, '{}'), (${B}, ${BOB}, '{}')`,
        );
        await tx.execute(
          sql`insert into core.guild_settings (guild_id, timezone) values (${A}, 'Europe/Berlin'), (${B}, 'America/New_York')`,
        );
      });
    });
    after(async () => t?.dispose());

    it('returns int8 as strings, so Discord ids keep every digit', async () => {
      const { rows: r } = await t.db.query<{ id: string }>(`select 9007199254740993::bigint as id`);
      assert.equal(r[0]?.id, '9007199254740993');
    });

    it('rolls back a failed transaction completely', async () => {
      await assert.rejects(
        t.db.withSystem(async (tx) => {
          await tx.execute(sql`update core.guild_settings set locale = 'de' where guild_id = ${A}`);
          throw new Error('boom');
        }),
        /boom/,
      );
      const { rows: r } = await t.db.query<{ locale: string }>(
        `select locale from core.guild_settings where guild_id = $1`,
        [A],
      );
      assert.equal(r[0]?.locale, 'en');
    });

    describe('row-level security', () => {
      it("reads only the scoped guild's rows, whatever the query asks for", async () => {
        const seen = await t.db.withGuild(A, (tx) =>
          rows<{ guild_id: string }>(tx, sql`select guild_id from core.guild_settings`),
        );
        assert.deepEqual(
          seen.map((r) => r.guild_id),
          [A],
        );
        const guilds = await t.db.withGuild(A, (tx) =>
          rows<{ id: string }>(tx, sql`select id from core.guilds where id = ${B}`),
        );
        assert.deepEqual(guilds, []);
        const members = await t.db.withGuild(A, (tx) =>
          rows(tx, sql`select * from core.guild_members where guild_id = ${B}`),
        );
        assert.deepEqual(members, []);
      });

      it("cannot update or delete another guild's rows", async () => {
        const updated = await t.db.withGuild(A, (tx) =>
          rows(
            tx,
            sql`update core.guild_settings set timezone = 'UTC' where guild_id = ${B} returning guild_id`,
          ),
        );
        assert.equal(updated.length, 0);
        const deleted = await t.db.withGuild(A, (tx) =>
          rows(tx, sql`delete from core.guild_members where guild_id = ${B} returning user_id`),
        );
        assert.equal(deleted.length, 0);
        const { rows: still } = await t.db.query<{ timezone: string; n: number }>(
          `select timezone, (select count(*)::int from core.guild_members where guild_id = $1) as n from core.guild_settings where guild_id = $1`,
          [B],
        );
        assert.deepEqual(still[0], { timezone: 'America/New_York', n: 1 });
      });

      it('cannot insert rows into another guild, nor move a row there', async () => {
        await assert.rejects(
          t.db.withGuild(A, (tx) =>
            tx.execute(sql`insert into core.guild_members (guild_id, user_id) values (${B}, ${ALICE})`),
          ),
          failsWith(/row-level security/),
        );
        await assert.rejects(
          t.db.withGuild(A, (tx) =>
            tx.execute(sql`update core.guild_settings set guild_id = ${B} where guild_id = ${A}`),
          ),
          failsWith(/row-level security|duplicate key/),
        );
      });

      it('sees nothing at all without a guild scope, and the token table not even then', async () => {
        const r = await t.db.withGuild(A, async (tx) => {
          await tx.execute(sql`select set_config('app.guild_id', '', true)`);
          return rows(tx, sql`select * from core.guilds`);
        });
        assert.deepEqual(r, []);
        await assert.rejects(
          t.db.withGuild(A, (tx) => tx.execute(sql`select * from core.api_tokens`)),
          failsWith(/permission denied/),
        );
      });

      it('runs scoped transactions as guildhall_app and system ones as guildhall_system', async () => {
        const [app] = await t.db.withGuild(A, (tx) =>
          rows<{ u: string; g: string }>(
            tx,
            sql`select current_user as u, current_setting('app.guild_id') as g`,
          ),
        );
        assert.deepEqual(app, { u: 'guildhall_app', g: A });
        const [sys] = await t.db.withSystem((tx) =>
          rows<{ u: string; n: number }>(
            tx,
            sql`select current_user as u, (select count(*)::int from core.guilds) as n`,
          ),
        );
        assert.deepEqual(sys, { u: 'guildhall_system', n: 2 });
      });

      it('does not leak the guild scope into the next transaction on the same connection', async () => {
        await t.db.withGuild(A, async () => {});
        const [r] = await t.db.withSystem((tx) =>
          rows<{ g: string | null }>(tx, sql`select current_setting('app.guild_id', true) as g`),
        );
        assert.ok(!r?.g, `scope leaked: ${r?.g}`);
        const { rows: plain } = await t.db.query<{ u: string }>('select current_user as u');
        assert.notEqual(plain[0]?.u, 'guildhall_app');
      });

      it('rejects a guild id that is not a snowflake before touching the database', async () => {
        await assert.rejects(
          t.db.withGuild("1' or '1'='1", async () => {}),
          /not a Discord id/,
        );
      });
    });

    describe('migrations', () => {
      it('are idempotent: a second run applies nothing', async () => {
        const migrations = await allMigrations();
        const events: string[] = [];
        const status = await migrate(t.db, migrations, { onProgress: (e) => events.push(e.type) });
        assert.deepEqual(status.pending, []);
        assert.ok(!events.includes('start'));
      });

      it('refuses to run when an applied migration was edited', async () => {
        const migrations = (await allMigrations()).map((m, i) =>
          i === 0 ? { ...m, checksum: 'edited' } : m,
        );
        await assert.rejects(
          migrate(t.db, migrations),
          (e: Error & { code?: string }) => e.code === 'MIGRATION_CHANGED',
        );
      });

      it('reports pending and unknown migrations', async () => {
        const migrations = await allMigrations();
        const extra = { id: 'zz/9999_later.sql', sql: 'select 1', checksum: 'x', transactional: true };
        const status = await migrationStatus(t.db, [...migrations, extra]);
        assert.deepEqual(status.pending, [extra.id]);
        const older = await migrationStatus(t.db, migrations.slice(0, 1));
        assert.ok(older.unknown.length > 0);
      });

      it('rolls back a failing migration with its bookkeeping row', async () => {
        const migrations = await allMigrations();
        const bad = {
          id: 'zz/9999_bad.sql',
          sql: 'create table core.half_done (id int); select 1/0;',
          checksum: 'y',
          transactional: true,
        };
        await assert.rejects(migrate(t.db, [...migrations, bad]), /zz\/9999_bad\.sql failed/);
        const { rows: r } = await t.db.query<{ t: string | null; m: number }>(
          `select to_regclass('core.half_done')::text as t, (select count(*)::int from meta.migrations where id = $1) as m`,
          [bad.id],
        );
        assert.deepEqual(r[0], { t: null, m: 0 });
      });

      it('serialises concurrent runs: each migration is applied exactly once', async () => {
        const fresh = await factory.create({ migrated: false });
        try {
          const migrations = await allMigrations();
          const applied: string[] = [];
          const run = () =>
            migrate(fresh.db, migrations, { onProgress: (e) => e.type === 'done' && applied.push(e.id) });
          await Promise.all([run(), run(), run()]);
          assert.deepEqual(applied.sort(), migrations.map((m) => m.id).sort());
          const { rows: r } = await fresh.db.query<{ n: number }>(
            'select count(*)::int as n from meta.migrations',
          );
          assert.equal(r[0]?.n, migrations.length);
        } finally {
          await fresh.dispose();
        }
      });
    });

    describe('sessions and notifications', () => {
      it('delivers NOTIFY to listeners, and stops after unlisten', async () => {
        const got: (string | undefined)[] = [];
        const unlisten = await t.db.listen('gh_test_channel', (n) => got.push(n.payload));
        await t.db.query(`select pg_notify('gh_test_channel', 'one')`);
        await waitFor(() => got.includes('one'));
        await unlisten();
        await t.db.query(`select pg_notify('gh_test_channel', 'two')`);
        await new Promise((r) => setTimeout(r, 100));
        assert.deepEqual(got, ['one']);
      });

      it('holds a NOTIFY sent inside a transaction until it commits, and drops it on rollback', async () => {
        const got: (string | undefined)[] = [];
        const unlisten = await t.db.listen('gh_test_tx', (n) => got.push(n.payload));
        await assert.rejects(
          t.db.withSystem(async (tx) => {
            await tx.execute(sql`select pg_notify('gh_test_tx', 'rolled-back')`);
            throw new Error('abort');
          }),
        );
        await t.db.withSystem((tx) => tx.execute(sql`select pg_notify('gh_test_tx', 'committed')`));
        await waitFor(() => got.length > 0);
        await new Promise((r) => setTimeout(r, 50));
        assert.deepEqual(got, ['committed']);
        await unlisten();
      });

      it('gives a session a connection of its own with working transactions', async () => {
        const order: string[] = [];
        await Promise.all([
          t.db.session(async (s) => {
            await s.transaction(async (x) => {
              order.push('a-begin');
              await x.query('select pg_sleep(0.05)');
              order.push('a-end');
            });
          }),
          t.db.session(async (s) => {
            order.push('b');
            await s.query('select 1');
          }),
        ]);
        assert.equal(order.length, 3);
        await assert.rejects(
          t.db.session((s) =>
            s.transaction(async (x) => {
              await x.query(`update core.guild_settings set locale = 'de' where guild_id = $1`, [A]);
              throw new Error('undo');
            }),
          ),
        );
        const { rows: r } = await t.db.query<{ locale: string }>(
          'select locale from core.guild_settings where guild_id = $1',
          [A],
        );
        assert.equal(r[0]?.locale, 'en');
      });
    });
  });
}

/** Drizzle wraps driver errors ("Failed query: …"); the database's own message is the cause. */
export function failsWith(pattern: RegExp) {
  return (e: unknown) => {
    const text = `${(e as Error).message} ${((e as Error).cause as Error | undefined)?.message ?? ''}`;
    assert.match(text, pattern);
    return true;
  };
}

export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
