import type { Running } from './running.ts';
import type { Runtime } from './runtime.ts';

/** Durable scheduler for future actions. The event backbone fills this in. */
export async function startScheduler(runtime: Runtime): Promise<Running> {
  runtime.log.info('scheduler: no scheduled job kinds are registered yet');
  return { name: 'scheduler', describe: 'scheduler (no job kinds registered yet)', stop: async () => {} };
}
