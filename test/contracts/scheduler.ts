import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Database } from '#platform/db/database.ts';
import { openPostgres } from '#platform/db/postgres.ts';
import { defineRecurring, tickKey } from '#platform/scheduler/jobs.ts';
import type { Scheduler, Stoppable } from '#platform/scheduler/scheduler.ts';
import { createMetrics } from '#platform/telemetry/metrics.ts';
import { type DatabaseFactory, quietLog, type TestDatabase } from '../support/databases.ts';
import { firedEvents, StrictJob, TestJob, testScheduler } from '../support/scheduler.ts';
import { failsWith, waitFor } from './database.ts';

const A = '100000000000000001';
const B = '200000000000000002';
const OWNER = '300000000000000003';

/** The scheduler on one database kind: the same assertions on PGlite and PostgreSQL. */
export function schedulerContract(factory: DatabaseFactory) {
  describe(`scheduler (${factory.kind})`, () => {
    let t: TestDatabase;
    const running: Stoppable[] = [];
    const extraDbs: Database[] = [];
    let keyCounter = 0;
    const key = (what: string) => `test:${what}:${++keyCounter}`;
    const jobs = async (prefix: string) =>
      (
        await t.db.query<{ key: string; status: string; due_at: Date; guild_id: string | null }>(
          `select key, status, due_at, guild_id from sched.jobs where key like $1 order by key`,
          [`${prefix}%`],
        )
      ).rows;
    const start = async (scheduler: Scheduler) => {
      const r = await scheduler.start();
      running.push(r);
      return r;
    };
    /** Another connection pool on the same database, as another process would have. */
    const replicaDb = async (): Promise<Database> => {
      if (!t.url) return t.db;
      const db = await openPostgres({
        url: t.url,
        poolMax: 3,
        applicationName: 'guildhall-test-replica',
        log: quietLog,
      });
      extraDbs.push(db);
      return db;
    };

    before(async () => {
      t = await factory.create();
      await t.db.withSystem(async (tx) => {
        await tx.execute(sql`insert into core.users (id, username) values (${OWNER}, 'owner')`);
        await tx.execute(
          sql`insert into core.guilds (id, name, owner_id) values (${A}, 'A', ${OWNER}), (${B}, 'B', ${OWNER})`,
        );
      });
    });
    afterEach(async () => {
      for (const r of running.splice(0).reverse()) await r.stop();
    });
    after(async () => {
      for (const db of extraDbs) await db.close();
      await t?.dispose();
    });

    it('fires a due job once, writing its event into the outbox in the same transaction', async () => {
      const metrics = createMetrics('test');
      const scheduler = testScheduler(t.db, { metrics });
      const k = key('once');
      const dueAt = new Date(Date.now() + 150);
      await t.db.withSystem((tx) =>
        scheduler.schedule(tx, { key: k, kind: TestJob, dueAt, guildId: A, payload: { n: 1 } }),
      );
      await start(scheduler);
      await waitFor(async () => (await jobs(k))[0]?.status === 'fired', 10_000, 'the job to fire');
      const events = await firedEvents(t.db);
      assert.equal(events.get(k)?.n, 1);
      const message = events.get(k)?.message as Record<string, unknown>;
      assert.equal(message.type, 'test.job_due');
      assert.equal(message.version, 1);
      assert.equal(message.guildId, A);
      assert.equal(message.occurredAt, dueAt.toISOString(), 'occurredAt is the due time');
      assert.equal(message.correlationId, `job:${k}`);
      assert.deepEqual(message.payload, { n: 1 });
      assert.match(String(message.id), /^[0-9a-f-]{36}$/);
      await waitFor(
        async () =>
          /_count\{[^}]*kind="test.job"[^}]*\} 1/.test(
            await metrics.getSingleMetricAsString('guildhall_scheduler_lag_seconds'),
          ),
        5000,
        'the lag metric',
      );
    });

    it('moves a job scheduled again under its key, cancels by key and by prefix', async () => {
      const scheduler = testScheduler(t.db);
      const moved = key('moved');
      const cancelled = key('cancelled');
      const soon = new Date(Date.now() + 100);
      await t.db.withSystem(async (tx) => {
        await scheduler.schedule(tx, { key: moved, kind: TestJob, dueAt: soon, payload: { n: 1 } });
        await scheduler.schedule(tx, { key: cancelled, kind: TestJob, dueAt: soon, payload: { n: 2 } });
        for (const suffix of ['a', 'b', 'c'])
          await scheduler.schedule(tx, {
            key: `test:game_1%:${suffix}`,
            kind: TestJob,
            dueAt: soon,
            payload: { n: 3 },
          });
        await scheduler.schedule(tx, {
          key: 'test:game_10:a',
          kind: TestJob,
          dueAt: soon,
          payload: { n: 4 },
        });
        await scheduler.schedule(tx, {
          key: 'test:game_1x:a',
          kind: TestJob,
          dueAt: soon,
          payload: { n: 5 },
        });
      });
      const later = new Date(Date.now() + 3_600_000);
      await t.db.withSystem(async (tx) => {
        await scheduler.schedule(tx, { key: moved, kind: TestJob, dueAt: later, payload: { n: 10 } });
        assert.equal(await scheduler.cancel(tx, cancelled), true);
        assert.equal(await scheduler.cancel(tx, cancelled), false);
        // "%" and "_" in a prefix are literal characters, not wildcards.
        assert.equal(await scheduler.cancelPrefix(tx, 'test:game_1%:'), 3);
      });
      await start(scheduler);
      await waitFor(
        async () => (await jobs('test:game_1')).every((j) => j.status === 'fired'),
        10_000,
        'the rest',
      );
      assert.deepEqual(
        (await jobs('test:game_1')).map((j) => j.key),
        ['test:game_10:a', 'test:game_1x:a'],
      );
      const [m] = await jobs(moved);
      assert.equal(m?.status, 'pending');
      assert.equal(new Date(m?.due_at as Date).toISOString(), later.toISOString());
      assert.deepEqual(await jobs(cancelled), []);
      assert.equal((await firedEvents(t.db)).has(moved), false);
    });

    it('re-arms a job that already fired when it is scheduled again', async () => {
      const scheduler = testScheduler(t.db);
      const k = key('rearmed');
      await t.db.withSystem((tx) =>
        scheduler.schedule(tx, { key: k, kind: TestJob, dueAt: new Date(), payload: { n: 1 } }),
      );
      await start(scheduler);
      await waitFor(async () => (await jobs(k))[0]?.status === 'fired', 10_000, 'the first firing');
      await t.db.withSystem((tx) =>
        scheduler.schedule(tx, { key: k, kind: TestJob, dueAt: new Date(), payload: { n: 2 } }),
      );
      await waitFor(async () => (await firedEvents(t.db)).get(k)?.n === 2, 10_000, 'the second firing');
    });

    it('wakes for a job due sooner than it would otherwise look again', async () => {
      // A poll interval far longer than the wait: only the NOTIFY can wake it in time.
      const scheduler = testScheduler(t.db, { config: { pollIntervalMs: 120_000 } });
      const far = key('far');
      await t.db.withSystem((tx) =>
        scheduler.schedule(tx, {
          key: far,
          kind: TestJob,
          dueAt: new Date(Date.now() + 3_600_000),
          payload: { n: 1 },
        }),
      );
      await start(scheduler);
      await new Promise((r) => setTimeout(r, 100));
      const soon = key('soon');
      await t.db.withSystem((tx) =>
        scheduler.schedule(tx, {
          key: soon,
          kind: TestJob,
          dueAt: new Date(Date.now() + 200),
          payload: { n: 1 },
        }),
      );
      await waitFor(async () => (await jobs(soon))[0]?.status === 'fired', 60_000, 'the sooner job');
      assert.equal((await jobs(far))[0]?.status, 'pending');
    });

    it('fires jobs missed while no scheduler ran, and records those later than their kind allows as missed', async () => {
      const metrics = createMetrics('test');
      const scheduler = testScheduler(t.db, { metrics });
      const late = key('late');
      const tooLate = key('too_late');
      const lateAnyKind = key('late_any');
      await t.db.withSystem(async (tx) => {
        await scheduler.schedule(tx, {
          key: late,
          kind: StrictJob,
          dueAt: new Date(Date.now() - 30_000),
          payload: { n: 1 },
        });
        await scheduler.schedule(tx, {
          key: tooLate,
          kind: StrictJob,
          dueAt: new Date(Date.now() - 3_600_000),
          payload: { n: 2 },
        });
        await scheduler.schedule(tx, {
          key: lateAnyKind,
          kind: TestJob,
          dueAt: new Date(Date.now() - 86_400_000),
          payload: { n: 3 },
        });
      });
      await start(scheduler);
      await waitFor(
        async () =>
          (await jobs('test:'))
            .filter((j) => [late, tooLate, lateAnyKind].includes(j.key))
            .every((j) => j.status !== 'pending'),
        10_000,
        'the missed jobs',
      );
      assert.equal((await jobs(late))[0]?.status, 'fired');
      assert.equal((await jobs(tooLate))[0]?.status, 'missed');
      assert.equal((await jobs(lateAnyKind))[0]?.status, 'fired');
      const events = await firedEvents(t.db);
      assert.equal(events.has(tooLate), false, 'a missed job publishes nothing');
      assert.equal(events.get(late)?.n, 1);
      await waitFor(
        async () =>
          /\{[^}]*kind="test.strict",outcome="missed"[^}]*\} 1/.test(
            await metrics.getSingleMetricAsString('guildhall_scheduler_jobs_total'),
          ),
        5000,
        'the missed metric',
      );
    });

    it('fires a recurring job once per tick, across restarts, and drops ticks of a changed expression', async () => {
      const every = defineRecurring({
        name: 'test-every-second',
        cron: '* * * * * *',
        kind: TestJob,
        payload: { n: 7 },
      });
      const scheduler = testScheduler(t.db, { recurring: [every] });
      const first = await start(scheduler);
      const ticks = async () =>
        (
          await t.db.query<{ key: string; status: string }>(
            `select key, status from sched.jobs where recurring = 'test-every-second' order by due_at`,
          )
        ).rows;
      await waitFor(
        async () => (await ticks()).filter((r) => r.status === 'fired').length >= 2,
        10_000,
        'two ticks',
      );
      await first.stop();
      running.splice(running.indexOf(first), 1);
      // A second scheduler taking over finds the pending tick and carries on.
      await start(testScheduler(t.db, { recurring: [every] }));
      await waitFor(
        async () => (await ticks()).filter((r) => r.status === 'fired').length >= 4,
        10_000,
        'four ticks',
      );
      for (const r of running.splice(0)) await r.stop();
      const fired = await firedEvents(t.db);
      for (const tick of (await ticks()).filter((r) => r.status === 'fired'))
        assert.equal(fired.get(tick.key)?.n, 1, `tick ${tick.key} fired once`);
      assert.ok((await ticks()).filter((r) => r.status === 'pending').length <= 1);

      // The expression changes (in a new release): the pending tick of the old one goes.
      const hourly = defineRecurring({
        name: 'test-every-second',
        cron: '0 0 * * * *',
        kind: TestJob,
        payload: { n: 7 },
      });
      const next = hourly.next(new Date()) as Date;
      await start(testScheduler(t.db, { recurring: [hourly] }));
      await waitFor(
        async () => (await ticks()).some((r) => r.key === tickKey('test-every-second', next)),
        10_000,
        'the new tick',
      );
      assert.deepEqual(
        (await ticks()).filter((r) => r.status === 'pending').map((r) => r.key),
        [tickKey('test-every-second', next)],
      );
    });

    for (const replicas of [2, 3]) {
      it(`lets ${replicas} scheduler replicas run at once: no job fires twice`, async () => {
        const name = `test-replicas-${replicas}`;
        const tick = defineRecurring({ name, cron: '* * * * * *', kind: TestJob, payload: { n: replicas } });
        const schedulers: Scheduler[] = [];
        for (let i = 0; i < replicas; i++)
          schedulers.push(testScheduler(await replicaDb(), { recurring: [tick], config: { batchSize: 20 } }));
        const prefix = `test:replicas${replicas}:`;
        const keys = Array.from({ length: 400 }, (_, i) => `${prefix}${i}`);
        const base = Date.now() + 300;
        await t.db.withSystem(async (tx) => {
          for (const [i, k] of keys.entries())
            await (schedulers[0] as Scheduler).schedule(tx, {
              key: k,
              kind: TestJob,
              dueAt: new Date(base + (i % 40) * 40),
              payload: { n: i },
            });
        });
        for (const s of schedulers) await start(s);
        await waitFor(
          async () => (await jobs(prefix)).every((j) => j.status === 'fired'),
          30_000,
          'every job',
        );
        await waitFor(
          async () =>
            ((
              await t.db.query<{ n: number }>(
                `select count(*)::int as n from sched.jobs where recurring = $1 and status = 'fired'`,
                [name],
              )
            ).rows[0]?.n as number) >= 2,
          10_000,
          'two ticks',
        );
        for (const r of running.splice(0)) await r.stop();
        const events = await firedEvents(t.db);
        const doubled = keys.filter((k) => events.get(k)?.n !== 1);
        assert.deepEqual(doubled, [], 'each job fired exactly once');
        const { rows: tickRows } = await t.db.query<{ key: string }>(
          `select key from sched.jobs where recurring = $1 and status = 'fired'`,
          [name],
        );
        for (const r of tickRows) assert.equal(events.get(r.key)?.n, 1, `${r.key} fired once`);
      });
    }

    it('keeps each guild to its own jobs in guild-scoped transactions', async () => {
      const scheduler = testScheduler(t.db);
      const mine = key('guild_a');
      const theirs = key('guild_b');
      await t.db.withSystem((tx) =>
        scheduler.schedule(tx, {
          key: theirs,
          kind: TestJob,
          dueAt: new Date(Date.now() + 3_600_000),
          guildId: B,
          payload: { n: 2 },
        }),
      );
      await t.db.withGuild(A, (tx) =>
        scheduler.schedule(tx, {
          key: mine,
          kind: TestJob,
          dueAt: new Date(Date.now() + 3_600_000),
          payload: { n: 1 },
        }),
      );
      assert.equal((await jobs(mine))[0]?.guild_id, A, 'the guild comes from the transaction scope');
      await assert.rejects(
        t.db.withGuild(A, (tx) =>
          scheduler.schedule(tx, {
            key: key('for_b'),
            kind: TestJob,
            dueAt: new Date(),
            guildId: B,
            payload: { n: 3 },
          }),
        ),
        failsWith(/row-level security/),
      );
      await assert.rejects(
        t.db.withGuild(A, (tx) =>
          scheduler.schedule(tx, { key: theirs, kind: TestJob, dueAt: new Date(), payload: { n: 4 } }),
        ),
        failsWith(/row-level security/),
        "another guild's key cannot be taken over",
      );
      const visible = await t.db.withGuild(A, (tx) =>
        tx.execute(sql`select key from sched.jobs where key like 'test:guild%'`),
      );
      assert.deepEqual(
        (visible as unknown as { rows: { key: string }[] }).rows.map((r) => r.key),
        [mine],
      );
      assert.equal(await t.db.withGuild(A, (tx) => scheduler.cancel(tx, theirs)), false);
      assert.equal(await t.db.withGuild(A, (tx) => scheduler.cancelPrefix(tx, 'test:')), 1);
      assert.equal((await jobs(theirs))[0]?.status, 'pending', "B's job is untouched");
    });

    it('refuses unknown kinds and payloads that do not match the event', async () => {
      const scheduler = testScheduler(t.db, { kinds: [TestJob] });
      await assert.rejects(
        t.db.withSystem((tx) =>
          scheduler.schedule(tx, { key: key('x'), kind: StrictJob, dueAt: new Date(), payload: { n: 1 } }),
        ),
        (e: Error & { code?: string }) => e.code === 'JOB_KIND_UNKNOWN',
      );
      await assert.rejects(
        t.db.withSystem((tx) =>
          scheduler.schedule(tx, {
            key: key('x'),
            kind: TestJob,
            dueAt: new Date(),
            payload: { n: 'one' } as never,
          }),
        ),
        (e: Error & { code?: string }) => e.code === 'JOB_INVALID' && /\/n/.test(e.message),
      );
      await assert.rejects(
        t.db.withSystem((tx) =>
          scheduler.schedule(tx, {
            key: key('x'),
            kind: TestJob,
            dueAt: new Date(Number.NaN),
            payload: { n: 1 },
          }),
        ),
        (e: Error & { code?: string }) => e.code === 'JOB_INVALID',
      );
      assert.throws(
        () => defineRecurring({ name: 'bad', cron: 'every tuesday', kind: TestJob, payload: { n: 1 } }),
        (e: Error & { code?: string }) => e.code === 'RECURRING_JOB_INVALID',
      );
    });

    it('leaves jobs of kinds it does not know for a scheduler that does', async () => {
      const k = key('foreign');
      await t.db.withSystem((tx) =>
        testScheduler(t.db).schedule(tx, { key: k, kind: StrictJob, dueAt: new Date(), payload: { n: 1 } }),
      );
      await start(testScheduler(t.db, { kinds: [TestJob] }));
      await new Promise((r) => setTimeout(r, 400));
      assert.equal((await jobs(k))[0]?.status, 'pending');
      await start(testScheduler(t.db));
      await waitFor(async () => (await jobs(k))[0]?.status === 'fired', 10_000, 'the foreign job');
    });
  });
}
