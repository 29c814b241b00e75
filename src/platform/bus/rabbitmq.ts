import {
  type Envelope as AmqpEnvelope,
  type AsyncMessage,
  Connection,
  type Consumer,
  ConsumerStatus,
  type Publisher,
} from 'rabbitmq-client';
import { run } from '../db/statement.ts';
import { backoffMs } from '../db/wakeup.ts';
import { type NewDeadLetter, recordDeadLetters } from './dead-letters.ts';
import type { FailureInfo } from './errors.ts';
import type { Envelope } from './events.ts';
import { handleBatch, readEnvelope } from './handling.ts';
import { CLAIM_OUTBOX_CTE } from './relay.ts';
import type { Subscription } from './subscription.ts';
import type { ConsumerHandle, Transport, TransportDeps } from './transport.ts';

/**
 * Names on the broker. `prefix` separates deployments (or test runs) sharing one broker; the
 * queue of a consumer is its name, `<component>.<domain>.<action>`.
 */
export function rabbitNames(prefix: string) {
  return {
    exchange: `${prefix}guildhall.events`,
    deadLetterExchange: `${prefix}guildhall.dead-letters`,
    queue: (consumer: string) => `${prefix}${consumer}`,
    dlq: (consumer: string) => `${prefix}${consumer}.dlq`,
  };
}

/** Headers this bus sets; `x-` keeps them apart from anything an application might add. */
export const HEADERS = {
  /** Attempts that failed before this copy was published (retries). */
  attempt: 'x-guildhall-attempt',
  consumer: 'x-guildhall-consumer',
  errorCode: 'x-guildhall-error-code',
  error: 'x-guildhall-error',
  stack: 'x-guildhall-stack',
  attempts: 'x-guildhall-attempts',
  failedAt: 'x-guildhall-failed-at',
} as const;

/** The rows of CLAIM_OUTBOX_CTE, in order, with the message as JSON text (sent unparsed). */
export const RELAY_CLAIM = `${CLAIM_OUTBOX_CTE}
select seq, type, message::text as body, message->>'id' as id, message->>'correlationId' as correlation_id,
       target, attempt, lag
from moved order by seq`;

/** A failed attempt goes back through the outbox, delayed, addressed to this consumer only. */
export const INSERT_RETRIES = `
insert into bus.outbox (guild_id, type, message, target, attempt, available_at)
select guild_id, type, message, target, attempt, clock_timestamp() + delay_ms * interval '1 millisecond'
from jsonb_to_recordset($1::jsonb)
  as r(guild_id bigint, type text, message jsonb, target text, attempt integer, delay_ms float8)`;

export type RabbitOptions = TransportDeps & {
  readonly url: string;
  readonly prefix: string;
  /** Shown in the broker's connection list (and how tests find their own connections). */
  readonly connectionName: string;
  /** Unacknowledged messages per consumer. */
  readonly prefetch: number;
  /**
   * Redeliveries after which the broker itself dead-letters a message: the backstop for a message
   * that kills the worker before it can record a failure.
   */
  readonly deliveryLimit: number;
};

type Moved = {
  seq: string;
  type: string;
  body: string;
  id: string;
  correlation_id: string | null;
  target: string | null;
  attempt: number;
  lag: number;
};

/**
 * RabbitMQ: a topic exchange routes `<domain>.<action>` to durable quorum queues, one per
 * consumer, each with a dead-letter queue. The relay publishes with confirms and deletes outbox
 * rows only after the broker confirmed them. Consumers batch messages into one transaction
 * (savepoint each), and acknowledge after the commit. Retries are delayed in the outbox (exact
 * per-message backoff without a TTL queue per delay); final failures are published to the
 * dead-letter exchange with the error in headers and mirrored into `bus.dead_letters`.
 */
export function rabbitTransport(options: RabbitOptions): Transport {
  const { db, log, metrics } = options;
  const names = rabbitNames(options.prefix);
  let connection: Connection | undefined;
  let publisher: Publisher | undefined;
  const consumers = new Set<Consumer>();

  const exchanges = [
    { exchange: names.exchange, type: 'topic', durable: true },
    { exchange: names.deadLetterExchange, type: 'direct', durable: true },
  ];

  const connect = () => {
    if (connection) return connection;
    const conn = new Connection({
      url: options.url,
      connectionName: options.connectionName,
      retryLow: 250,
      retryHigh: 10_000,
      heartbeat: 20,
      noDelay: true,
    });
    conn.on('error', (err) => log.warn({ err }, 'RabbitMQ connection error; reconnecting'));
    conn.on('connection', () => log.info({ name: options.connectionName }, 'RabbitMQ connected'));
    conn.on('connection.blocked', (reason) => log.warn({ reason }, 'RabbitMQ blocked publishing'));
    connection = conn;
    return conn;
  };

  const getPublisher = () => {
    if (publisher) return publisher;
    const pub = connect().createPublisher({
      confirm: true,
      maxAttempts: 1,
      exchanges,
      onReturn: (msg) => {
        metrics.unroutable.inc({ type: msg.type ?? msg.routingKey });
        log.debug({ routingKey: msg.routingKey }, 'event had no queue bound to it');
      },
    });
    publisher = pub;
    return pub;
  };

  const queueArguments = (sub: Subscription) => ({
    'x-queue-type': 'quorum' as const,
    'x-dead-letter-exchange': names.deadLetterExchange,
    'x-dead-letter-routing-key': names.queue(sub.name),
    'x-dead-letter-strategy': 'at-least-once',
    // at-least-once dead-lettering requires it; no length limit is set, so it never rejects.
    'x-overflow': 'reject-publish' as const,
    'x-delivery-limit': options.deliveryLimit,
  });
  const dlqArguments = { 'x-queue-type': 'quorum' as const };

  /** Publishes and waits for every confirm; throws if any was not confirmed. */
  const publishAll = async (messages: readonly { envelope: AmqpEnvelope; body: Buffer | unknown }[]) => {
    const pub = getPublisher();
    const results = await Promise.allSettled(messages.map((m) => pub.send(m.envelope, m.body)));
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  };

  const failedBefore = (msg: AsyncMessage) => {
    const headers = msg.headers ?? {};
    const attempt = Number(headers[HEADERS.attempt] ?? 0);
    const redeliveries = Number(headers['x-delivery-count'] ?? 0);
    return (Number.isFinite(attempt) ? attempt : 0) + (Number.isFinite(redeliveries) ? redeliveries : 0);
  };

  const deadCopy = (sub: Subscription, msg: AsyncMessage, failure: FailureInfo, attempts: number) => ({
    envelope: {
      exchange: names.deadLetterExchange,
      routingKey: names.queue(sub.name),
      durable: true,
      ...(msg.messageId ? { messageId: msg.messageId } : {}),
      ...(msg.type ? { type: msg.type } : {}),
      ...(msg.correlationId ? { correlationId: msg.correlationId } : {}),
      ...(msg.contentType ? { contentType: msg.contentType } : {}),
      headers: {
        [HEADERS.consumer]: sub.name,
        [HEADERS.errorCode]: failure.code,
        [HEADERS.error]: failure.message,
        [HEADERS.stack]: failure.stack ?? '',
        [HEADERS.attempts]: attempts,
        [HEADERS.failedAt]: new Date().toISOString(),
      },
    } satisfies AmqpEnvelope,
    body: msg.body,
  });

  type Waiting = { msg: AsyncMessage; resolve: (status: ConsumerStatus) => void };

  /**
   * Collects the messages the client delivers (up to the prefetch) into batches, runs up to
   * `concurrency` batches at once, and settles each message's ack once its batch is durable.
   */
  const batcher = (sub: Subscription) => {
    const waiting: Waiting[] = [];
    let active = 0;
    let scheduled = false;
    let stopping = false;

    /** The transaction, retried while the database or broker is away; never after its commit. */
    const commitBatch = async (batch: Waiting[]) => {
      for (let tries = 1; ; tries++) {
        try {
          const dead: { index: number; copy: ReturnType<typeof deadCopy> }[] = [];
          await db.withSystem(async (tx) => {
            dead.length = 0;
            const outcomes = await handleBatch(
              tx,
              sub,
              batch.map((w) => ({ body: w.msg.body, failedBefore: failedBefore(w.msg) })),
              { log, metrics },
            );
            const retries: Record<string, unknown>[] = [];
            outcomes.forEach((o, index) => {
              const msg = batch[index]?.msg;
              if (!msg) return;
              if (o.kind === 'retry')
                retries.push({
                  guild_id: o.envelope.guildId,
                  type: o.envelope.type,
                  message: o.envelope,
                  target: sub.name,
                  attempt: o.attempt,
                  delay_ms: o.delayMs,
                });
              if (o.kind === 'dead') dead.push({ index, copy: deadCopy(sub, msg, o.failure, o.attempts) });
            });
            if (retries.length > 0) await run(tx, INSERT_RETRIES, [JSON.stringify(retries)]);
          });
          return dead;
        } catch (err) {
          if (stopping) return undefined;
          const databaseUp = await db.query('select 1').then(
            () => true,
            () => false,
          );
          // An outage keeps the messages here, unacknowledged, and tries again: requeueing would
          // burn their delivery count towards the broker's limit for no fault of theirs. A batch
          // that keeps failing while the database is up is requeued instead.
          if (databaseUp && tries >= 3) {
            log.error({ err, consumer: sub.name }, 'batch keeps failing; requeueing its messages');
            return undefined;
          }
          const wait = backoffMs(tries, 100, 5_000);
          log.warn({ err, consumer: sub.name, tries, retryInMs: Math.round(wait) }, 'consumer batch failed');
          await new Promise((r) => setTimeout(r, wait));
        }
      }
    };

    const processBatch = async (batch: Waiting[]): Promise<ConsumerStatus[]> => {
      const dead = await commitBatch(batch);
      if (dead === undefined) {
        if (batch.length === 1 || stopping) return batch.map(() => ConsumerStatus.REQUEUE);
        // One message may be what breaks the batch: go on one by one.
        const statuses: ConsumerStatus[] = [];
        for (const one of batch) statuses.push(...(await processBatch([one])));
        return statuses;
      }
      const statuses = batch.map(() => ConsumerStatus.ACK);
      if (dead.length > 0) {
        // After the commit. If this fails, the message is redelivered, fails again (its attempt
        // count includes the redelivery) and is dead-lettered then.
        try {
          await publishAll(dead.map((d) => d.copy));
        } catch (err) {
          log.warn({ err, consumer: sub.name }, 'could not publish to the dead-letter exchange; requeueing');
          for (const d of dead) statuses[d.index] = ConsumerStatus.REQUEUE;
        }
      }
      return statuses;
    };

    const flush = () => {
      scheduled = false;
      while (active < sub.concurrency && waiting.length > 0) {
        const batch = waiting.splice(0, sub.batchSize);
        active += 1;
        processBatch(batch)
          .then(
            (statuses) => {
              for (const [i, w] of batch.entries()) w.resolve(statuses[i] ?? ConsumerStatus.REQUEUE);
            },
            () => {
              for (const w of batch) w.resolve(ConsumerStatus.REQUEUE);
            },
          )
          .finally(() => {
            active -= 1;
            schedule();
          });
      }
    };
    // setImmediate gathers every message that arrived in the same read from the socket.
    const schedule = () => {
      if (scheduled || active >= sub.concurrency || waiting.length === 0) return;
      scheduled = true;
      setImmediate(flush);
    };
    return {
      push(msg: AsyncMessage) {
        if (stopping) return Promise.resolve(ConsumerStatus.REQUEUE);
        return new Promise<ConsumerStatus>((resolve) => {
          waiting.push({ msg, resolve });
          schedule();
        });
      },
      stop() {
        stopping = true;
        for (const w of waiting.splice(0)) w.resolve(ConsumerStatus.REQUEUE);
      },
    };
  };

  /** Moves a message of a `.dlq` queue into bus.dead_letters, keeping the error it carries. */
  const mirror = async (sub: Subscription, msg: AsyncMessage) => {
    const headers = msg.headers ?? {};
    const envelope: Envelope | undefined = readEnvelope(msg.body);
    let failure: FailureInfo;
    let attempts: number;
    if (headers[HEADERS.errorCode]) {
      failure = {
        code: String(headers[HEADERS.errorCode]),
        message: String(headers[HEADERS.error] ?? ''),
        stack: headers[HEADERS.stack] ? String(headers[HEADERS.stack]) : undefined,
      };
      attempts = Number(headers[HEADERS.attempts] ?? 0);
    } else {
      // Dead-lettered by the broker itself: x-death says why (delivery_limit, rejected, …).
      const death = (Array.isArray(headers['x-death']) ? headers['x-death'][0] : undefined) as
        | Record<string, unknown>
        | undefined;
      const reason = String(death?.reason ?? headers['x-first-death-reason'] ?? 'unknown');
      failure = {
        code: 'BROKER_DEAD_LETTERED',
        message: `RabbitMQ dead-lettered the message (reason: ${reason}), e.g. after it was redelivered more than ${options.deliveryLimit} times without being acknowledged.`,
        stack: undefined,
      };
      attempts = failedBefore(msg) + 1;
    }
    const letter: NewDeadLetter = {
      consumer: sub.name,
      transport: 'rabbitmq',
      envelope,
      body: msg.body,
      failure,
      attempts,
      ...(headers[HEADERS.failedAt] ? { failedAt: new Date(String(headers[HEADERS.failedAt])) } : {}),
    };
    await db.withSystem((tx) => recordDeadLetters(tx, [letter]));
  };

  return {
    kind: 'rabbitmq',

    async declare(subscriptions) {
      const conn = connect();
      for (const ex of exchanges) await conn.exchangeDeclare(ex);
      for (const sub of subscriptions) {
        const queue = names.queue(sub.name);
        await conn.queueDeclare({ queue, durable: true, arguments: queueArguments(sub) });
        await conn.queueBind({ queue, exchange: names.exchange, routingKey: sub.event.type });
        const dlq = names.dlq(sub.name);
        await conn.queueDeclare({ queue: dlq, durable: true, arguments: dlqArguments });
        await conn.queueBind({ queue: dlq, exchange: names.deadLetterExchange, routingKey: queue });
      }
    },

    async relayBatch(limit, lanes) {
      return db.withSystem(async (tx) => {
        const rows = await run<Moved>(tx, RELAY_CLAIM, [limit, lanes]);
        if (rows.length === 0) return { moved: 0 };
        await publishAll(
          rows.map((row) => ({
            envelope: {
              ...(row.target
                ? { exchange: '', routingKey: names.queue(row.target) }
                : { exchange: names.exchange, routingKey: row.type }),
              mandatory: true,
              durable: true,
              contentType: 'application/json',
              messageId: row.id,
              type: row.type,
              ...(row.correlation_id ? { correlationId: row.correlation_id } : {}),
              ...(row.attempt > 0 ? { headers: { [HEADERS.attempt]: row.attempt } } : {}),
            },
            body: Buffer.from(row.body),
          })),
        );
        metrics.relayed.inc({ transport: 'rabbitmq' }, rows.length);
        for (const row of rows) metrics.relayLag.observe({ transport: 'rabbitmq' }, Number(row.lag));
        return { moved: rows.length };
      });
    },

    async consume(sub) {
      const conn = connect();
      const batch = batcher(sub);
      const queue = names.queue(sub.name);
      const dlq = names.dlq(sub.name);
      const main = conn.createConsumer(
        {
          queue,
          queueOptions: { durable: true, arguments: queueArguments(sub) },
          exchanges,
          queueBindings: [{ queue, exchange: names.exchange, routingKey: sub.event.type }],
          qos: { prefetchCount: options.prefetch },
          // Every prefetched message is handed over at once; the batcher limits the work.
          concurrency: options.prefetch,
          requeue: true,
        },
        (msg) => batch.push(msg),
      );
      const mirrorConsumer = conn.createConsumer(
        {
          queue: dlq,
          queueOptions: { durable: true, arguments: dlqArguments },
          exchanges,
          queueBindings: [{ queue: dlq, exchange: names.deadLetterExchange, routingKey: queue }],
          qos: { prefetchCount: 20 },
          concurrency: 4,
          requeue: true,
        },
        async (msg) => {
          try {
            await mirror(sub, msg);
            return ConsumerStatus.ACK;
          } catch (err) {
            log.warn({ err, queue: dlq }, 'could not store a dead letter yet; it stays in the .dlq queue');
            await new Promise((r) => setTimeout(r, 1000));
            return ConsumerStatus.REQUEUE;
          }
        },
      );
      for (const c of [main, mirrorConsumer]) {
        consumers.add(c);
        c.on('error', (err) => log.warn({ err, consumer: sub.name }, 'RabbitMQ consumer error'));
      }
      return {
        async stop() {
          batch.stop();
          // close() stops deliveries and waits for the handlers, i.e. for batches in flight.
          await Promise.all([main.close(), mirrorConsumer.close()]);
          consumers.delete(main);
          consumers.delete(mirrorConsumer);
        },
      } satisfies ConsumerHandle;
    },

    async check() {
      const conn = connect();
      if (!conn.ready) throw new Error('not connected to RabbitMQ');
    },

    async close() {
      for (const c of consumers) await c.close().catch(() => {});
      consumers.clear();
      await publisher?.close().catch(() => {});
      publisher = undefined;
      await connection?.close().catch(() => {});
      connection = undefined;
    },
  } satisfies Transport;
}
