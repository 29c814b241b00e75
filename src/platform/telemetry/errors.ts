/**
 * Error reporting hooks. Like tracing.ts this imports no SDK: Sentry is loaded by
 * `startTelemetry` only when SENTRY_DSN is set, and `reportError` does nothing otherwise.
 */

/** Where an error happened: sent as Sentry tags, so reports can be filtered by any of them. */
export type ErrorScope = {
  readonly component?: string | undefined;
  readonly guildId?: string | null | undefined;
  readonly requestId?: string | undefined;
  readonly route?: string | undefined;
  readonly jobId?: string | undefined;
  readonly messageId?: string | undefined;
  readonly consumer?: string | undefined;
  /** The stable error code, when the error has one. */
  readonly code?: string | undefined;
};

export type ErrorReporter = {
  report(error: unknown, scope: ErrorScope): void;
  /** Waits until queued reports are sent (or `timeoutMs` passes). */
  flush(timeoutMs: number): Promise<boolean>;
  close(timeoutMs: number): Promise<void>;
};

let active: ErrorReporter | undefined;

export function errorReporter(): ErrorReporter | undefined {
  return active;
}

export function setErrorReporter(next: ErrorReporter | undefined): void {
  active = next;
}

/** Reports an error with its scope when error reporting is configured. Never throws. */
export function reportError(error: unknown, scope: ErrorScope): void {
  try {
    active?.report(error, scope);
  } catch {
    // Reporting is best effort: a broken reporter must not turn into a second failure.
  }
}

/** Sentry tag values: strings up to 200 characters; unset fields are left out. */
export function tagsOf(scope: ErrorScope): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(scope))
    if (value !== undefined && value !== null && value !== '') tags[key] = String(value).slice(0, 200);
  return tags;
}
