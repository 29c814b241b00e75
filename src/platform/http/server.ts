import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyRequest, LogController } from 'fastify';
import { Histogram, type Registry } from 'prom-client';
import type { Logger } from '../log/logger.ts';
import { registerHttpTelemetry } from '../telemetry/http.ts';
import { type AuthOptions, registerAuth } from './auth.ts';
import { type Dashboard, registerDashboard } from './dashboard.ts';
import { errorHandler, sendProblem } from './problem.ts';
import type { HttpApp } from './types.ts';
import { validatorCompiler } from './validation.ts';

export type ReadinessCheck = { readonly name: string; readonly check: () => Promise<void> };

export type HttpServerOptions = {
  readonly log: Logger;
  readonly metrics: Registry;
  readonly bodyLimit: number;
  readonly trustProxy: boolean;
  readonly publicUrl: string;
  readonly version: string;
  readonly auth: AuthOptions;
  readonly readiness: readonly ReadinessCheck[];
  /** Folder of the built dashboard (`web/dist`), served at `/`; none for an API-only server. */
  readonly dashboardDir?: string;
};

const REQUEST_ID = /^[\w.:-]{1,64}$/;

/**
 * The Fastify instance with everything every route shares: strict validation, problem+json
 * errors, request ids, authentication, metrics, health, OpenAPI and its reference at /docs.
 * Modules add their routes to it afterwards.
 */
export async function createHttpServer(options: HttpServerOptions): Promise<HttpApp> {
  const app = Fastify({
    loggerInstance: options.log as FastifyBaseLogger,
    bodyLimit: options.bodyLimit,
    trustProxy: options.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // Requests are logged once, on response, by our own hook (with route and duration).
    logController: new LogController({ requestIdLogLabel: 'requestId', disableRequestLogging: true }),
    // Keep-alive connections would hold shutdown open; in-flight requests still finish.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>();
  // First, so that every later hook and route runs inside the request's span.
  registerHttpTelemetry(app);

  // Sessions travel in a cookie; parsed for every request before authentication runs.
  await app.register(cookie);
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(errorHandler);
  let dashboard: Dashboard | undefined;
  app.setNotFoundHandler(
    (request, reply) =>
      dashboard?.fallback(request, reply) ||
      sendProblem(
        request,
        reply,
        404,
        'ROUTE_NOT_FOUND',
        `No route ${request.method} ${request.url.split('?')[0]}.`,
      ),
  );

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Shutdown: requests in flight finish, and their keep-alive connections close with them
  // instead of holding the process open until the keep-alive timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
  registerHttpMetrics(app, options.metrics);
  app.addHook('onResponse', async (request, reply) => {
    const level = reply.statusCode >= 500 ? 'error' : 'debug';
    request.log[level](
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Guildhall API',
        version: options.version,
        description:
          'Game sessions, records, economies and operations for Discord communities. Errors are RFC 9457 problem+json with a stable `code`.',
      },
      servers: [{ url: options.publicUrl }],
      components: {
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API token, `gh_…` (see `guildhall tokens create`).',
          },
          sessionCookie: { type: 'apiKey', in: 'cookie', name: 'guildhall_session' },
        },
      },
    },
    transform: ({ schema, url, route }) => {
      // Routes under /api/ need authentication unless public: say so in the document.
      const access = (route.config as { access?: { public?: boolean } } | undefined)?.access;
      if (!url.startsWith('/api/') || access?.public || !schema) return { schema, url };
      return {
        schema: { ...schema, security: [{ bearerAuth: [] }, { sessionCookie: [] }] } as typeof schema,
        url,
      };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerAuth(app, options.auth);
  registerHealth(app, options);
  if (options.dashboardDir) dashboard = await registerDashboard(app, options.dashboardDir);
  return app;
}

function registerHttpMetrics(app: HttpApp, registry: Registry) {
  const duration = new Histogram({
    name: 'guildhall_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request: FastifyRequest, reply) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}

function registerHealth(app: HttpApp, options: HttpServerOptions) {
  app.get('/healthz', { schema: { hide: true }, config: { access: { public: true } } }, async () => ({
    status: 'ok',
  }));
  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    const results = await Promise.all(
      options.readiness.map(async (c) => {
        try {
          await c.check();
          return { name: c.name, ok: true as const };
        } catch (error) {
          request.log.warn({ check: c.name, err: error }, 'readiness check failed');
          return { name: c.name, ok: false as const };
        }
      }),
    );
    const failed = results.filter((r) => !r.ok);
    if (failed.length > 0) {
      return reply
        .code(503)
        .type('application/problem+json; charset=utf-8')
        .send({
          type: 'urn:guildhall:problem:not-ready',
          title: 'Service Unavailable',
          status: 503,
          code: 'NOT_READY',
          detail: `Not ready: ${failed.map((f) => f.name).join(', ')}.`,
          instance: request.url,
          requestId: request.id,
          checks: results,
        });
    }
    return { status: 'ready', checks: results };
  });
}
