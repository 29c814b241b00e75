import type { Config } from '../config/load.ts';
import type { Logger } from '../log/logger.ts';
import { setErrorReporter } from './errors.ts';
import { setTracer } from './tracing.ts';

export type Telemetry = {
  readonly tracing: boolean;
  readonly errors: boolean;
  /** Sends what is still buffered (spans, reports) and turns the hooks off. */
  close(): Promise<void>;
};

const OFF: Telemetry = { tracing: false, errors: false, close: async () => {} };

/** One process starts telemetry once; later compositions (tests) share it. */
let running: { telemetry: Telemetry; users: number } | undefined;

/**
 * Turns on tracing (OTEL_EXPORTER_OTLP_ENDPOINT) and error reporting (SENTRY_DSN). Their SDKs
 * are imported here and only here, when configured: the embedded default loads neither.
 */
export async function startTelemetry(
  config: Config,
  component: string,
  log: Logger,
  version: string,
): Promise<Telemetry> {
  if (!config.otlpEndpoint && !config.sentryDsn) return OFF;
  if (running) {
    running.users += 1;
    return shared(running);
  }
  let tracing = false;
  let errors = false;
  const closers: (() => Promise<void>)[] = [];
  if (config.otlpEndpoint) {
    const { createOtelTracer } = await import('./otel.ts');
    const tracer = createOtelTracer({
      endpoint: config.otlpEndpoint,
      serviceName: config.otel.serviceName ?? `guildhall-${component}`,
      serviceVersion: version,
      component,
      sampleRatio: config.otel.sampleRatio,
    });
    setTracer(tracer);
    tracing = true;
    closers.push(async () => {
      setTracer(undefined);
      await tracer.shutdown();
    });
  }
  if (config.sentryDsn) {
    const { createSentryReporter } = await import('./sentry.ts');
    const reporter = createSentryReporter({ dsn: config.sentryDsn, release: version, component });
    setErrorReporter(reporter);
    errors = true;
    closers.push(async () => {
      setErrorReporter(undefined);
      await reporter.close(5000);
    });
  }
  log.info(
    {
      tracing: tracing ? new URL(config.otlpEndpoint ?? '').origin : false,
      errorReporting: errors ? new URL(config.sentryDsn ?? '').host : false,
    },
    'telemetry on',
  );
  const telemetry: Telemetry = {
    tracing,
    errors,
    async close() {
      for (const close of closers)
        await close().catch((err) => log.warn({ err }, 'telemetry did not shut down cleanly'));
    },
  };
  running = { telemetry, users: 1 };
  return shared(running);
}

function shared(state: { telemetry: Telemetry; users: number }): Telemetry {
  let closed = false;
  return {
    tracing: state.telemetry.tracing,
    errors: state.telemetry.errors,
    async close() {
      if (closed) return;
      closed = true;
      state.users -= 1;
      if (state.users > 0) return;
      if (running === state) running = undefined;
      await state.telemetry.close();
    },
  };
}
