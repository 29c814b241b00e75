import * as Sentry from '@sentry/node';
import { type ErrorReporter, tagsOf } from './errors.ts';
import { scrubEvent } from './scrub.ts';

export type SentryOptions = {
  readonly dsn: string;
  readonly release: string;
  readonly component: string;
};

/**
 * The Sentry adapter, imported only when SENTRY_DSN is set. Errors only: no Sentry tracing
 * (traces go to OpenTelemetry), no OpenTelemetry provider of its own, no default integrations
 * (they patch HTTP, console and process handlers, record breadcrumbs and collect request data).
 * Every report passes `scrubEvent`, and every data-collection category is off.
 */
export function createSentryReporter(options: SentryOptions): ErrorReporter {
  Sentry.init({
    dsn: options.dsn,
    release: `guildhall@${options.release}`,
    // Sentry 11 replaced `sendDefaultPii` with per-category switches: collect none of them.
    dataCollection: {
      userInfo: false,
      cookies: false,
      httpHeaders: false,
      httpBodies: [],
      urlQueryParams: false,
      databaseQueryData: false,
      queues: false,
      stackFrameVariables: false,
    },
    defaultIntegrations: false,
    integrations: [Sentry.linkedErrorsIntegration(), Sentry.dedupeIntegration()],
    enableOpenTelemetrySetup: false,
    enableRuntimeChannelInjection: false,
    maxBreadcrumbs: 0,
    initialScope: { tags: { component: options.component } },
    beforeSend: scrubEvent,
  });
  return {
    report(error, scope) {
      Sentry.withScope((s) => {
        s.setTags(tagsOf({ component: options.component, ...scope }));
        Sentry.captureException(error);
      });
    },
    flush: (timeoutMs) => Sentry.flush(timeoutMs),
    close: async (timeoutMs) => void (await Sentry.close(timeoutMs)),
  };
}
