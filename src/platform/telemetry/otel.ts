import {
  type Context,
  context,
  SpanKind as OtelSpanKind,
  propagation,
  type Span,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import type { Attributes, SpanHandle, SpanKind, SpanOptions, TraceCarrier, Tracer } from './tracing.ts';

/**
 * The OpenTelemetry adapter, imported only when OTEL_EXPORTER_OTLP_ENDPOINT is set. Spans go in
 * batches to `<endpoint>/v1/traces` as OTLP/JSON over HTTP (the path the OTLP specification
 * appends to the generic endpoint variable). Sampling is parent-based: a trace begun upstream
 * (a `traceparent` header, an event's envelope) keeps its decision; new traces are kept with
 * probability `sampleRatio`.
 */
export type OtelOptions = {
  readonly endpoint: string;
  readonly serviceName: string;
  readonly serviceVersion: string;
  readonly component: string;
  readonly sampleRatio: number;
};

const KINDS: Record<SpanKind, OtelSpanKind> = {
  server: OtelSpanKind.SERVER,
  client: OtelSpanKind.CLIENT,
  producer: OtelSpanKind.PRODUCER,
  consumer: OtelSpanKind.CONSUMER,
  internal: OtelSpanKind.INTERNAL,
};

export function createOtelTracer(options: OtelOptions): Tracer {
  const exporter = new OTLPTraceExporter({ url: `${options.endpoint.replace(/\/+$/, '')}/v1/traces` });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({
      'service.name': options.serviceName,
      'service.version': options.serviceVersion,
      'guildhall.component': options.component,
    }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(options.sampleRatio) }),
    spanProcessors: [new BatchSpanProcessor({ exporter })],
  });
  // Registered globally so the context of a span follows async calls (AsyncLocalStorage) and
  // libraries that speak @opentelemetry/api themselves join the same traces.
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  const tracer = provider.getTracer('guildhall', options.serviceVersion);

  const parentContext = (spanOptions: SpanOptions): Context | undefined => {
    const base = context.active();
    const parent = spanOptions.parent ? propagation.extract(base, spanOptions.parent) : base;
    if (spanOptions.childOnly && !trace.getSpan(parent)) return undefined;
    return parent;
  };

  const startSpan = (name: string, spanOptions: SpanOptions, parent: Context, startTime?: Date) =>
    tracer.startSpan(
      name,
      {
        kind: KINDS[spanOptions.kind ?? 'internal'],
        attributes: clean(spanOptions.attributes),
        ...(startTime ? { startTime } : {}),
      },
      parent,
    );

  return {
    async span(name, spanOptions, fn) {
      const parent = parentContext(spanOptions);
      if (!parent) return fn(NOOP_SPAN);
      const span = startSpan(name, spanOptions, parent);
      try {
        return await context.with(trace.setSpan(parent, span), () => fn(handle(span)));
      } catch (error) {
        fail(span, error);
        throw error;
      } finally {
        span.end();
      }
    },

    start(name, spanOptions) {
      const parent = parentContext(spanOptions) ?? context.active();
      const span = startSpan(name, spanOptions, parent);
      const active = trace.setSpan(parent, span);
      return { ...handle(span), enter: (fn) => context.with(active, fn) };
    },

    record(name, spanOptions, startedAt, error) {
      const parent = parentContext(spanOptions);
      if (!parent) return;
      const span = startSpan(name, spanOptions, parent, new Date(startedAt));
      if (error !== undefined) fail(span, error);
      span.end();
    },

    produce(name, attributes) {
      const span = startSpan(name, { kind: 'producer', attributes }, context.active());
      const carrier: TraceCarrier = {};
      propagation.inject(trace.setSpan(context.active(), span), carrier);
      span.end();
      return carrier;
    },

    async shutdown() {
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}

const NOOP_SPAN: SpanHandle = { setAttributes() {}, fail() {}, end() {} };

function handle(span: Span): SpanHandle {
  return {
    setAttributes: (attributes) => void span.setAttributes(clean(attributes)),
    fail: (error, message) => fail(span, error, message),
    end: () => span.end(),
  };
}

function fail(span: Span, error: unknown, message?: string): void {
  const err = error instanceof Error ? error : new Error(String(error));
  span.recordException(err);
  span.setStatus({ code: SpanStatusCode.ERROR, message: message ?? err.message });
}

/** Drops unset attributes (OpenTelemetry rejects null and undefined values). */
function clean(attributes: Attributes | undefined): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(attributes ?? {}))
    if (value !== null && value !== undefined) out[key] = value;
  return out;
}
