import { fileURLToPath } from 'node:url';
import { deadLetterRoutes } from '#platform/bus/routes.ts';
import { migrationStatus } from '#platform/db/migrations.ts';
import { registerInteractionRoutes } from '#platform/discord/interactions/routes.ts';
import { sandboxRoutes } from '#platform/discord/sandbox-routes.ts';
import { createHttpServer } from '#platform/http/server.ts';
import type { HttpApp } from '#platform/http/types.ts';
import type { Running } from './running.ts';
import { type Runtime, VERSION } from './runtime.ts';

/** The built dashboard (`npm run build:web`; `npm start` builds it when missing or stale). */
export const DASHBOARD_DIR = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** Builds the HTTP server with every module's routes, without listening (tests inject into it). */
export async function buildApi(runtime: Runtime): Promise<HttpApp> {
  const { config, db } = runtime;
  let migrationsCurrent = false;
  const app = await createHttpServer({
    log: runtime.log,
    metrics: runtime.metrics,
    bodyLimit: config.http.bodyLimit,
    trustProxy: config.http.trustProxy,
    publicUrl: config.http.publicUrl,
    version: VERSION,
    dashboardDir: DASHBOARD_DIR,
    auth: { authenticators: runtime.authenticators, failureLimiter: runtime.authFailureLimiter },
    readiness: [
      { name: 'database', check: async () => void (await db.query('select 1')) },
      {
        name: 'migrations',
        check: async () => {
          // Once current, stays current for this build: no need to ask again on every probe.
          if (migrationsCurrent) return;
          const status = await migrationStatus(db, runtime.migrations);
          if (status.pending.length > 0) throw new Error(`${status.pending.length} migrations pending`);
          migrationsCurrent = true;
        },
      },
      // The API only writes events into the outbox, so it stays ready while the broker is away;
      // this checks the broker when this process also relays or consumes (`guildhall start`).
      { name: 'bus', check: () => runtime.bus.check() },
    ],
  });
  registerInteractionRoutes(app, { bots: runtime.discord, cache: runtime.cache, i18n: runtime.i18n });
  // The dashboard's Discord sandbox exists only with the demo: no credentials, loopback only.
  const sandbox = runtime.discord.sandbox;
  if (sandbox && runtime.core.demoEnabled)
    await app.register(async (scope) =>
      sandboxRoutes({ bots: runtime.discord, sandbox, i18n: runtime.i18n })(scope as HttpApp),
    );
  await app.register(async (scope) => deadLetterRoutes(runtime.bus.deadLetters)(scope as HttpApp));
  for (const module of runtime.modules) {
    if (module.routes) await app.register(async (scope) => module.routes?.(scope as HttpApp));
  }
  return app;
}

export async function startApi(runtime: Runtime): Promise<Running> {
  const app = await buildApi(runtime);
  await app.listen({ host: runtime.config.http.host, port: runtime.config.http.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : runtime.config.http.port;
  runtime.log.info(
    { url: `http://${runtime.config.http.host}:${port}`, docs: `${runtime.config.http.publicUrl}/docs` },
    'api listening',
  );
  return {
    name: 'api',
    describe: `HTTP API, /docs and /metrics on ${runtime.config.http.host}:${port}`,
    stop: () => app.close(),
  };
}
