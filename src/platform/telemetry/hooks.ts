import type { Database } from '../db/database.ts';
import { reportError } from './errors.ts';
import { carrierOf, type SpanHandle, traced, tracer } from './tracing.ts';

/**
 * One-line hooks for the bus, the scheduler, the database and the Discord client. Each is a
 * pass-through while tracing and error reporting are off.
 */

/** What the bus's handling returns for one message (handling.ts `Outcome`). */
export type ConsumeOutcome = {
  readonly kind: string;
  readonly failure?: { readonly code: string; readonly message: string; readonly stack?: string | undefined };
};

/**
 * A consumer span per message, continuing the trace whose context the envelope carries (or a
 * new trace when it carries none, as scheduled jobs' events do). A message that is dead-lettered
 * (its last attempt failed, or it was rejected unread) is reported as an error; earlier failed
 * attempts are retried and only logged.
 */
export function traceConsume<O extends ConsumeOutcome>(
  consumer: string,
  body: unknown,
  handle: () => Promise<O>,
): Promise<O> {
  const fields = envelopeFields(body);
  const parent = carrierOf(body);
  return traced(
    `consume ${fields.type ?? 'message'}`,
    {
      kind: 'consumer',
      ...(parent ? { parent } : {}),
      attributes: {
        'messaging.system': 'guildhall',
        'messaging.operation.type': 'process',
        'messaging.destination.name': fields.type,
        'messaging.consumer.group.name': consumer,
        'messaging.message.id': fields.id,
        'guildhall.guild_id': fields.guildId,
      },
    },
    async (span) => {
      const outcome = await handle();
      span.setAttributes({ 'guildhall.outcome': outcome.kind });
      if (outcome.failure) {
        const error = errorOf(outcome.failure);
        span.fail(error, outcome.failure.code);
        if (outcome.kind === 'dead')
          reportError(error, {
            consumer,
            messageId: fields.id,
            guildId: fields.guildId,
            jobId: fields.jobId,
            code: outcome.failure.code,
          });
      }
      return outcome;
    },
  );
}

/** A span for a relay batch that moved rows (empty polls are not recorded). */
export async function traceRelay<R extends { readonly moved: number }>(relay: () => Promise<R>): Promise<R> {
  return recordIf('bus relay', relay, (r) =>
    r.moved > 0 ? { 'messaging.batch.message_count': r.moved } : undefined,
  );
}

/** A span for a scheduler batch that claimed jobs (empty polls are not recorded). */
export async function traceDispatch<R extends { readonly claimed: readonly unknown[] }>(
  claim: () => Promise<R>,
): Promise<R> {
  return recordIf('scheduler dispatch', claim, (r) =>
    r.claimed.length > 0 ? { 'guildhall.jobs.claimed': r.claimed.length } : undefined,
  );
}

async function recordIf<R>(
  name: string,
  work: () => Promise<R>,
  attributesOf: (result: R) => Record<string, number> | undefined,
): Promise<R> {
  const t = tracer();
  if (!t) return work();
  const startedAt = Date.now();
  try {
    const result = await work();
    const attributes = attributesOf(result);
    if (attributes) t.record(name, { attributes }, startedAt);
    return result;
  } catch (error) {
    t.record(name, {}, startedAt, error);
    throw error;
  }
}

/**
 * Database spans, only inside another span (a request, a consumed message): polling loops
 * would otherwise start a new trace every second.
 */
export function traceDatabase(db: Database): Database {
  if (!tracer()) return db;
  const base = { 'db.system.name': 'postgresql', 'guildhall.db': db.kind };
  return {
    ...db,
    query: (text, params) =>
      traced(
        'db query',
        { kind: 'client', childOnly: true, attributes: { ...base, 'db.query.text': text.slice(0, 2000) } },
        () => db.query(text, params),
      ),
    withGuild: (guildId, fn, options) =>
      traced(
        'db transaction',
        { kind: 'client', childOnly: true, attributes: { ...base, 'guildhall.guild_id': guildId } },
        () => db.withGuild(guildId, fn, options),
      ),
    withSystem: (fn, options) =>
      traced('db transaction (system)', { kind: 'client', childOnly: true, attributes: base }, () =>
        db.withSystem(fn, options),
      ),
  };
}

type MakeRequest<I, R extends { readonly status: number }> = (url: string, init: I) => Promise<R>;

/**
 * Wraps @discordjs/rest's `makeRequest`: a client span per HTTP attempt (retries and rate-limit
 * waits show as separate attempts). The path in the span is a template: interaction and webhook
 * tokens sit in Discord's paths and must not leave the process.
 */
export function tracedRequest<
  I extends { method?: string | undefined },
  R extends { readonly status: number },
>(makeRequest: MakeRequest<I, R>): MakeRequest<I, R> {
  return (url, init) => {
    if (!tracer()) return makeRequest(url, init);
    const parsed = new URL(url);
    const method = (init.method ?? 'GET').toUpperCase();
    const route = discordRoute(parsed.pathname);
    return traced(
      `discord ${method} ${route}`,
      {
        kind: 'client',
        attributes: {
          'http.request.method': method,
          'server.address': parsed.hostname,
          'url.template': route,
        },
      },
      async (span: SpanHandle) => {
        const response = await makeRequest(url, init);
        span.setAttributes({ 'http.response.status_code': response.status });
        if (response.status >= 500) span.fail(new Error(`Discord answered ${response.status}`));
        return response;
      },
    );
  };
}

/** `/api/v10/channels/123…/messages` → `/api/v10/channels/{id}/messages`; tokens → `{token}`. */
export function discordRoute(path: string): string {
  return path
    .split('/')
    .map((segment, i, all) => {
      if (/^\d{15,21}$/.test(segment)) return '{id}';
      // /webhooks/{application id}/{interaction or webhook token}/…
      if (all[i - 2] === 'webhooks' && segment) return '{token}';
      if (segment.length > 32) return '{token}';
      return segment;
    })
    .join('/');
}

type EnvelopeFields = {
  id: string | undefined;
  type: string | undefined;
  guildId: string | null;
  jobId: string | undefined;
};

function envelopeFields(body: unknown): EnvelopeFields {
  const b = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : undefined);
  const correlation = text(b.correlationId);
  return {
    id: text(b.id),
    type: text(b.type),
    guildId: text(b.guildId) ?? null,
    // A scheduled job's event names its job in the correlation id (`job:<key>`).
    jobId: correlation?.startsWith('job:') ? correlation.slice(4) : undefined,
  };
}

function errorOf(failure: NonNullable<ConsumeOutcome['failure']>): Error {
  const error = new Error(failure.message);
  error.name = failure.code;
  if (failure.stack) error.stack = failure.stack;
  return error;
}
