import { randomUUID } from 'node:crypto';
import { type Static, type TSchema, Type } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';
import { messageTraceContext } from '../telemetry/tracing.ts';
import { BusError } from './errors.ts';

/**
 * The wire format of every event, on both transports and in the dead-letter store. `type` is the
 * routing key (`games.game_created`), so one string names an event everywhere: in RabbitMQ
 * bindings, in the embedded bus's bindings table, in `guildhall dlq list --type`.
 */
export type Envelope<P = unknown> = {
  readonly id: string;
  readonly type: string;
  readonly version: number;
  /** ISO 8601. For a scheduled job's event: the time it was due. */
  readonly occurredAt: string;
  /** Discord id of the guild the event belongs to; null for instance-wide events. */
  readonly guildId: string | null;
  /** Follows one user action through every event it causes (the HTTP request id, typically). */
  readonly correlationId: string;
  readonly payload: P;
  /**
   * W3C trace context of the span that published the event (present only when tracing is on).
   * Optional in both directions: envelopes without it, from older producers or from scheduled
   * jobs, are as valid as before, and consumers ignore a value they cannot parse.
   */
  readonly traceparent?: string;
  readonly tracestate?: string;
};

export const EnvelopeSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    type: Type.String({ minLength: 3, maxLength: 200 }),
    version: Type.Integer({ minimum: 1 }),
    occurredAt: Type.String({ format: 'date-time' }),
    guildId: Type.Union([Type.String({ pattern: '^[0-9]{1,20}$' }), Type.Null()]),
    correlationId: Type.String({ minLength: 1, maxLength: 200 }),
    payload: Type.Unknown(),
    traceparent: Type.Optional(Type.String({ maxLength: 512 })),
    tracestate: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
);

export const envelopeValidator: Validator = Compile(EnvelopeSchema);

/** Names follow the seeds: an upper-snake event name (`GAME_CREATED`) in a lower-case domain. */
const DOMAIN = /^[a-z][a-z0-9_]{0,40}$/;
const NAME = /^[A-Z][A-Z0-9_]{0,80}$/;

export type EventDefinition<S extends TSchema = TSchema> = {
  readonly domain: string;
  readonly name: string;
  readonly version: number;
  readonly payload: S;
  /** `<domain>.<name lowercased>`: the envelope's `type` and the routing key. */
  readonly type: string;
  readonly validator: Validator;
  /** An event of this type, ready for `publish(tx, …)`. */
  of(payload: Static<S>, options?: EventOptions): OutgoingEvent<Static<S>>;
};

export type EventOptions = {
  /** Defaults to the guild of the `withGuild` transaction it is published in, else null. */
  readonly guildId?: string | null;
  readonly correlationId?: string;
  readonly id?: string;
  readonly occurredAt?: Date;
};

export type OutgoingEvent<P = unknown> = {
  readonly definition: EventDefinition;
  readonly id: string;
  readonly payload: P;
  readonly guildId: string | null | undefined;
  readonly correlationId: string;
  readonly occurredAt: Date;
};

/** Payload type of an event definition, for handler signatures. */
export type PayloadOf<E> = E extends EventDefinition<infer S> ? Static<S> : never;

export function defineEvent<S extends TSchema>(spec: {
  domain: string;
  name: string;
  version: number;
  payload: S;
}): EventDefinition<S> {
  if (!DOMAIN.test(spec.domain)) throw new TypeError(`event domain must be lower snake case: ${spec.domain}`);
  if (!NAME.test(spec.name)) throw new TypeError(`event name must be UPPER_SNAKE_CASE: ${spec.name}`);
  if (!Number.isInteger(spec.version) || spec.version < 1)
    throw new TypeError(`event version must be a positive integer: ${spec.version}`);
  const type = `${spec.domain}.${spec.name.toLowerCase()}`;
  const validator = Compile(spec.payload);
  const definition: EventDefinition<S> = {
    ...spec,
    type,
    validator,
    of(payload, options = {}) {
      return {
        definition: definition as unknown as EventDefinition,
        id: options.id ?? randomUUID(),
        payload,
        guildId: options.guildId,
        correlationId: options.correlationId ?? randomUUID(),
        occurredAt: options.occurredAt ?? new Date(),
      };
    },
  };
  return Object.freeze(definition);
}

/** Refuses a payload that its own schema rejects: a producer bug, caught before it is stored. */
export function assertPayload(definition: EventDefinition, payload: unknown): void {
  if (definition.validator.Check(payload)) return;
  throw new BusError(
    'EVENT_PAYLOAD_INVALID',
    `Payload of ${definition.type} v${definition.version} does not match its schema: ${describeErrors(definition.validator, payload)}`,
  );
}

/** "/field must be integer; /other is required": short enough for a log line or a dead letter. */
export function describeErrors(validator: Validator, value: unknown): string {
  const errors = validator.Errors(value);
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const e of errors) {
    // additionalProperties is reported twice by typebox (the property and the object).
    if (e.keyword === 'boolean') continue;
    const text = `${e.instancePath || '/'} ${e.message}`;
    if (!seen.has(text)) parts.push(text);
    seen.add(text);
    if (parts.length >= 10) break;
  }
  return parts.join('; ') || 'invalid';
}

export function envelopeOf(event: OutgoingEvent): Envelope {
  return {
    id: event.id,
    type: event.definition.type,
    version: event.definition.version,
    occurredAt: event.occurredAt.toISOString(),
    guildId: event.guildId ?? null,
    correlationId: event.correlationId,
    payload: event.payload,
    ...messageTraceContext(event.definition.type, event.id, event.guildId ?? null),
  };
}
