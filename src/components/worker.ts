import { serveMetrics } from './metrics-endpoint.ts';
import type { Running } from './running.ts';
import type { Runtime } from './runtime.ts';

/**
 * The outbox relay and every module's consumers. Replicas compete: the relay takes whole lanes
 * of guilds with SKIP LOCKED, consumers share queues (RabbitMQ) or delivery rows (embedded).
 */
export async function startWorker(runtime: Runtime): Promise<Running> {
  const { bus } = runtime;
  const relay = await bus.startRelay();
  const consumers = await bus.startConsumers();
  const metrics = await serveMetrics(runtime);
  const names = bus.subscriptions.map((s) => s.name);
  return {
    name: 'worker',
    describe: `worker: outbox relay to the ${bus.kind} bus, ${names.length} consumer${names.length === 1 ? '' : 's'}${names.length ? ` (${names.join(', ')})` : ''}${metrics.port === undefined ? '' : `, /metrics on port ${metrics.port}`}`,
    async stop() {
      // The relay first: nothing new is handed over while consumers finish what they hold.
      await relay.stop();
      await consumers.stop();
      await metrics.stop();
    },
  };
}
