/**
 * `npm run bench -- bus [--events N] [--batch-size B] [--concurrency C]`: end-to-end events/s
 * from the outbox through the transport to an idempotent consumer (its effect and inbox row
 * committed together), for the embedded transport and for RabbitMQ, each on a scratch
 * PostgreSQL database. N events are committed to the outbox first, over 50 guilds; the clock
 * runs from starting the relay and the consumer until the last effect is committed.
 *
 * Baseline in the same run: the raw rabbitmq-client publishing the same bodies with publisher
 * confirms (persistent, to a quorum queue like ours) while a consumer acknowledges them: what
 * the broker and client alone do on this machine, with no database at all.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { Connection } from 'rabbitmq-client';
import { BUS_DEFAULTS, createBus } from '../src/platform/bus/bus.ts';
import { envelopeOf } from '../src/platform/bus/events.ts';
import { createMetrics } from '../src/platform/telemetry/metrics.ts';
import {
  createEffectsTable,
  deleteRabbitTopology,
  ThingHappened,
  uniquePrefix,
} from '../test/support/bus.ts';
import { postgresFactory, quietLog } from '../test/support/databases.ts';
import { SERVICES } from '../test/support/services.ts';
import { fmt, print, printTable, ratio } from './report.ts';

const CONSUMER = 'worker.bench.things';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

export async function main(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      events: { type: 'string', default: '20000' },
      'batch-size': { type: 'string', default: '16' },
      concurrency: { type: 'string', default: '2' },
      prefetch: { type: 'string', default: '200' },
    },
  });
  const events = Number(values.events);
  const options = {
    events,
    batchSize: Number(values['batch-size']),
    concurrency: Number(values.concurrency),
    prefetch: Number(values.prefetch),
  };
  print(
    `Bus: ${events} events, consumer batch ${options.batchSize} × ${options.concurrency}, prefetch ${options.prefetch}; node ${process.version}, ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const baseline = await rawRabbit(events);
  const rabbit = await endToEnd(true, options);
  const embedded = await endToEnd(false, options);
  printTable(
    'events/s, outbox → transport → idempotent consumer',
    ['', 'events/s', 'seconds', 'vs raw rabbitmq-client'],
    [
      [
        'raw rabbitmq-client (confirms, no database)',
        fmt(baseline.perSecond, 0),
        fmt(baseline.seconds, 2),
        '1.00×',
      ],
      [
        'guildhall, RabbitMQ',
        fmt(rabbit.perSecond, 0),
        fmt(rabbit.seconds, 2),
        ratio(rabbit.perSecond, baseline.perSecond),
      ],
      [
        'guildhall, embedded',
        fmt(embedded.perSecond, 0),
        fmt(embedded.seconds, 2),
        ratio(embedded.perSecond, baseline.perSecond),
      ],
    ],
  );
  print();
  print(
    `RabbitMQ: ${fmt(rabbit.perSecond, 0)} events/s (target ≥ 5000: ${rabbit.perSecond >= 5000 ? 'met' : 'NOT met'}), ${ratio(rabbit.perSecond, baseline.perSecond)} of the raw client (target ≥ 0.5×: ${rabbit.perSecond >= 0.5 * baseline.perSecond ? 'met' : 'NOT met'})`,
  );
  return 0;
}

type Options = { events: number; batchSize: number; concurrency: number; prefetch: number };

async function endToEnd(rabbitmq: boolean, options: Options) {
  const t = await postgresFactory.create();
  const prefix = uniquePrefix('bench');
  const bus = createBus({
    db: t.db,
    log: quietLog,
    metrics: createMetrics('bench'),
    config: {
      ...BUS_DEFAULTS,
      rabbitmq: rabbitmq
        ? { url: SERVICES.amqp, prefix, prefetch: options.prefetch, deliveryLimit: 20 }
        : undefined,
      connectionName: `guildhall-bench-${prefix}`,
    },
  });
  try {
    await createEffectsTable(t.db);
    bus.subscribe(
      CONSUMER,
      ThingHappened,
      async (event, ctx) => {
        await ctx.tx.execute(
          sql`insert into public.test_effects (consumer, message_id, guild_id, n) values (${CONSUMER}, ${event.id}, ${event.guildId}, ${event.payload.n})`,
        );
      },
      { batchSize: options.batchSize, concurrency: options.concurrency },
    );
    await bus.transport.declare(bus.subscriptions);
    for (let n = 0; n < options.events; n += 1000)
      await t.db.withSystem((tx) =>
        bus.publish(
          tx,
          ...Array.from({ length: Math.min(1000, options.events - n) }, (_, i) =>
            ThingHappened.of({ n: n + i }, { guildId: String(100000000000000000n + BigInt((n + i) % 50)) }),
          ),
        ),
      );
    const started = performance.now();
    const consumers = await bus.startConsumers();
    const relay = await bus.startRelay();
    for (;;) {
      const { rows } = await t.db.query<{ n: number }>(
        'select count(*)::int as n from bus.inbox where consumer = $1',
        [CONSUMER],
      );
      if ((rows[0]?.n ?? 0) >= options.events) break;
      await sleep(20);
    }
    const seconds = (performance.now() - started) / 1000;
    await relay.stop();
    await consumers.stop();
    const { rows } = await t.db.query<{ n: number; distinct: number }>(
      'select count(*)::int as n, count(distinct message_id)::int as distinct from public.test_effects',
    );
    if (rows[0]?.n !== options.events || rows[0]?.distinct !== options.events)
      throw new Error(`expected ${options.events} effects once each, got ${JSON.stringify(rows[0])}`);
    return { seconds, perSecond: options.events / seconds };
  } finally {
    await bus.close();
    if (rabbitmq) await deleteRabbitTopology(prefix, [CONSUMER]);
    await t.dispose();
  }
}

/** The broker and client alone: confirmed persistent publishes into a quorum queue, consumed and acked. */
async function rawRabbit(events: number) {
  const queue = `${uniquePrefix('bench-raw')}queue`;
  const conn = new Connection({ url: SERVICES.amqp, connectionName: `guildhall-bench-raw-${queue}` });
  conn.on('error', () => {});
  try {
    await conn.queueDeclare({ queue, durable: true, arguments: { 'x-queue-type': 'quorum' } });
    const body = JSON.stringify(envelopeOf(ThingHappened.of({ n: 1 }, { guildId: '100000000000000001' })));
    let received = 0;
    let done: () => void = () => {};
    const finished = new Promise<void>((resolve) => {
      done = resolve;
    });
    const started = performance.now();
    const consumer = conn.createConsumer(
      { queue, qos: { prefetchCount: 200 }, concurrency: 200 },
      async () => {
        received += 1;
        if (received >= events) done();
      },
    );
    const publisher = conn.createPublisher({ confirm: true, maxAttempts: 1 });
    // The relay's pattern: batches of 500 sent at once, each batch awaiting all its confirms.
    for (let i = 0; i < events; i += 500) {
      const batch = Array.from({ length: Math.min(500, events - i) }, () =>
        publisher.send({ routingKey: queue, durable: true, contentType: 'application/json' }, body),
      );
      await Promise.all(batch);
    }
    await finished;
    const seconds = (performance.now() - started) / 1000;
    await consumer.close();
    await publisher.close();
    await conn.queueDelete({ queue });
    return { seconds, perSecond: events / seconds };
  } finally {
    await conn.close();
  }
}
