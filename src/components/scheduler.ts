import { serveMetrics } from './metrics-endpoint.ts';
import type { Running } from './running.ts';
import type { Runtime } from './runtime.ts';

/** Dispatches due jobs into the outbox. Any number of replicas may run (SKIP LOCKED claims). */
export async function startScheduler(runtime: Runtime): Promise<Running> {
  const { scheduler } = runtime;
  const running = await scheduler.start();
  const metrics = await serveMetrics(runtime);
  const kinds = scheduler.kinds.size;
  const recurring = scheduler.recurring.size;
  return {
    name: 'scheduler',
    describe: `scheduler: ${kinds} job kind${kinds === 1 ? '' : 's'}, ${recurring} recurring job${recurring === 1 ? '' : 's'}${metrics.port === undefined ? '' : `, /metrics on port ${metrics.port}`}`,
    async stop() {
      await running.stop();
      await metrics.stop();
    },
  };
}
