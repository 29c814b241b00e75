import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Connection } from 'rabbitmq-client';
import { createDeadLetters } from '#platform/bus/dead-letters.ts';
import type { OutgoingEvent } from '#platform/bus/events.ts';
import { publish } from '#platform/bus/outbox.ts';
import { rabbitNames } from '#platform/bus/rabbitmq.ts';
import {
  closeRabbitConnections,
  createEffectsTable,
  deleteRabbitTopology,
  ThingHappened,
  uniquePrefix,
} from '../../support/bus.ts';
import { postgresFactory, type TestDatabase } from '../../support/databases.ts';
import { TestJob, testScheduler } from '../../support/scheduler.ts';
import { SERVICES, skipWithoutServices } from '../../support/services.ts';
import { JOBS_CONSUMER, THINGS_CONSUMER } from './failure-child.ts';

const EVENTS = 5000;
const JOBS = 2000;
const GUILDS = 20;
const POISON = 1_000_000;
const POISON_GUILD = '900000000000000009';
/** Jobs come due over this span; the producer publishes over about the same time. */
const SPAN_MS = 12_000;

const CHILD = fileURLToPath(new URL('./failure-child.ts', import.meta.url));
const HOOKS = fileURLToPath(new URL('../../../src/platform/boot/module-hooks.ts', import.meta.url));

type Role = 'relay' | 'worker' | 'scheduler';

/** A child process of one role, restartable; its stderr tail explains a failure. */
class Child {
  process: ChildProcess | undefined;
  tail: string[] = [];
  starts = 0;
  kills = 0;
  /** Resolves once the current process said "ready" (or exited). */
  ready: Promise<void> = Promise.resolve();
  readonly name: string;
  readonly role: Role;
  readonly #env: NodeJS.ProcessEnv;
  constructor(name: string, role: Role, env: NodeJS.ProcessEnv) {
    this.name = name;
    this.role = role;
    this.#env = env;
  }

  /** Starts it without waiting for it to be ready (a kill may come at any moment). */
  start(extraEnv: NodeJS.ProcessEnv = {}): Promise<void> {
    this.starts += 1;
    const child = spawn(process.execPath, ['--import', HOOKS, CHILD, this.role], {
      env: { ...process.env, ...this.#env, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process = child;
    child.stderr?.on('data', (d: Buffer) => {
      this.tail.push(d.toString());
      if (this.tail.length > 40) this.tail.shift();
    });
    this.ready = new Promise<void>((resolve) => {
      child.stdout?.on('data', (d: Buffer) => {
        if (d.toString().includes('ready')) resolve();
      });
      child.once('exit', () => resolve());
    });
    return this.ready;
  }

  kill(): void {
    if (this.process && this.process.exitCode === null && this.process.signalCode === null) {
      this.process.kill('SIGKILL');
      this.kills += 1;
    }
  }

  get alive(): boolean {
    return !!this.process && this.process.exitCode === null && this.process.signalCode === null;
  }

  /** SIGTERM, then SIGKILL if it does not exit in time. */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child || !this.alive) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const between = (low: number, high: number) => low + Math.random() * (high - low);

async function until(what: string, timeoutMs: number, check: () => Promise<boolean>, explain: () => string) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // The database may be briefly away (terminated connections); ask again.
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${explain()}`);
    await sleep(250);
  }
}

/** Retries a producer's transaction; the same event ids make a doubtful commit harmless. */
async function withRetries<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= 20) throw err;
      await sleep(50 * attempt);
    }
  }
}

for (const variant of [
  { name: 'embedded on PostgreSQL', rabbitmq: false },
  { name: 'RabbitMQ', rabbitmq: true },
]) {
  describe(`failures (${variant.name})`, { skip: skipWithoutServices() }, () => {
    let t: TestDatabase;
    const prefix = uniquePrefix(variant.rabbitmq ? 'frmq' : 'femb');
    const children: Child[] = [];

    before(async () => {
      t = await postgresFactory.create();
      await createEffectsTable(t.db);
    });

    after(async () => {
      await Promise.all(children.map((c) => c.stop()));
      if (variant.rabbitmq) await deleteRabbitTopology(prefix, [THINGS_CONSUMER, JOBS_CONSUMER]);
      await t?.dispose();
    });

    it('loses and repeats nothing while workers, relays and schedulers are SIGKILLed and connections dropped', async (ctx) => {
      const db = t.db;
      const databaseName = new URL(t.url as string).pathname.slice(1);
      const env = {
        FAILURE_DATABASE_URL: t.url,
        FAILURE_PREFIX: prefix,
        FAILURE_RABBITMQ: variant.rabbitmq ? '1' : '0',
        FAILURE_POISON: String(POISON),
      };
      const relay = new Child('relay', 'relay', env);
      const worker = new Child('worker', 'worker', env);
      const schedulers = [
        new Child('scheduler-a', 'scheduler', env),
        new Child('scheduler-b', 'scheduler', env),
      ];
      children.push(relay, worker, ...schedulers);
      const explain = () =>
        children
          .map((c) => `--- ${c.name}: ${c.starts} starts, ${c.kills} kills\n${c.tail.join('').slice(-3000)}`)
          .join('\n');

      // 2,000 jobs coming due while the processes are being killed.
      const scheduler = testScheduler(db);
      const start = Date.now();
      for (let chunk = 0; chunk < JOBS; chunk += 500)
        await db.withSystem(async (tx) => {
          for (let n = chunk; n < Math.min(JOBS, chunk + 500); n++)
            await scheduler.schedule(tx, {
              key: `failure:${n}`,
              kind: TestJob,
              dueAt: new Date(start + 1000 + (n / JOBS) * SPAN_MS),
              guildId: null,
              payload: { n },
            });
        });

      await Promise.all(children.map((c) => c.start()));

      // 5,000 events over about SPAN_MS, in transactions of 50, 20 guilds each numbered in order.
      const guilds = Array.from({ length: GUILDS }, (_, i) => String(100000000000000000n + BigInt(i + 1)));
      const guildSeq = new Map<string, number>();
      const batches: OutgoingEvent[][] = [];
      for (let n = 0; n < EVENTS; n += 50)
        batches.push(
          Array.from({ length: 50 }, (_, i) => {
            const guildId = guilds[(n + i) % GUILDS] as string;
            const seq = (guildSeq.get(guildId) ?? 0) + 1;
            guildSeq.set(guildId, seq);
            return ThingHappened.of({ n: n + i, guildSeq: seq }, { guildId, id: randomUUID() });
          }),
        );
      let producing = true;
      const began = Date.now();
      const producer = (async () => {
        for (const [i, batch] of batches.entries()) {
          await withRetries(() => db.withSystem((tx) => publish(tx, ...batch)));
          if (i === batches.length / 2)
            await withRetries(() =>
              db.withSystem((tx) => publish(tx, ThingHappened.of({ n: POISON }, { guildId: POISON_GUILD }))),
            );
          await sleep(began + ((i + 1) * SPAN_MS) / batches.length - Date.now());
        }
        producing = false;
      })();

      // Chaos: each process is SIGKILLed at a random moment of its work, again and again, and
      // restarted at once, until the events are published and the jobs are due.
      const chaos = Promise.all(
        children.map(async (victim) => {
          while (producing || Date.now() < start + 2000 + SPAN_MS) {
            await victim.ready;
            await sleep(between(200, 2500));
            victim.kill();
            void victim.start();
          }
        }),
      );
      // Connections dropped while everything runs: the database's once (every process of this
      // test), the broker's once (only this test's: others share the broker, so not
      // close_all_connections).
      let terminated = 0;
      let closedAmqp = 0;
      // Retried until it hit a child process (one may just be restarting).
      const hitChildren = async (drop: () => Promise<number>) => {
        for (let tries = 0; tries < 20; tries++) {
          const n = await drop();
          if (n > 0) return n;
          await sleep(300);
        }
        return 0;
      };
      const drops = (async () => {
        await sleep(began + SPAN_MS * 0.35 - Date.now());
        terminated = await hitChildren(async () => {
          const { rows } = await db.query<{ n: number }>(
            `select count(*) filter (where application_name like 'guildhall-test-failure-%')::int as n
             from (select application_name, pg_terminate_backend(pid) from pg_stat_activity
                   where datname = $1 and pid <> pg_backend_pid()) t`,
            [databaseName],
          );
          return rows[0]?.n ?? 0;
        });
        if (!variant.rabbitmq) return;
        await sleep(began + SPAN_MS * 0.65 - Date.now());
        closedAmqp = await hitChildren(() => closeRabbitConnections(prefix));
      })();
      await Promise.all([producer, chaos, drops]);
      ctx.diagnostic(
        `kills: ${children.map((c) => `${c.name} ${c.kills}`).join(', ')}; database connections terminated: ${terminated}; broker connections closed: ${closedAmqp}; chaos lasted ${Date.now() - began} ms`,
      );
      assert.ok(terminated > 0, 'database connections were terminated');
      if (variant.rabbitmq) assert.ok(closedAmqp > 0, 'broker connections were closed');
      assert.ok(
        children.every((c) => c.kills > 0),
        `every process was killed at least once: ${children.map((c) => `${c.name} ${c.kills}`).join(', ')}`,
      );

      const count = async (text: string, params?: unknown[]) =>
        (await db.query<{ n: number }>(text, params)).rows[0]?.n ?? -1;
      const effects = (consumer: string) =>
        count('select count(distinct message_id)::int as n from public.test_effects where consumer = $1', [
          consumer,
        ]);
      await until(
        'every effect',
        120_000,
        async () => (await effects(THINGS_CONSUMER)) >= EVENTS && (await effects(JOBS_CONSUMER)) >= JOBS,
        explain,
      );
      const deadLetters = createDeadLetters(db);
      await until(
        'the poison message in the dead letters',
        60_000,
        async () => (await deadLetters.list({ queue: THINGS_CONSUMER })).length > 0,
        explain,
      );

      // The handler is fixed (a new worker), the dead letter replayed: handled once.
      await worker.stop();
      await worker.start({ FAILURE_POISON_FIXED: '1' });
      const letters = await deadLetters.list({ queue: THINGS_CONSUMER });
      assert.equal(letters.length, 1, 'one dead letter');
      assert.equal(letters[0]?.attempts, 3);
      assert.equal(await deadLetters.replay(letters.map((l) => l.id)), 1);
      await until(
        'the replayed poison message',
        60_000,
        async () =>
          (await count('select count(*)::int as n from public.test_effects where consumer = $1 and n = $2', [
            THINGS_CONSUMER,
            POISON,
          ])) > 0,
        explain,
      );

      // Nothing left behind: outbox, deliveries and pending jobs drain, and stay drained.
      await until(
        'an empty outbox and no pending deliveries or jobs',
        60_000,
        async () =>
          (await count('select count(*)::int as n from bus.outbox')) === 0 &&
          (await count('select count(*)::int as n from bus.deliveries')) === 0 &&
          (await count(`select count(*)::int as n from sched.jobs where status = 'pending'`)) === 0,
        explain,
      );
      await Promise.all(children.map((c) => c.stop()));

      // Exactly once: every event and every job had its effect, none twice.
      const { rows: things } = await db.query<{ n: number; times: number }>(
        'select n, count(*)::int as times from public.test_effects where consumer = $1 group by n',
        [THINGS_CONSUMER],
      );
      assert.equal(things.length, EVENTS + 1, 'every event (and the replayed poison) had an effect');
      assert.deepEqual(
        things.filter((r) => r.times !== 1),
        [],
        'no event had a second effect',
      );
      const { rows: jobs } = await db.query<{ n: number; times: number }>(
        'select n, count(*)::int as times from public.test_effects where consumer = $1 group by n',
        [JOBS_CONSUMER],
      );
      assert.equal(jobs.length, JOBS, 'every job fired and had its effect');
      assert.deepEqual(
        jobs.filter((r) => r.times !== 1),
        [],
        'no job fired twice',
      );
      assert.equal(await count(`select count(*)::int as n from sched.jobs where status = 'fired'`), JOBS);

      // Each guild's events were handled in the order they were published.
      const { rows: order } = await db.query<{ guild_id: string; seqs: number[] }>(
        `select guild_id::text, array_agg(guild_seq order by id) as seqs from public.test_effects
         where consumer = $1 and guild_seq is not null group by guild_id`,
        [THINGS_CONSUMER],
      );
      for (const row of order)
        assert.deepEqual(
          row.seqs,
          Array.from({ length: row.seqs.length }, (_, i) => i + 1),
          `order of guild ${row.guild_id}`,
        );

      assert.equal(await count('select count(*)::int as n from bus.outbox'), 0, 'the outbox is empty');
      assert.equal(await count('select count(*)::int as n from bus.deliveries'), 0, 'no delivery is pending');
      assert.equal(
        await count('select count(*)::int as n from bus.dead_letters'),
        0,
        'no dead letter is left',
      );
      if (variant.rabbitmq) {
        const names = rabbitNames(prefix);
        const conn = new Connection({ url: SERVICES.amqp, connectionName: `guildhall-test-check-${prefix}` });
        conn.on('error', () => {});
        try {
          for (const queue of [THINGS_CONSUMER, JOBS_CONSUMER].flatMap((c) => [
            names.queue(c),
            names.dlq(c),
          ])) {
            const { messageCount } = await conn.queueDeclare({ queue, passive: true });
            assert.equal(messageCount, 0, `${queue} is empty`);
          }
        } finally {
          await conn.close();
        }
      }
    });
  });
}
