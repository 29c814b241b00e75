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
  readonly envelope?:
    | { readonly id: string; readonly guildId: string | null; readonly correlationId: string }
    | undefined;
  readonly failure?: { readonly code: string; readonly message: string; readonly stack?: string | undefined };
};

/** The envelope fields a consumer span needs (handling.ts `Envelope`). */
export type TracedEnvelope = Readonly<{
  id: string;
  type: string;
  guildId: string | null;
  correlationId: string;
  traceparent?: string | undefined;
  tracestate?: string | undefined;
}>;

/**
 * A consumer span around one handler call, continuing the trace whose context the envelope
 * carries (or a new trace when it carries none, as scheduled jobs' events do). A handler that
 * throws marks the span failed; the error goes on to the bus's retry handling.
 */
export function traceHandler<T>(
  consumer: string,
  envelope: TracedEnvelope,
  handle: () => Promise<T>,
): Promise<T> {
  const parent = carrierOf(envelope);
  return traced(
    `consume ${envelope.type}`,
    {
      kind: 'consumer',
      ...(parent ? { parent } : {}),
      attributes: {
        'messaging.system': 'guildhall',
        'messaging.operation.type': 'process',
        'messaging.destination.name': envelope.type,
        'messaging.consumer.group.name': consumer,
        'messaging.message.id': envelope.id,
        'guildhall.guild_id': envelope.guildId,
      },
    },
    () => handle(),
  );
}

/**
 * Reports the messages of a batch that are dead-lettered: the handler failed on its last
 * attempt, or the message was rejected unread. Earlier failed attempts are retried and only
 * logged. Returns the outcomes unchanged.
 */
export function reportDeadLetters<O extends ConsumeOutcome>(consumer: string, outcomes: O[]): O[] {
  for (const outcome of outcomes) {
    if (outcome.kind !== 'dead' || !outcome.failure) continue;
    const correlation = outcome.envelope?.correlationId;
    reportError(errorOf(outcome.failure), {
      consumer,
      messageId: outcome.envelope?.id,
      guildId: outcome.envelope?.guildId,
      // A scheduled job's event names its job in the correlation id (`job:<key>`).
      jobId: correlation?.startsWith('job:') ? correlation.slice(4) : undefined,
      code: outcome.failure.code,
    });
  }
  return outcomes;
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

function errorOf(failure: NonNullable<ConsumeOutcome['failure']>): Error {
  const error = new Error(failure.message);
  error.name = failure.code;
  if (failure.stack) error.stack = failure.stack;
  return error;
}
