/**
 * The tracing hooks the rest of the code calls. Nothing here imports OpenTelemetry: the SDK is
 * loaded (by `startTelemetry`) only when OTEL_EXPORTER_OTLP_ENDPOINT is set, so the default
 * process pays neither its start time nor its memory. With tracing off every hook is a
 * pass-through: `traced(name, fn)` is `fn()`.
 *
 * The active tracer is per process, like OpenTelemetry's own context manager and propagator are:
 * a hook one line deep in the bus or the scheduler needs no tracer passed through every layer.
 */

export type SpanKind = 'server' | 'client' | 'producer' | 'consumer' | 'internal';
export type Attributes = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** W3C trace context as it travels in HTTP headers and event envelopes. */
export type TraceCarrier = { traceparent?: string; tracestate?: string };

export type SpanOptions = {
  readonly kind?: SpanKind;
  readonly attributes?: Attributes;
  /** A remote parent (an envelope's trace context); otherwise the active span is the parent. */
  readonly parent?: TraceCarrier;
  /** Record the span only when there is a parent span (database spans: no root per poll). */
  readonly childOnly?: boolean;
};

export type SpanHandle = {
  setAttributes(attributes: Attributes): void;
  /** Marks the span failed and records the exception (message and type, never arguments). */
  fail(error: unknown, message?: string): void;
  end(): void;
};

/** What the OpenTelemetry adapter (otel.ts) provides once loaded. */
export type Tracer = {
  /** Runs `fn` in a new span that is active inside it, and ends the span when `fn` settles. */
  span<T>(name: string, options: SpanOptions, fn: (span: SpanHandle) => Promise<T>): Promise<T>;
  /**
   * Starts a span without running anything in it; `enter(fn)` later runs `fn` with the span
   * active (Fastify hooks: the span starts in one hook and the handler runs in another).
   */
  start(name: string, options: SpanOptions): SpanHandle & { enter<T>(fn: () => T): T };
  /** Records a span that already happened (a relay batch that moved rows). */
  record(name: string, options: SpanOptions, startedAt: number, error?: unknown): void;
  /** A producer span for one message, ended at once; returns the context to put in the message. */
  produce(name: string, attributes: Attributes): TraceCarrier;
  shutdown(): Promise<void>;
};

let active: Tracer | undefined;

/** The tracer when tracing is configured, else undefined. */
export function tracer(): Tracer | undefined {
  return active;
}

/** Installed by `startTelemetry`; undefined turns tracing off again. */
export function setTracer(next: Tracer | undefined): void {
  active = next;
}

const NOOP_SPAN: SpanHandle = { setAttributes() {}, fail() {}, end() {} };

/** Runs `fn` in a span when tracing is on, else just runs it. */
export function traced<T>(
  name: string,
  options: SpanOptions,
  fn: (span: SpanHandle) => Promise<T>,
): Promise<T> {
  return active ? active.span(name, options, fn) : fn(NOOP_SPAN);
}

/**
 * The trace context to store in an outgoing event's envelope: a producer span (child of the
 * request or job that publishes) whose id the consumer continues. Empty with tracing off, so
 * envelopes stay exactly as they were.
 */
export function messageTraceContext(type: string, id: string, guildId: string | null): TraceCarrier {
  if (!active) return {};
  return active.produce(`publish ${type}`, {
    'messaging.system': 'guildhall',
    'messaging.operation.type': 'create',
    'messaging.destination.name': type,
    'messaging.message.id': id,
    'guildhall.guild_id': guildId,
  });
}

/** A W3C `traceparent`: version 00, 32 + 16 hex digits, not all zero, then flags. */
const TRACEPARENT = /^[0-9a-f]{2}-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$/;

/**
 * The trace context of a received message, when it carries a valid one. A malformed value
 * (another producer's bug) is ignored: the consumer then starts a new trace instead of failing.
 */
export function carrierOf(body: unknown): TraceCarrier | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { traceparent, tracestate } = body as Record<string, unknown>;
  if (typeof traceparent !== 'string' || !TRACEPARENT.test(traceparent)) return undefined;
  return typeof tracestate === 'string' && tracestate.length <= 512
    ? { traceparent, tracestate }
    : { traceparent };
}
