import type { Static, TSchema } from 'typebox';
import type { Database, Tx } from '../db/database.ts';
import { run } from '../db/statement.ts';
import { backoffMs } from '../db/wakeup.ts';
import type { Logger } from '../log/logger.ts';
import type { Registry } from '../telemetry/metrics.ts';
import { createDeadLetters, DEAD_LETTER_COUNTS, type DeadLetters } from './dead-letters.ts';
import { embeddedTransport } from './embedded.ts';
import { BusError } from './errors.ts';
import type { EventDefinition, OutgoingEvent } from './events.ts';
import { busMetrics, setCollectors } from './metrics.ts';
import { publish } from './outbox.ts';
import { rabbitTransport } from './rabbitmq.ts';
import { startRelay } from './relay.ts';
import { defineConsumer, type Handler, type Subscription, type SubscriptionOptions } from './subscription.ts';
import type { ConsumerHandle, Transport, TransportKind } from './transport.ts';

export type RabbitConfig = {
  readonly url: string;
  /** Prepended to exchange and queue names (deployments or test runs sharing a broker). */
  readonly prefix: string;
  readonly prefetch: number;
  readonly deliveryLimit: number;
};

export type BusConfig = {
  /** Unset: the embedded transport. */
  readonly rabbitmq: RabbitConfig | undefined;
  readonly relayBatchSize: number;
  readonly relayLoops: number;
  readonly lanesPerBatch: number;
  readonly pollIntervalMs: number;
  readonly inboxRetentionDays: number;
  /** Names this process's broker connection (`guildhall-worker`, …). */
  readonly connectionName: string;
};

export const BUS_DEFAULTS: Omit<BusConfig, 'rabbitmq' | 'connectionName'> = {
  relayBatchSize: 500,
  relayLoops: 2,
  lanesPerBatch: 16,
  pollIntervalMs: 1000,
  inboxRetentionDays: 14,
};

export type BusOptions = {
  readonly db: Database;
  readonly log: Logger;
  readonly metrics: Registry;
  readonly config: BusConfig;
};

export type Stoppable = { stop(): Promise<void> };

/**
 * The event bus of one process: what modules use (`publish`, `subscribe`) and what the worker
 * starts (`startRelay`, `startConsumers`). See README.md in this folder.
 */
export type Bus = {
  readonly kind: TransportKind;
  readonly transport: Transport;
  /** Writes events into the outbox, in the caller's transaction. */
  publish(tx: Tx, ...events: readonly OutgoingEvent[]): Promise<void>;
  /** Registers a consumer; it runs once `startConsumers` is called. */
  subscribe<S extends TSchema>(
    name: string,
    event: EventDefinition<S>,
    handler: Handler<Static<S>>,
    options?: SubscriptionOptions,
  ): Subscription<S>;
  add(subscription: Subscription): void;
  readonly subscriptions: readonly Subscription[];
  readonly deadLetters: DeadLetters;
  /** Moves committed outbox rows to the transport (declaring every subscription first). */
  startRelay(): Promise<Stoppable>;
  /** Consumes every registered subscription (or those `only` names). */
  startConsumers(only?: (sub: Subscription) => boolean): Promise<Stoppable>;
  /**
   * Readiness: the transport's connection, when this process relays or consumes. A process that
   * only publishes needs no broker at all (the outbox holds its events), so it is always ready.
   */
  check(): Promise<void>;
  close(): Promise<void>;
};

const PURGE_INBOX = `
delete from bus.inbox where (consumer, message_id) in (
  select consumer, message_id from bus.inbox
  where processed_at < now() - $1 * interval '1 day' limit 5000)`;

const OUTBOX_GAUGES = `
select count(*)::int as pending,
       coalesce(extract(epoch from now() - min(created_at)), 0)::float8 as oldest
from bus.outbox where available_at <= now()`;

export function createBus(options: BusOptions): Bus {
  const { db, log, config } = options;
  const metrics = busMetrics(options.metrics);
  const subscriptions: Subscription[] = [];
  const transport: Transport = config.rabbitmq
    ? rabbitTransport({
        db,
        log,
        metrics,
        url: config.rabbitmq.url,
        prefix: config.rabbitmq.prefix,
        connectionName: config.connectionName,
        prefetch: config.rabbitmq.prefetch,
        deliveryLimit: config.rabbitmq.deliveryLimit,
      })
    : embeddedTransport({ db, log, metrics, pollIntervalMs: config.pollIntervalMs });
  let started = 0;

  const add = (sub: Subscription) => {
    const clash = subscriptions.find((s) => s.name === sub.name);
    if (clash)
      throw new BusError(
        'SUBSCRIPTION_INVALID',
        `Consumer "${sub.name}" is subscribed twice (${clash.event.type} and ${sub.event.type}): a consumer has one queue and one event type.`,
      );
    subscriptions.push(sub);
  };

  return {
    kind: transport.kind,
    transport,
    publish,
    subscribe(name, event, handler, subscriptionOptions) {
      const sub = defineConsumer(name, event, handler, subscriptionOptions);
      add(sub as unknown as Subscription);
      return sub;
    },
    add,
    subscriptions,
    deadLetters: createDeadLetters(db),

    async startRelay() {
      started += 1;
      setCollectors(metrics, {
        async outbox() {
          const { rows } = await db.query<{ pending: number; oldest: number }>(OUTBOX_GAUGES);
          return { pending: rows[0]?.pending ?? 0, oldestSeconds: rows[0]?.oldest ?? 0 };
        },
        async deadLetters() {
          const { rows } = await db.query<{ consumer: string; count: number }>(DEAD_LETTER_COUNTS);
          return rows;
        },
      });
      // Declared before the first batch, retried while the broker is away (in the background, so
      // a worker starts even then): events published before any consumer ever ran must find
      // their queues rather than be dropped as unroutable.
      let stopped = false;
      let wake: () => void = () => {};
      const relay = (async () => {
        for (let attempt = 1; !stopped; attempt++) {
          try {
            await transport.declare(subscriptions);
            if (stopped) return undefined;
            return await startRelay({
              db,
              transport,
              log: log.child({ part: 'relay' }),
              batchSize: config.relayBatchSize,
              loops: config.relayLoops,
              lanesPerBatch: config.lanesPerBatch,
              pollIntervalMs: config.pollIntervalMs,
            });
          } catch (err) {
            const wait = backoffMs(attempt, 250, 10_000);
            log.warn(
              { err, attempt, retryInMs: Math.round(wait) },
              'relay cannot start yet (declaring the topology)',
            );
            await new Promise<void>((resolve) => {
              wake = resolve;
              setTimeout(resolve, wait);
            });
          }
        }
        return undefined;
      })();
      return {
        async stop() {
          stopped = true;
          wake();
          await (await relay)?.stop();
          started -= 1;
        },
      };
    },

    async startConsumers(only) {
      started += 1;
      const chosen = only ? subscriptions.filter(only) : subscriptions;
      const handles: ConsumerHandle[] = [];
      for (const sub of chosen) handles.push(await transport.consume(sub));
      log.info({ transport: transport.kind, consumers: chosen.map((s) => s.name) }, 'consumers started');
      // The inbox only needs to outlive redeliveries; old rows are purged now and then.
      const purge = async () => {
        try {
          await db.withSystem((tx) => run(tx, PURGE_INBOX, [config.inboxRetentionDays]));
        } catch (err) {
          log.warn({ err }, 'inbox purge failed');
        }
      };
      const timer = setInterval(purge, 15 * 60_000);
      timer.unref();
      return {
        async stop() {
          clearInterval(timer);
          await Promise.all(handles.map((h) => h.stop()));
          started -= 1;
        },
      };
    },

    async check() {
      if (started > 0) await transport.check();
    },

    async close() {
      await transport.close();
    },
  };
}
