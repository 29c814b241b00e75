import type { Tx } from '../db/database.ts';
import { run } from '../db/statement.ts';
import type { Logger } from '../log/logger.ts';
import { reportDeadLetters, traceHandler } from '../telemetry/hooks.ts';
import { BusError, type FailureInfo, failureOf } from './errors.ts';
import { describeErrors, type Envelope, envelopeValidator } from './events.ts';
import type { BusMetrics } from './metrics.ts';
import { retryDelayMs, type Subscription } from './subscription.ts';

/** A message as a transport received it, before anything is known about it. */
export type Incoming = {
  /** Parsed JSON, or a string/Buffer when the body was not JSON. */
  readonly body: unknown;
  /** Attempts that already failed (or were cut short by a crash) before this delivery. */
  readonly failedBefore: number;
};

export type Outcome =
  | { readonly kind: 'handled'; readonly envelope: Envelope }
  | { readonly kind: 'duplicate'; readonly envelope: Envelope }
  | {
      readonly kind: 'retry';
      readonly envelope: Envelope;
      readonly attempt: number;
      readonly delayMs: number;
      readonly failure: FailureInfo;
    }
  | {
      readonly kind: 'dead';
      readonly envelope: Envelope | undefined;
      readonly attempts: number;
      readonly failure: FailureInfo;
    };

/** The inbox row: inserted in the handler's savepoint, so it exists only if the effect does. */
export const INSERT_INBOX = `
insert into bus.inbox (consumer, message_id) values ($1, $2)
on conflict do nothing
returning message_id`;

/** The inbox rows of a whole batch; returns the ids that were new (a repeated id is new once). */
export const INSERT_INBOX_MANY = `
insert into bus.inbox (consumer, message_id)
select $1, id from unnest($2::uuid[]) as id
on conflict do nothing
returning message_id::text`;

export type HandlingDeps = { readonly log: Logger; readonly metrics: BusMetrics };

/**
 * Runs a batch of messages of one subscription inside one transaction. First all together: one
 * statement inserts every inbox row (telling duplicates apart), then the handlers run one after
 * the other, all inside one savepoint. Should any handler fail, that savepoint is rolled back and
 * the batch runs again message by message, each in its own savepoint, so a failing handler
 * undoes only its own effect. Either way effects and inbox rows commit together, and the
 * transport records retries and dead letters (in the same transaction where it can) and
 * acknowledges only after the commit. The first pass saves three round trips per message.
 */
export async function handleBatch(
  tx: Tx,
  sub: Subscription,
  messages: readonly Incoming[],
  deps: HandlingDeps,
): Promise<Outcome[]> {
  if (messages.length > 1) {
    const together = await handleTogether(tx, sub, messages, deps);
    if (together) return reportDeadLetters(sub.name, together);
  }
  const outcomes: Outcome[] = [];
  for (const message of messages) outcomes.push(await handleOne(tx, sub, message, deps));
  return reportDeadLetters(sub.name, outcomes);
}

/** The batch in one savepoint; undefined (and nothing of it kept) when any handler failed. */
async function handleTogether(
  tx: Tx,
  sub: Subscription,
  messages: readonly Incoming[],
  deps: HandlingDeps,
): Promise<Outcome[] | undefined> {
  const decoded = messages.map((m) => decode(sub, m.body));
  const ids = decoded.flatMap((d) => (d.ok ? [d.envelope.id] : []));
  const counted: { consumer: string; outcome: 'handled' | 'duplicate'; seconds: number }[] = [];
  let outcomes: Outcome[];
  try {
    outcomes = await tx.transaction(async (sp) => {
      const fresh = new Set(
        ids.length > 0
          ? (await run<{ message_id: string }>(sp, INSERT_INBOX_MANY, [sub.name, `{${ids.join(',')}}`])).map(
              (r) => r.message_id,
            )
          : [],
      );
      const result: Outcome[] = [];
      for (const [i, d] of decoded.entries()) {
        if (!d.ok) {
          result.push({
            kind: 'dead',
            envelope: d.envelope,
            attempts: (messages[i]?.failedBefore ?? 0) + 1,
            failure: d.failure,
          });
          continue;
        }
        const envelope = d.envelope;
        // Ids are compared in lower case, as PostgreSQL prints uuids.
        if (!fresh.delete(envelope.id.toLowerCase())) {
          result.push({ kind: 'duplicate', envelope });
          counted.push({ consumer: sub.name, outcome: 'duplicate', seconds: 0 });
          continue;
        }
        const started = performance.now();
        await runHandler(sp, sub, envelope, (messages[i]?.failedBefore ?? 0) + 1, deps);
        counted.push({
          consumer: sub.name,
          outcome: 'handled',
          seconds: (performance.now() - started) / 1000,
        });
        result.push({ kind: 'handled', envelope });
      }
      return result;
    });
  } catch {
    return undefined;
  }
  // Counted once the batch went through: the fallback counts each message itself.
  for (const c of counted) {
    deps.metrics.deliveries.inc({ consumer: c.consumer, outcome: c.outcome });
    if (c.outcome === 'handled') deps.metrics.handlerDuration.observe({ consumer: c.consumer }, c.seconds);
  }
  for (const [i, o] of outcomes.entries()) {
    if (o.kind !== 'dead') continue;
    const d = decoded[i];
    if (d && !d.ok) {
      deps.metrics.deliveries.inc({ consumer: sub.name, outcome: 'dead' });
      deps.metrics.deadLettered.inc({ consumer: sub.name, code: d.failure.code });
      deps.log.warn(
        { consumer: sub.name, code: d.failure.code, err: d.failure.message },
        'rejected message: dead-lettered without running the handler',
      );
    }
  }
  return outcomes;
}

/** One handler call with its scoped logger and its time limit. */
async function runHandler(
  tx: Tx,
  sub: Subscription,
  envelope: Envelope,
  attempt: number,
  deps: HandlingDeps,
) {
  const log = deps.log.child({
    consumer: sub.name,
    messageId: envelope.id,
    guildId: envelope.guildId,
    correlationId: envelope.correlationId,
    attempt,
  });
  const controller = new AbortController();
  const timer = setTimeout(() => {
    log.warn({ timeoutMs: sub.timeoutMs }, 'handler exceeded its time limit; its signal is aborted');
    controller.abort(new BusError('HANDLER_FAILED', `handler timed out after ${sub.timeoutMs} ms`));
  }, sub.timeoutMs);
  try {
    await traceHandler(sub.name, envelope, () =>
      sub.handler(envelope, {
        tx,
        log,
        attempt,
        maxAttempts: sub.maxAttempts,
        consumer: sub.name,
        signal: controller.signal,
      }),
    );
  } finally {
    clearTimeout(timer);
  }
}

async function handleOne(tx: Tx, sub: Subscription, message: Incoming, deps: HandlingDeps): Promise<Outcome> {
  const attempt = message.failedBefore + 1;
  const decoded = decode(sub, message.body);
  if (!decoded.ok) {
    deps.metrics.deliveries.inc({ consumer: sub.name, outcome: 'dead' });
    deps.metrics.deadLettered.inc({ consumer: sub.name, code: decoded.failure.code });
    deps.log.warn(
      { consumer: sub.name, code: decoded.failure.code, err: decoded.failure.message },
      'rejected message: dead-lettered without running the handler',
    );
    return { kind: 'dead', envelope: decoded.envelope, attempts: attempt, failure: decoded.failure };
  }
  const envelope = decoded.envelope;
  const log = deps.log.child({
    consumer: sub.name,
    messageId: envelope.id,
    guildId: envelope.guildId,
    correlationId: envelope.correlationId,
    attempt,
  });
  const started = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => {
    log.warn({ timeoutMs: sub.timeoutMs }, 'handler exceeded its time limit; its signal is aborted');
    controller.abort(new BusError('HANDLER_FAILED', `handler timed out after ${sub.timeoutMs} ms`));
  }, sub.timeoutMs);
  try {
    const handled = await tx.transaction(async (sp) => {
      const fresh = await run(sp, INSERT_INBOX, [sub.name, envelope.id]);
      if (fresh.length === 0) return false;
      await traceHandler(sub.name, envelope, () =>
        sub.handler(envelope, {
          tx: sp,
          log,
          attempt,
          maxAttempts: sub.maxAttempts,
          consumer: sub.name,
          signal: controller.signal,
        }),
      );
      return true;
    });
    if (!handled) {
      deps.metrics.deliveries.inc({ consumer: sub.name, outcome: 'duplicate' });
      log.debug('duplicate delivery: already handled, skipped');
      return { kind: 'duplicate', envelope };
    }
    deps.metrics.handlerDuration.observe({ consumer: sub.name }, (performance.now() - started) / 1000);
    deps.metrics.deliveries.inc({ consumer: sub.name, outcome: 'handled' });
    return { kind: 'handled', envelope };
  } catch (error) {
    deps.metrics.handlerDuration.observe({ consumer: sub.name }, (performance.now() - started) / 1000);
    const failure = failureOf(error);
    if (attempt >= sub.maxAttempts) {
      deps.metrics.deliveries.inc({ consumer: sub.name, outcome: 'dead' });
      deps.metrics.deadLettered.inc({ consumer: sub.name, code: failure.code });
      log.error({ err: error, attempts: attempt }, 'handler failed on its last attempt: dead-lettered');
      return { kind: 'dead', envelope, attempts: attempt, failure };
    }
    const delayMs = retryDelayMs(sub.backoff, attempt);
    deps.metrics.deliveries.inc({ consumer: sub.name, outcome: 'retry' });
    deps.metrics.retries.inc({ consumer: sub.name });
    log.warn({ err: error, retryInMs: delayMs }, 'handler failed; will retry');
    return { kind: 'retry', envelope, attempt, delayMs, failure };
  } finally {
    clearTimeout(timer);
  }
}

type Decoded =
  | { ok: true; envelope: Envelope }
  | { ok: false; envelope: Envelope | undefined; failure: FailureInfo };

/** Validates the envelope, then the type and version, then the payload against the schema. */
export function decode(sub: Subscription, body: unknown): Decoded {
  const reject = (code: string, message: string, envelope?: Envelope): Decoded => ({
    ok: false,
    envelope,
    failure: { code, message, stack: undefined },
  });
  if (typeof body === 'string' || Buffer.isBuffer(body))
    return reject('ENVELOPE_INVALID', 'The body is not JSON.');
  if (!envelopeValidator.Check(body))
    return reject(
      'ENVELOPE_INVALID',
      `The body is not an event envelope: ${describeErrors(envelopeValidator, body)}`,
      looksLikeEnvelope(body),
    );
  const envelope = body as Envelope;
  if (!fitsBigint(envelope.guildId))
    return reject(
      'ENVELOPE_INVALID',
      `guildId ${envelope.guildId} is not a Discord id.`,
      looksLikeEnvelope(body),
    );
  if (envelope.type !== sub.event.type)
    return reject(
      'EVENT_TYPE_UNEXPECTED',
      `${sub.name} consumes ${sub.event.type}, got ${envelope.type}.`,
      envelope,
    );
  if (envelope.version !== sub.event.version)
    return reject(
      'EVENT_VERSION_UNSUPPORTED',
      `${sub.name} understands ${sub.event.type} v${sub.event.version}, got v${envelope.version}.`,
      envelope,
    );
  if (!sub.event.validator.Check(envelope.payload))
    return reject(
      'EVENT_PAYLOAD_INVALID',
      `Payload of ${envelope.type} v${envelope.version} is invalid: ${describeErrors(sub.event.validator, envelope.payload)}`,
      envelope,
    );
  return { ok: true, envelope };
}

/** The envelope when the body is one, else what can be kept of it (its id, type, guild). */
export function readEnvelope(body: unknown): Envelope | undefined {
  if (envelopeValidator.Check(body) && fitsBigint((body as Envelope).guildId)) return body as Envelope;
  return looksLikeEnvelope(body);
}

const INT8_MAX = 9_223_372_036_854_775_807n;

/** Guild ids are stored as bigint: 20 digits may still overflow it. */
export function fitsBigint(id: string | null): boolean {
  return id === null || BigInt(id) <= INT8_MAX;
}

/** Keeps what can be kept of a broken envelope (its id makes the dead letter addressable). */
function looksLikeEnvelope(body: unknown): Envelope | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as Record<string, unknown>;
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (typeof b.id !== 'string' || !uuid.test(b.id)) return undefined;
  return {
    id: b.id,
    type: typeof b.type === 'string' ? b.type.slice(0, 200) : '',
    version: Number.isInteger(b.version) ? (b.version as number) : 0,
    occurredAt: typeof b.occurredAt === 'string' ? b.occurredAt : '',
    guildId:
      typeof b.guildId === 'string' && /^\d{1,20}$/.test(b.guildId) && fitsBigint(b.guildId)
        ? b.guildId
        : null,
    correlationId: typeof b.correlationId === 'string' ? b.correlationId : '',
    payload: b.payload,
  };
}
