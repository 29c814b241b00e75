import type { Static, TSchema } from 'typebox';
import type { Tx } from '../db/database.ts';
import type { Logger } from '../log/logger.ts';
import { BusError } from './errors.ts';
import type { Envelope, EventDefinition } from './events.ts';

/** What a handler gets besides the event. */
export type HandlerContext = {
  /**
   * A `withSystem` transaction. The handler's database effect and the consumer's inbox row commit
   * in it together: a redelivered message finds the inbox row and is not handled twice. Use this
   * transaction, never another one of your own, or the guarantee is gone.
   */
  readonly tx: Tx;
  /** pino child with consumer, messageId, guildId, attempt. */
  readonly log: Logger;
  /** 1 on first delivery, then 2, 3, … up to `maxAttempts`. */
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly consumer: string;
  /** Aborted when the handler exceeds `timeoutMs`: pass it to fetch and friends. */
  readonly signal: AbortSignal;
};

export type Handler<P> = (event: Envelope<P>, ctx: HandlerContext) => Promise<void>;

export type Backoff = {
  /** Delay before the second attempt; doubles each time. */
  readonly baseMs: number;
  readonly maxMs: number;
};

export type SubscriptionOptions = {
  /** Attempts before the message is dead-lettered (default 5). */
  readonly maxAttempts?: number;
  /** Exponential backoff with jitter between attempts (default 1 s doubling to 5 min). */
  readonly backoff?: Partial<Backoff>;
  /**
   * Messages handled in one transaction (default 16): all together first, one savepoint each
   * after a handler failed. Handlers with external side effects may prefer 1: a failed commit,
   * or a failing handler in the batch, runs the batch's other handlers again.
   */
  readonly batchSize?: number;
  /** Batches in flight at once in this process (default 2). Order is kept only with 1. */
  readonly concurrency?: number;
  /** The handler's signal is aborted after this long (default 30 s). */
  readonly timeoutMs?: number;
};

export type Subscription<S extends TSchema = TSchema> = {
  /** `<component>.<domain>.<action>`: the consumer's name and its RabbitMQ queue. */
  readonly name: string;
  readonly event: EventDefinition<S>;
  readonly handler: Handler<Static<S>>;
  readonly maxAttempts: number;
  readonly backoff: Backoff;
  readonly batchSize: number;
  readonly concurrency: number;
  readonly timeoutMs: number;
};

const CONSUMER_NAME = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+){2,}$/;

/** A module's consumer, declared in its `Module.consumers`. */
export function defineConsumer<S extends TSchema>(
  name: string,
  event: EventDefinition<S>,
  handler: Handler<Static<S>>,
  options: SubscriptionOptions = {},
): Subscription<S> {
  if (!CONSUMER_NAME.test(name) || name.length > 200)
    throw new BusError(
      'SUBSCRIPTION_INVALID',
      `Consumer names look like <component>.<domain>.<action> in lower case: "${name}"`,
    );
  const positive = (value: number | undefined, fallback: number, what: string) => {
    const v = value ?? fallback;
    if (!Number.isFinite(v) || v < 1)
      throw new BusError('SUBSCRIPTION_INVALID', `${name}: ${what} must be at least 1, got ${v}`);
    return Math.floor(v);
  };
  const baseMs = options.backoff?.baseMs ?? 1000;
  const maxMs = options.backoff?.maxMs ?? 5 * 60_000;
  if (!(baseMs >= 0 && maxMs >= baseMs))
    throw new BusError('SUBSCRIPTION_INVALID', `${name}: backoff needs 0 ≤ baseMs ≤ maxMs`);
  return Object.freeze({
    name,
    event,
    handler,
    maxAttempts: positive(options.maxAttempts, 5, 'maxAttempts'),
    backoff: { baseMs, maxMs },
    batchSize: positive(options.batchSize, 16, 'batchSize'),
    concurrency: positive(options.concurrency, 2, 'concurrency'),
    timeoutMs: positive(options.timeoutMs, 30_000, 'timeoutMs'),
  });
}

/**
 * Delay before attempt `failed + 1`: base·2^(failed−1), capped, with "equal jitter" (half fixed,
 * half random) so a burst of failures does not retry in lockstep yet never retries at once.
 */
export function retryDelayMs(backoff: Backoff, failedAttempts: number): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}
