import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Runtime } from './runtime.ts';

/**
 * `/metrics` of a process without the HTTP API (`guildhall worker`, `guildhall scheduler`) on
 * METRICS_PORT, bound to HOST. Both roles of one process share one listener (ref-counted), so
 * `guildhall start` with METRICS_PORT set binds it once. Nothing else is served there.
 */
type Shared = { server: Promise<Server>; users: number };
const servers = new WeakMap<Runtime, Shared>();

export type MetricsEndpoint = {
  /** The bound port (METRICS_PORT=0 picks a free one), undefined when none is served. */
  readonly port: number | undefined;
  stop(): Promise<void>;
};

export async function serveMetrics(runtime: Runtime): Promise<MetricsEndpoint> {
  const port = runtime.config.metricsPort;
  if (port === undefined) return { port: undefined, stop: async () => {} };
  let shared = servers.get(runtime);
  if (!shared) {
    const server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method !== 'GET' || path !== '/metrics') {
        res
          .writeHead(404, { 'content-type': 'text/plain' })
          .end('not found: only GET /metrics is served here\n');
        return;
      }
      runtime.metrics.metrics().then(
        (body) => res.writeHead(200, { 'content-type': runtime.metrics.contentType }).end(body),
        (err: unknown) => {
          runtime.log.warn({ err }, 'metrics scrape failed');
          res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n');
        },
      );
    });
    const listening = new Promise<Server>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, runtime.config.http.host, () => resolve(server));
    });
    shared = { server: listening, users: 0 };
    servers.set(runtime, shared);
  }
  shared.users += 1;
  const server = await shared.server;
  const bound = (server.address() as AddressInfo).port;
  runtime.log.info({ port: bound, host: runtime.config.http.host }, 'serving /metrics');
  const owner = shared;
  let stopped = false;
  return {
    port: bound,
    async stop() {
      if (stopped) return;
      stopped = true;
      owner.users -= 1;
      if (owner.users > 0) return;
      servers.delete(runtime);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
