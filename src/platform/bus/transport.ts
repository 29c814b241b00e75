import type { Database } from '../db/database.ts';
import type { Logger } from '../log/logger.ts';
import type { BusMetrics } from './metrics.ts';
import type { Subscription } from './subscription.ts';

export type TransportKind = 'embedded' | 'rabbitmq';

export type TransportDeps = {
  readonly db: Database;
  readonly log: Logger;
  readonly metrics: BusMetrics;
};

/** A started consumer; `stop` stops taking messages and waits for those in flight. */
export type ConsumerHandle = { stop(): Promise<void> };

export type RelayBatch = {
  /** Rows that left the outbox. */
  readonly moved: number;
};

/**
 * What differs between the embedded bus and RabbitMQ. Both share the outbox (and its relay
 * loop), the handling of a batch (inbox + handler + savepoints) and the dead-letter store.
 */
export type Transport = {
  readonly kind: TransportKind;
  /**
   * Creates what the subscriptions need (queues and bindings), idempotently. The relay declares
   * every subscription of the composition before its first batch, so events published before
   * any worker ran are routed, not dropped.
   */
  declare(subscriptions: readonly Subscription[]): Promise<void>;
  /**
   * Moves up to `limit` outbox rows to the transport, in order per lane: they leave the outbox
   * only once the transport has them (in the same transaction, or after broker confirms).
   */
  relayBatch(limit: number, lanes: number): Promise<RelayBatch>;
  consume(sub: Subscription): Promise<ConsumerHandle>;
  /** Throws when the transport cannot currently carry messages (readiness). */
  check(): Promise<void>;
  close(): Promise<void>;
};
