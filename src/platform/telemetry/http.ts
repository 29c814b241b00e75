import type { FastifyRequest } from 'fastify';
import type { HttpApp } from '../http/types.ts';
import { errorReporter, reportError } from './errors.ts';
import { type SpanHandle, type TraceCarrier, tracer } from './tracing.ts';

type ActiveSpan = SpanHandle & { enter<T>(fn: () => T): T };

/** Probes and scrapes arrive every few seconds and would bury the traces worth reading. */
const UNTRACED = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * A server span per request, and error reports of 5xx responses. Call it on a new Fastify
 * instance before anything else registers hooks or routes, so every later hook, the handler
 * and whatever they call run inside the span. Adds nothing when telemetry is off.
 */
export function registerHttpTelemetry(app: HttpApp): void {
  const t = tracer();
  const spans = new WeakMap<FastifyRequest, ActiveSpan>();
  const errors = new WeakMap<FastifyRequest, unknown>();
  if (t) {
    app.addHook('onRequest', (request, _reply, done) => {
      const route = request.routeOptions.url;
      if (route && UNTRACED.has(route)) return done();
      const span = t.start(route ? `${request.method} ${route}` : request.method, {
        kind: 'server',
        parent: incomingContext(request),
        attributes: {
          'http.request.method': request.method,
          'http.route': route,
          'url.path': request.url.split('?')[0],
          'guildhall.request_id': request.id,
        },
      });
      spans.set(request, span);
      span.enter(done);
    });
    // The body is parsed in the socket's own async context; enter the span again after it, so
    // validation, authentication and the handler run inside it.
    app.addHook('preValidation', (request, _reply, done) => {
      const span = spans.get(request);
      if (span) span.enter(done);
      else done();
    });
  }
  if (!t && !errorReporter()) return;
  // Runs before the error handler turns the error into problem+json: remember it for onResponse.
  app.addHook('onError', async (request, _reply, error) => {
    errors.set(request, error);
  });
  app.addHook('onResponse', async (request, reply) => {
    const status = reply.statusCode;
    const error = errors.get(request);
    const span = spans.get(request);
    if (span) {
      span.setAttributes({ 'http.response.status_code': status });
      if (status >= 500) span.fail(error ?? new Error(`HTTP ${status}`), `HTTP ${status}`);
      span.end();
    }
    if (status >= 500 && error !== undefined) {
      const params = request.params as Record<string, unknown> | undefined;
      reportError(error, {
        requestId: request.id,
        route: `${request.method} ${request.routeOptions.url ?? 'unmatched'}`,
        guildId: typeof params?.guildId === 'string' ? params.guildId : undefined,
        code: codeOf(error),
      });
    }
  });
}

function incomingContext(request: FastifyRequest): TraceCarrier {
  const { traceparent, tracestate } = request.headers;
  return {
    ...(typeof traceparent === 'string' ? { traceparent } : {}),
    ...(typeof tracestate === 'string' ? { tracestate } : {}),
  };
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
