import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, afterEach, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { Connection } from 'rabbitmq-client';
import type { Bus, Stoppable } from '#platform/bus/bus.ts';
import { type Envelope, envelopeOf } from '#platform/bus/events.ts';
import { rabbitNames } from '#platform/bus/rabbitmq.ts';
import type { HandlerContext } from '#platform/bus/subscription.ts';
import { rows } from '#platform/db/database.ts';
import { run } from '#platform/db/statement.ts';
import { createMetrics } from '#platform/telemetry/metrics.ts';
import {
  type BusVariant,
  createEffectsTable,
  deleteRabbitTopology,
  NobodyListens,
  OtherHappened,
  ThingHappened,
  testBus,
  uniquePrefix,
} from '../support/bus.ts';
import type { TestDatabase } from '../support/databases.ts';
import { SERVICES } from '../support/services.ts';
import { failsWith, waitFor } from './database.ts';

const A = '100000000000000001';
const B = '200000000000000002';
const OWNER = '300000000000000003';
const FAST = { backoff: { baseMs: 20, maxMs: 100 } } as const;

/**
 * The bus's contract: the same assertions against every transport (embedded on PGlite and on
 * PostgreSQL, RabbitMQ). Each test uses consumers of its own, on one database per suite.
 */
export function busContract(variant: BusVariant) {
  describe(`bus contract (${variant.name})`, () => {
    let t: TestDatabase;
    const prefix = uniquePrefix(variant.rabbitmq ? 'rmq' : 'emb');
    const consumers: string[] = [];
    const running: Stoppable[] = [];
    const buses: Bus[] = [];

    /** A bus for one test; its consumers are remembered for the broker clean-up. */
    const newBus = (metrics = createMetrics('test')) => {
      const bus = testBus(t.db, variant, prefix, { metrics });
      buses.push(bus);
      return bus;
    };
    const name = (what: string) => {
      const n = `worker.test.${what}_${consumers.length}`;
      consumers.push(n);
      return n;
    };
    const start = async (bus: Bus) => {
      running.push(await bus.startRelay(), await bus.startConsumers());
    };
    const effects = (consumer: string) =>
      t.db
        .query<{
          message_id: string;
          n: number;
          guild_id: string | null;
          guild_seq: number | null;
          attempt: number;
        }>(
          'select message_id, n, guild_id, guild_seq, attempt from public.test_effects where consumer = $1 order by id',
          [consumer],
        )
        .then((r) => r.rows);
    const record =
      (consumer: string) =>
      async (event: Envelope<{ n: number; guildSeq?: number }>, ctx: HandlerContext) => {
        await ctx.tx.execute(
          sql`insert into public.test_effects (consumer, message_id, guild_id, n, guild_seq, attempt)
            values (${consumer}, ${event.id}, ${event.guildId}, ${event.payload.n}, ${event.payload.guildSeq ?? null}, ${ctx.attempt})`,
        );
      };
    const outboxEmpty = async () =>
      (await t.db.query<{ n: number }>('select count(*)::int as n from bus.outbox')).rows[0]?.n === 0;

    before(async () => {
      t = await variant.database.create();
      await createEffectsTable(t.db);
      await t.db.withSystem(async (tx) => {
        await tx.execute(sql`insert into core.users (id, username) values (${OWNER}, 'owner')`);
        await tx.execute(
          sql`insert into core.guilds (id, name, owner_id) values (${A}, 'A', ${OWNER}), (${B}, 'B', ${OWNER})`,
        );
      });
    });

    // Each test's relays and consumers stop with it: a later test's consumers must not meet
    // relays that never heard of them.
    afterEach(async () => {
      for (const r of running.splice(0).reverse()) await r.stop().catch(() => {});
      for (const b of buses.splice(0)) await b.close().catch(() => {});
    });

    after(async () => {
      if (variant.rabbitmq) await deleteRabbitTopology(prefix, consumers);
      await t?.dispose();
    });

    it('delivers each event once to every consumer of its type, and nothing of a rolled-back transaction', async () => {
      const bus = newBus();
      const first = name('fanout_a');
      const second = name('fanout_b');
      const other = name('fanout_other');
      bus.subscribe(first, ThingHappened, record(first), FAST);
      bus.subscribe(second, ThingHappened, record(second), FAST);
      bus.subscribe(other, OtherHappened, record(other), FAST);
      await start(bus);

      const rolledBack = Array.from({ length: 5 }, (_, i) =>
        ThingHappened.of({ n: 1000 + i }, { guildId: A }),
      );
      await assert.rejects(
        t.db.withSystem(async (tx) => {
          await bus.publish(tx, ...rolledBack);
          throw new Error('abort');
        }),
        /abort/,
      );
      const things = Array.from({ length: 50 }, (_, i) =>
        ThingHappened.of({ n: i }, { guildId: i % 2 ? A : B }),
      );
      const others = Array.from({ length: 10 }, (_, i) => OtherHappened.of({ n: i }, { guildId: null }));
      await t.db.withSystem((tx) => bus.publish(tx, ...things.slice(0, 25), ...others));
      await t.db.withSystem((tx) => bus.publish(tx, ...things.slice(25)));

      await waitFor(
        async () =>
          (await effects(first)).length >= 50 &&
          (await effects(second)).length >= 50 &&
          (await effects(other)).length >= 10,
        20_000,
        'fan-out',
      );
      await waitFor(outboxEmpty, 5000, 'an empty outbox');
      for (const consumer of [first, second]) {
        const got = await effects(consumer);
        assert.equal(got.length, 50, `${consumer} handled each event once`);
        assert.deepEqual(new Set(got.map((e) => e.message_id)), new Set(things.map((e) => e.id)));
      }
      assert.deepEqual(
        (await effects(other)).map((e) => e.n).sort((a, b) => a - b),
        others.map((e) => e.payload.n),
      );
    });

    it('keeps the order of each guild from the outbox to a consumer', async () => {
      const bus = newBus();
      const consumer = name('ordered');
      bus.subscribe(consumer, ThingHappened, record(consumer), { ...FAST, concurrency: 1, batchSize: 1 });
      await start(bus);
      const guilds = [A, B, '500000000000000005', '600000000000000006'];
      const seq = new Map(guilds.map((g) => [g, 0]));
      for (let tx = 0; tx < 20; tx++) {
        const events = Array.from({ length: 10 }, (_, i) => {
          const guildId = guilds[(tx + i) % guilds.length] as string;
          const next = (seq.get(guildId) ?? 0) + 1;
          seq.set(guildId, next);
          return ThingHappened.of({ n: tx * 10 + i, guildSeq: next }, { guildId });
        });
        await t.db.withSystem((x) => bus.publish(x, ...events));
      }
      await waitFor(async () => (await effects(consumer)).length >= 200, 30_000, '200 ordered events');
      const got = await effects(consumer);
      for (const g of guilds) {
        const order = got.filter((e) => e.guild_id === g).map((e) => e.guild_seq);
        assert.deepEqual(
          order,
          Array.from({ length: order.length }, (_, i) => i + 1),
          `order of guild ${g}`,
        );
      }
    });

    it('publishes from a guild-scoped transaction, for that guild only, without reading the outbox', async () => {
      const bus = newBus();
      const consumer = name('scoped');
      bus.subscribe(consumer, ThingHappened, record(consumer), FAST);
      const event = ThingHappened.of({ n: 7 });
      await t.db.withGuild(A, async (tx) => {
        const [who] = await rows<{ u: string }>(tx, sql`select current_user as u`);
        assert.equal(who?.u, 'guildhall_app');
        await bus.publish(tx, event);
      });
      await assert.rejects(
        t.db.withGuild(A, (tx) => bus.publish(tx, ThingHappened.of({ n: 8 }, { guildId: B }))),
        failsWith(/row-level security/),
      );
      await assert.rejects(
        t.db.withGuild(A, (tx) => tx.execute(sql`select * from bus.outbox`)),
        failsWith(/permission denied/),
      );
      await assert.rejects(
        t.db.withGuild(A, (tx) => tx.execute(sql`select * from bus.dead_letters`)),
        failsWith(/permission denied/),
      );
      await start(bus);
      await waitFor(async () => (await effects(consumer)).length >= 1, 20_000, 'the scoped event');
      const [got] = await effects(consumer);
      assert.equal(got?.message_id, event.id);
      assert.equal(got?.guild_id, A, 'the guild came from the transaction scope');
    });

    it('refuses a payload that does not match its schema at publish time', async () => {
      const bus = newBus();
      await assert.rejects(
        t.db.withSystem((tx) => bus.publish(tx, ThingHappened.of({ n: 1.5 } as never))),
        (e: Error & { code?: string }) => e.code === 'EVENT_PAYLOAD_INVALID' && /\/n/.test(e.message),
      );
    });

    it('retries a failing handler with backoff, undoing its effect each time, then handles it once', async () => {
      const bus = newBus();
      const consumer = name('flaky');
      const attempts: number[] = [];
      bus.subscribe(
        consumer,
        ThingHappened,
        async (event, ctx) => {
          attempts.push(ctx.attempt);
          await record(consumer)(event, ctx);
          if (ctx.attempt < 3) throw new Error(`flaky failure ${ctx.attempt}`);
        },
        { ...FAST, maxAttempts: 5 },
      );
      await start(bus);
      await t.db.withSystem((tx) => bus.publish(tx, ThingHappened.of({ n: 1 }, { guildId: A })));
      await waitFor(async () => (await effects(consumer)).length >= 1, 20_000, 'the third attempt');
      await new Promise((r) => setTimeout(r, 200));
      assert.deepEqual(attempts, [1, 2, 3]);
      const got = await effects(consumer);
      assert.equal(got.length, 1, 'failed attempts left no effect');
      assert.equal(got[0]?.attempt, 3);
      assert.deepEqual(await bus.deadLetters.list({ queue: consumer }), []);
    });

    it('dead-letters a poison message after its last attempt, keeps consuming, and replays it once fixed', async () => {
      const metrics = createMetrics('test');
      const bus = newBus(metrics);
      const consumer = name('poison');
      let broken = true;
      const seen: number[] = [];
      bus.subscribe(
        consumer,
        ThingHappened,
        async function poisonHandler(event, ctx) {
          seen.push(ctx.attempt);
          if (broken && event.payload.n === 13) throw new TypeError('cannot handle thirteen');
          await record(consumer)(event, ctx);
        },
        { ...FAST, maxAttempts: 3 },
      );
      await start(bus);
      const poison = ThingHappened.of({ n: 13 }, { guildId: B });
      const fine = Array.from({ length: 5 }, (_, i) => ThingHappened.of({ n: i }, { guildId: B }));
      await t.db.withSystem((tx) => bus.publish(tx, fine[0] as never, poison, ...fine.slice(1)));

      await waitFor(
        async () => (await bus.deadLetters.list({ queue: consumer })).length > 0,
        20_000,
        'the dead letter',
      );
      const [letter] = await bus.deadLetters.list({ queue: consumer });
      assert.ok(letter);
      assert.equal(letter.messageId, poison.id);
      assert.equal(letter.type, 'test.thing_happened');
      assert.equal(letter.attempts, 3);
      assert.equal(letter.errorCode, 'HANDLER_FAILED');
      assert.equal(letter.transport, variant.rabbitmq ? 'rabbitmq' : 'embedded');
      assert.equal(letter.guildId, B);
      assert.ok(letter.replayable);
      const full = await bus.deadLetters.get(letter.id);
      assert.match(full?.error ?? '', /cannot handle thirteen/);
      assert.match(full?.stack ?? '', /poisonHandler/);
      assert.deepEqual((full?.message as Envelope | undefined)?.payload, { n: 13 });
      await waitFor(async () => (await effects(consumer)).length >= 5, 10_000, 'the other messages');
      assert.deepEqual(
        (await effects(consumer)).map((e) => e.n).sort(),
        [0, 1, 2, 3, 4],
        'the poison did not block the others',
      );
      const deadMetric = await metrics.getSingleMetricAsString('guildhall_bus_dead_lettered_total');
      assert.match(
        deadMetric,
        new RegExp(`consumer="${consumer.replaceAll('.', '\\.')}",code="HANDLER_FAILED"[^\\n]* 1`),
      );

      broken = false;
      assert.equal(await bus.deadLetters.replay([letter.id]), 1);
      assert.equal(await bus.deadLetters.replay([letter.id]), 0, 'a dead letter is replayed once');
      await waitFor(
        async () => (await effects(consumer)).some((e) => e.n === 13),
        20_000,
        'the replayed message',
      );
      await new Promise((r) => setTimeout(r, 200));
      const thirteen = (await effects(consumer)).filter((e) => e.n === 13);
      assert.equal(thirteen.length, 1);
      assert.equal(thirteen[0]?.attempt, 1, 'a replay starts with a fresh attempt count');
      assert.deepEqual(await bus.deadLetters.list({ queue: consumer }), []);
    });

    it('dead-letters invalid and unknown messages with the validation error, never running the handler', async () => {
      const bus = newBus();
      const consumer = name('strict');
      const handled: unknown[] = [];
      bus.subscribe(
        consumer,
        ThingHappened,
        async (event, ctx) => {
          handled.push(event.payload);
          await record(consumer)(event, ctx);
        },
        FAST,
      );
      await start(bus);
      const good = envelopeOf(ThingHappened.of({ n: 1 }, { guildId: A }));
      const badPayload = { ...envelopeOf(ThingHappened.of({ n: 2 })), payload: { n: 'two', extra: true } };
      const newerVersion = { ...envelopeOf(ThingHappened.of({ n: 3 })), version: 2 };
      const notAnEnvelope = { hello: 'world' };
      const insert = `insert into bus.outbox (type, message) values ('test.thing_happened', $1::jsonb)`;
      await t.db.withSystem(async (tx) => {
        for (const m of [badPayload, newerVersion, notAnEnvelope, good])
          await run(tx, insert, [JSON.stringify(m)]);
      });
      let expected = 3;
      if (variant.rabbitmq) {
        // Something else on the broker publishing garbage into the queue.
        const conn = new Connection({ url: SERVICES.amqp, connectionName: `guildhall-test-${prefix}-raw` });
        const pub = conn.createPublisher({ confirm: true });
        await pub.send(
          { routingKey: rabbitNames(prefix).queue(consumer), contentType: 'application/json' },
          Buffer.from('{not json'),
        );
        await pub.close();
        await conn.close();
        expected = 4;
      }
      await waitFor(
        async () =>
          (await bus.deadLetters.list({ queue: consumer })).length >= expected &&
          (await effects(consumer)).length >= 1,
        20_000,
        'the rejected messages',
      );
      const letters = await bus.deadLetters.list({ queue: consumer });
      const byCode = (code: string) => letters.filter((l) => l.errorCode === code);
      assert.equal(byCode('EVENT_PAYLOAD_INVALID').length, 1);
      assert.match(byCode('EVENT_PAYLOAD_INVALID')[0]?.error ?? '', /\/n must be integer/);
      assert.equal(byCode('EVENT_VERSION_UNSUPPORTED')[0]?.messageId, newerVersion.id);
      assert.equal(byCode('ENVELOPE_INVALID').length, variant.rabbitmq ? 2 : 1);
      assert.ok(
        letters.every((l) => l.attempts === 1),
        'rejected at once, not retried',
      );
      if (variant.rabbitmq) {
        const raw = letters.find((l) => !l.replayable);
        assert.ok(raw, 'a body that is not JSON is kept as text');
        assert.equal((await bus.deadLetters.get(raw.id))?.raw, '{not json');
        assert.equal(await bus.deadLetters.replay([raw.id]), 0, 'and cannot be replayed');
      }
      assert.deepEqual(handled, [{ n: 1 }]);
    });

    it('has no second effect when a message arrives again', async () => {
      const metrics = createMetrics('test');
      const bus = newBus(metrics);
      const consumer = name('idempotent');
      bus.subscribe(consumer, ThingHappened, record(consumer), FAST);
      await start(bus);
      const event = ThingHappened.of({ n: 42 }, { guildId: A });
      await t.db.withSystem((tx) => bus.publish(tx, event));
      await waitFor(async () => (await effects(consumer)).length >= 1, 20_000, 'the first delivery');
      // The same message again, as a relay that crashed after the broker confirmed would send it.
      await t.db.withSystem((tx) => bus.publish(tx, event));
      await waitFor(
        async () => {
          const text = await metrics.getSingleMetricAsString('guildhall_bus_deliveries_total');
          return text.includes(`consumer="${consumer}",outcome="duplicate"`);
        },
        20_000,
        'the duplicate',
      );
      assert.equal((await effects(consumer)).length, 1);
    });

    it('drops events nobody consumes instead of keeping them', async () => {
      const bus = newBus();
      const consumer = name('bystander');
      bus.subscribe(consumer, ThingHappened, record(consumer), FAST);
      await start(bus);
      await t.db.withSystem((tx) => bus.publish(tx, NobodyListens.of({ n: 1 })));
      await waitFor(outboxEmpty, 20_000, 'the outbox to drain');
      if (!variant.rabbitmq) {
        const { rows: left } = await t.db.query<{ n: number }>(
          `select count(*)::int as n from bus.deliveries where message->>'type' = 'test.nobody_listens'`,
        );
        assert.equal(left[0]?.n, 0);
      }
    });

    it('gives the handler a system transaction, a scoped logger and the attempt', async () => {
      const bus = newBus();
      const consumer = name('context');
      let seen: {
        user?: string | undefined;
        attempt?: number;
        bindings?: Record<string, unknown>;
        max?: number;
      } = {};
      bus.subscribe(
        consumer,
        ThingHappened,
        async (event, ctx) => {
          const [who] = await rows<{ u: string }>(ctx.tx, sql`select current_user as u`);
          seen = { user: who?.u, attempt: ctx.attempt, bindings: ctx.log.bindings(), max: ctx.maxAttempts };
          await record(consumer)(event, ctx);
        },
        { ...FAST, maxAttempts: 4 },
      );
      await start(bus);
      const event = ThingHappened.of({ n: 5 }, { guildId: A, correlationId: 'req-123' });
      await t.db.withSystem((tx) => bus.publish(tx, event));
      await waitFor(async () => (await effects(consumer)).length >= 1, 20_000, 'the event');
      assert.equal(seen.user, 'guildhall_system');
      assert.equal(seen.attempt, 1);
      assert.equal(seen.max, 4);
      assert.equal(seen.bindings?.messageId, event.id);
      assert.equal(seen.bindings?.guildId, A);
      assert.equal(seen.bindings?.correlationId, 'req-123');
    });

    it('lets two replicas compete for messages: each is handled once', async () => {
      const consumer = name('competing');
      const replicas = [newBus(), newBus()];
      for (const bus of replicas) bus.subscribe(consumer, ThingHappened, record(consumer), FAST);
      for (const bus of replicas) await start(bus);
      const events = Array.from({ length: 300 }, (_, i) =>
        ThingHappened.of({ n: i }, { guildId: i % 3 ? A : B }),
      );
      for (let i = 0; i < events.length; i += 50)
        await t.db.withSystem((tx) => (replicas[0] as Bus).publish(tx, ...events.slice(i, i + 50)));
      await waitFor(async () => (await effects(consumer)).length >= 300, 30_000, '300 events');
      await new Promise((r) => setTimeout(r, 300));
      const got = await effects(consumer);
      assert.equal(got.length, 300);
      assert.equal(new Set(got.map((e) => e.message_id)).size, 300);
    });

    if (!variant.rabbitmq)
      it('keeps each guild in order however many claim (two replicas, four loops each)', async () => {
        const consumer = name('ordered-many');
        const replicas = [newBus(), newBus()];
        for (const bus of replicas)
          bus.subscribe(consumer, ThingHappened, record(consumer), { ...FAST, concurrency: 4, batchSize: 4 });
        for (const bus of replicas) await start(bus);
        const guilds = [A, B, '500000000000000005'];
        const seq = new Map(guilds.map((g) => [g, 0]));
        for (let tx = 0; tx < 30; tx++) {
          const events = Array.from({ length: 10 }, (_, i) => {
            const guildId = guilds[(tx + i) % guilds.length] as string;
            const next = (seq.get(guildId) ?? 0) + 1;
            seq.set(guildId, next);
            return ThingHappened.of({ n: tx * 10 + i, guildSeq: next }, { guildId });
          });
          await t.db.withSystem((x) => (replicas[0] as Bus).publish(x, ...events));
        }
        await waitFor(async () => (await effects(consumer)).length >= 300, 60_000, '300 ordered events');
        const got = await effects(consumer);
        assert.equal(new Set(got.map((e) => e.message_id)).size, 300);
        for (const g of guilds) {
          const order = got.filter((e) => e.guild_id === g).map((e) => e.guild_seq);
          assert.deepEqual(
            order,
            Array.from({ length: order.length }, (_, i) => i + 1),
            `order of guild ${g}`,
          );
        }
      });

    it('finishes the handler in flight when stopped', async () => {
      const bus = newBus();
      const consumer = name('graceful');
      let release: () => void = () => {};
      const gate = new Promise<void>((r) => {
        release = r;
      });
      let entered = false;
      bus.subscribe(
        consumer,
        ThingHappened,
        async (event, ctx) => {
          entered = true;
          await gate;
          await record(consumer)(event, ctx);
        },
        FAST,
      );
      const relay = await bus.startRelay();
      const consumers = await bus.startConsumers();
      await t.db.withSystem((tx) => bus.publish(tx, ThingHappened.of({ n: 1 }, { guildId: A })));
      await waitFor(() => entered, 20_000, 'the handler to start');
      let stopped = false;
      const stopping = consumers.stop().then(() => {
        stopped = true;
      });
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(stopped, false, 'stop waits for the handler');
      release();
      await stopping;
      await relay.stop();
      assert.equal((await effects(consumer)).length, 1, 'its effect was committed');
    });

    describe('dead letters', () => {
      it('lists, filters, counts and purges', async () => {
        const bus = newBus();
        const one = name('dl_one');
        const two = name('dl_two');
        bus.subscribe(
          one,
          ThingHappened,
          async () => {
            throw new Error('always');
          },
          { ...FAST, maxAttempts: 1 },
        );
        bus.subscribe(
          two,
          OtherHappened,
          async () => {
            throw new Error('never');
          },
          { ...FAST, maxAttempts: 1 },
        );
        await start(bus);
        await t.db.withSystem((tx) =>
          bus.publish(
            tx,
            ...Array.from({ length: 3 }, (_, i) => ThingHappened.of({ n: i })),
            ...Array.from({ length: 2 }, (_, i) => OtherHappened.of({ n: i })),
          ),
        );
        const dl = bus.deadLetters;
        await waitFor(
          async () =>
            (await dl.list({ queue: one })).length === 3 && (await dl.list({ queue: two })).length === 2,
          20_000,
          'five dead letters',
        );
        assert.equal((await dl.list({ type: 'test.other_happened', queue: two })).length, 2);
        assert.equal((await dl.list({ queue: one, olderThan: new Date(Date.now() - 3_600_000) })).length, 0);
        assert.equal((await dl.list({ queue: one, newerThan: new Date(Date.now() - 3_600_000) })).length, 3);
        const page = await dl.list({ queue: one }, { limit: 2 });
        assert.equal(page.length, 2);
        const rest = await dl.list({ queue: one }, { before: page[1]?.id as string });
        assert.equal(rest.length, 1);
        const summary = await dl.summary({ queue: one });
        assert.deepEqual(
          summary.map((s) => [s.queue, s.type, s.count]),
          [[one, 'test.thing_happened', 3]],
        );
        assert.equal(await dl.purge([page[0]?.id as string]), 1);
        const progress: number[] = [];
        assert.equal(await dl.purgeMatching({ queue: one }, (done) => progress.push(done)), 2);
        assert.equal(progress.at(-1), 2);
        assert.equal((await dl.list({ queue: one })).length, 0);
        assert.equal((await dl.list({ queue: two })).length, 2, 'other queues untouched');
        assert.equal(await dl.get('999999999'), undefined);
        assert.equal(await dl.get('not-an-id'), undefined);
      });

      it('replays everything a filter matches, with progress', async () => {
        const bus = newBus();
        const consumer = name('dl_bulk');
        let broken = true;
        bus.subscribe(
          consumer,
          ThingHappened,
          async (event, ctx) => {
            if (broken) throw new Error('down for now');
            await record(consumer)(event, ctx);
          },
          { ...FAST, maxAttempts: 1 },
        );
        await start(bus);
        const events = Array.from({ length: 30 }, (_, i) => ThingHappened.of({ n: i }, { guildId: A }));
        await t.db.withSystem((tx) => bus.publish(tx, ...events));
        await waitFor(
          async () => (await bus.deadLetters.summary({ queue: consumer }))[0]?.count === 30,
          20_000,
          '30 dead letters',
        );
        broken = false;
        const ticks: [number, number][] = [];
        const replayed = await bus.deadLetters.replayMatching({ queue: consumer }, (d, total) =>
          ticks.push([d, total]),
        );
        assert.equal(replayed, 30);
        assert.deepEqual(ticks.at(-1), [30, 30]);
        await waitFor(async () => (await effects(consumer)).length >= 30, 20_000, 'the replays');
        assert.equal((await effects(consumer)).length, 30);
      });
    });

    it('carries a message id as given (for the idempotency of producers that retry)', async () => {
      const bus = newBus();
      const consumer = name('given_id');
      bus.subscribe(consumer, ThingHappened, record(consumer), FAST);
      await start(bus);
      const id = randomUUID();
      await t.db.withSystem((tx) => bus.publish(tx, ThingHappened.of({ n: 9 }, { id, guildId: A })));
      await waitFor(async () => (await effects(consumer)).length >= 1, 20_000, 'the event');
      assert.equal((await effects(consumer))[0]?.message_id, id);
    });
  });
}
