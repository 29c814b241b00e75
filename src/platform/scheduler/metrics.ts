import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export type SchedulerMetrics = {
  /** Dispatch time minus due time, per job (fired or missed). */
  readonly lag: Histogram<'kind'>;
  readonly jobs: Counter<'kind' | 'outcome'>;
  readonly pending: Gauge;
  readonly overdue: Gauge;
};

const cache = new WeakMap<Registry, SchedulerMetrics>();

export function schedulerMetrics(registry: Registry): SchedulerMetrics {
  const existing = cache.get(registry);
  if (existing) return existing;
  const registers = [registry];
  const metrics: SchedulerMetrics = {
    lag: new Histogram({
      name: 'guildhall_scheduler_lag_seconds',
      help: 'Time from a job being due to its dispatch (event written to the outbox)',
      labelNames: ['kind'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30, 300],
      registers,
    }),
    jobs: new Counter({
      name: 'guildhall_scheduler_jobs_total',
      help: 'Jobs dispatched, by kind and outcome (fired, missed)',
      labelNames: ['kind', 'outcome'] as const,
      registers,
    }),
    pending: new Gauge({
      name: 'guildhall_scheduler_jobs_pending',
      help: 'Jobs waiting for their due time',
      registers,
    }),
    overdue: new Gauge({
      name: 'guildhall_scheduler_jobs_overdue',
      help: 'Pending jobs already past their due time',
      registers,
    }),
  };
  cache.set(registry, metrics);
  return metrics;
}

/** Reads both gauges with one query, at most once a second, on scrape. */
export function setPendingCollector(
  metrics: SchedulerMetrics,
  read: () => Promise<{ pending: number; overdue: number }>,
): void {
  let last = 0;
  let reading: Promise<void> | undefined;
  const collect = () => {
    if (reading && Date.now() - last < 1000) return reading;
    last = Date.now();
    reading = read().then(
      (r) => {
        metrics.pending.set(r.pending);
        metrics.overdue.set(r.overdue);
      },
      () => {},
    );
    return reading;
  };
  (metrics.pending as unknown as { collect?: () => Promise<void> }).collect = collect;
  (metrics.overdue as unknown as { collect?: () => Promise<void> }).collect = collect;
}
