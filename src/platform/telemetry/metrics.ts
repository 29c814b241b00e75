import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * One Prometheus registry per process. Components and modules register their own metrics on it;
 * the API serves it at /metrics. Names are prefixed `guildhall_`.
 */
export function createMetrics(component: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ component });
  collectDefaultMetrics({ register: registry, prefix: 'guildhall_' });
  return registry;
}

export type { Registry };
