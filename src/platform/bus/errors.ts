import { AppError, type AppErrorOptions } from '../errors.ts';

/**
 * Stable codes of the bus. Codes of rejected messages end up in dead letters (`error_code`), so
 * operators can filter on them; the others are programming or configuration errors.
 */
export type BusErrorCode =
  /** The body is not an event envelope (not JSON, missing fields, wrong types). */
  | 'ENVELOPE_INVALID'
  /** The envelope's type is not the one the subscription consumes. */
  | 'EVENT_TYPE_UNEXPECTED'
  /** A version the subscription's definition does not describe. */
  | 'EVENT_VERSION_UNSUPPORTED'
  /** The payload does not match the event's schema. */
  | 'EVENT_PAYLOAD_INVALID'
  /** The handler threw on its last allowed attempt. */
  | 'HANDLER_FAILED'
  /** The broker dead-lettered the message itself (delivery limit, rejection). */
  | 'BROKER_DEAD_LETTERED'
  | 'SUBSCRIPTION_INVALID'
  | 'BUS_NOT_STARTED'
  | 'DEAD_LETTER_NOT_REPLAYABLE';

export class BusError extends AppError {
  override readonly code: BusErrorCode;
  constructor(code: BusErrorCode, message: string, options: AppErrorOptions = {}) {
    super(code, message, options);
    this.code = code;
  }
}

/** What a dead letter records about the failure. */
export type FailureInfo = {
  readonly code: string;
  readonly message: string;
  readonly stack: string | undefined;
};

export function failureOf(error: unknown, fallbackCode = 'HANDLER_FAILED'): FailureInfo {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return {
      code: typeof code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(code) ? code : fallbackCode,
      message: error.message.slice(0, 4000),
      stack: error.stack?.slice(0, 16_000),
    };
  }
  return { code: fallbackCode, message: String(error).slice(0, 4000), stack: undefined };
}
