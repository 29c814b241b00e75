import { startApi } from '#components/api.ts';
import { startBot } from '#components/bot.ts';
import type { Running } from '#components/running.ts';
import { compose, type Runtime, VERSION } from '#components/runtime.ts';
import { startScheduler } from '#components/scheduler.ts';
import { startWorker } from '#components/worker.ts';
import { releaseYoungGeneration } from '#platform/boot/memory.ts';
import type { Config } from '#platform/config/load.ts';
import type { Component } from '#platform/config/variables.ts';
import { migrate } from '#platform/db/migrations.ts';

type Role = Exclude<Component, 'start'>;

const STARTERS: Record<Role, (runtime: Runtime) => Promise<Running>> = {
  api: startApi,
  worker: startWorker,
  scheduler: startScheduler,
  bot: startBot,
};

/** `start` runs every role in one process; the others run one role each. */
export function rolesOf(component: Component): Role[] {
  return component === 'start' ? ['api', 'worker', 'scheduler', 'bot'] : [component];
}

/**
 * Runs a component until SIGINT/SIGTERM, then stops its parts in reverse order, giving
 * in-flight work SHUTDOWN_TIMEOUT_MS to finish. A second signal exits at once.
 */
export async function runComponent(config: Config, component: Component): Promise<number> {
  const runtime = await compose(config, component);
  const { log } = runtime;
  log.info({ version: VERSION, database: runtime.db.description, component }, 'starting guildhall');

  await migrate(runtime.db, runtime.migrations, {
    onProgress: (e) => {
      if (e.type === 'plan' && e.pending.length > 0)
        log.info({ pending: e.pending.length }, 'applying migrations');
      if (e.type === 'done')
        log.info({ migration: e.id, step: `${e.index}/${e.total}`, ms: e.ms }, 'migration applied');
    },
  });

  if (await runtime.core.seedDemo())
    log.info(
      'demo guilds seeded: sign in as a demo user (POST /api/v1/auth/demo) to try Guildhall without Discord',
    );

  const running: Running[] = [];
  try {
    for (const role of rolesOf(component)) running.push(await STARTERS[role](runtime));
  } catch (error) {
    log.fatal({ err: error }, 'failed to start');
    await stopAll(running, runtime, config.shutdownTimeoutMs);
    return 1;
  }
  log.info({ runs: running.map((r) => r.describe) }, 'guildhall is running');
  releaseYoungGeneration();

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  log.info({ signal }, 'shutting down');
  const force = (s: NodeJS.Signals) => {
    log.warn({ signal: s }, 'second signal: exiting now');
    process.exit(130);
  };
  process.once('SIGINT', force);
  process.once('SIGTERM', force);
  const clean = await stopAll(running, runtime, config.shutdownTimeoutMs);
  log.info({ clean }, 'stopped');
  log.flush();
  return clean ? 0 : 1;
}

async function stopAll(running: Running[], runtime: Runtime, timeoutMs: number): Promise<boolean> {
  const deadline = new Promise<'timeout'>((resolve) =>
    setTimeout(() => resolve('timeout'), timeoutMs).unref(),
  );
  const work = (async () => {
    for (const part of [...running].reverse()) {
      try {
        await part.stop();
      } catch (err) {
        runtime.log.error({ err, part: part.name }, 'error while stopping');
      }
    }
    await runtime.close();
    return 'done' as const;
  })();
  const result = await Promise.race([work, deadline]);
  if (result === 'timeout') runtime.log.error({ timeoutMs }, 'shutdown timed out');
  return result === 'done';
}
