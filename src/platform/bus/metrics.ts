import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export type DeliveryOutcome = 'handled' | 'duplicate' | 'retry' | 'dead';

export type BusMetrics = {
  /** Seconds from outbox insert to leaving the outbox (per message, observed by the relay). */
  readonly relayLag: Histogram<'transport'>;
  readonly relayed: Counter<'transport'>;
  /** Age of the oldest message still in the outbox, read on scrape. */
  readonly outboxOldest: Gauge;
  readonly outboxPending: Gauge;
  readonly deliveries: Counter<'consumer' | 'outcome'>;
  readonly handlerDuration: Histogram<'consumer'>;
  readonly retries: Counter<'consumer'>;
  readonly deadLettered: Counter<'consumer' | 'code'>;
  readonly deadLetters: Gauge<'consumer'>;
  readonly unroutable: Counter<'type'>;
};

const cache = new WeakMap<Registry, BusMetrics>();

/**
 * The bus's metrics on a process registry, created once per registry (several buses in one
 * process, as in tests, share them). Gauges that need the database are filled by
 * `setCollectors`, which only the process running the relay installs.
 */
export function busMetrics(registry: Registry): BusMetrics {
  const existing = cache.get(registry);
  if (existing) return existing;
  const registers = [registry];
  const metrics: BusMetrics = {
    relayLag: new Histogram({
      name: 'guildhall_bus_outbox_lag_seconds',
      help: 'Time from outbox insert to hand-over to the transport',
      labelNames: ['transport'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    }),
    relayed: new Counter({
      name: 'guildhall_bus_relayed_total',
      help: 'Messages moved from the outbox to the transport',
      labelNames: ['transport'] as const,
      registers,
    }),
    outboxOldest: new Gauge({
      name: 'guildhall_bus_outbox_oldest_seconds',
      help: 'Age of the oldest message waiting in the outbox (0 when empty)',
      registers,
    }),
    outboxPending: new Gauge({
      name: 'guildhall_bus_outbox_pending',
      help: 'Messages waiting in the outbox',
      registers,
    }),
    deliveries: new Counter({
      name: 'guildhall_bus_deliveries_total',
      help: 'Messages handed to consumers, by outcome (handled, duplicate, retry, dead)',
      labelNames: ['consumer', 'outcome'] as const,
      registers,
    }),
    handlerDuration: new Histogram({
      name: 'guildhall_bus_handler_duration_seconds',
      help: 'Duration of event handlers (successful or not)',
      labelNames: ['consumer'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 30],
      registers,
    }),
    retries: new Counter({
      name: 'guildhall_bus_retries_total',
      help: 'Failed handler attempts that will be retried',
      labelNames: ['consumer'] as const,
      registers,
    }),
    deadLettered: new Counter({
      name: 'guildhall_bus_dead_lettered_total',
      help: 'Messages dead-lettered, by consumer and error code',
      labelNames: ['consumer', 'code'] as const,
      registers,
    }),
    deadLetters: new Gauge({
      name: 'guildhall_bus_dead_letters',
      help: 'Dead letters stored and not yet replayed or purged, by consumer',
      labelNames: ['consumer'] as const,
      registers,
    }),
    unroutable: new Counter({
      name: 'guildhall_bus_unroutable_total',
      help: 'Events published while no consumer was bound to their type',
      labelNames: ['type'] as const,
      registers,
    }),
  };
  cache.set(registry, metrics);
  return metrics;
}

export type GaugeReadings = {
  outbox(): Promise<{ pending: number; oldestSeconds: number }>;
  deadLetters(): Promise<{ consumer: string; count: number }[]>;
};

/** Fills the database-backed gauges on each scrape. */
export function setCollectors(metrics: BusMetrics, read: GaugeReadings): void {
  let last = 0;
  let pendingRead: Promise<void> | undefined;
  // Several gauges share one read; a scrape reads the database at most once a second.
  const refresh = () => {
    if (Date.now() - last < 1000 && pendingRead) return pendingRead;
    last = Date.now();
    pendingRead = (async () => {
      try {
        const o = await read.outbox();
        metrics.outboxPending.set(o.pending);
        metrics.outboxOldest.set(o.oldestSeconds);
        const d = await read.deadLetters();
        metrics.deadLetters.reset();
        for (const row of d) metrics.deadLetters.set({ consumer: row.consumer }, row.count);
      } catch {
        // A scrape must not fail because the database is briefly away; the values stay stale.
      }
    })();
    return pendingRead;
  };
  const collect = async () => refresh();
  (metrics.outboxPending as unknown as { collect?: () => Promise<void> }).collect = collect;
  (metrics.outboxOldest as unknown as { collect?: () => Promise<void> }).collect = collect;
  (metrics.deadLetters as unknown as { collect?: () => Promise<void> }).collect = collect;
}
