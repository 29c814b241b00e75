import type { Running } from './running.ts';
import type { Runtime } from './runtime.ts';

/** Relay and event consumers. The event backbone fills this in. */
export async function startWorker(runtime: Runtime): Promise<Running> {
  runtime.log.info('worker: no consumers are registered yet');
  return { name: 'worker', describe: 'worker (no consumers registered yet)', stop: async () => {} };
}
