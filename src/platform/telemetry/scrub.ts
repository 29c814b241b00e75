import type { ErrorEvent } from '@sentry/node';

/**
 * What leaves the process in an error report. Reports are built by us (error, stack, scope
 * tags), never from request bodies; still, every report passes through `scrubEvent` before it
 * is sent, because an error message or a library's context can quote a secret.
 */

/** Keys whose values are never sent, wherever they appear in a report. */
const SECRET_KEY =
  /authorization|cookie|token|secret|password|passwd|api[-_]?key|session|dsn|signature|^content$|^body$|^data$/i;

/** Secrets and user content recognisable inside free text. */
const PATTERNS: readonly [RegExp, string][] = [
  // Guildhall API tokens.
  [/\bgh_[A-Za-z0-9_-]{8,}/g, 'gh_[redacted]'],
  // Authorization header values quoted in messages.
  [/\b(Bearer|Bot|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, '$1 [redacted]'],
  // Discord bot tokens: base64 user id . timestamp . HMAC.
  [/\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,40}\b/g, '[redacted token]'],
  // Credentials in URLs (database, broker, DSN).
  [/\/\/([^:/@\s]+):([^@\s]+)@/g, '//$1:***@'],
  // Secrets in query strings (OAuth2 codes and states, tokens).
  [/([?&](?:code|state|token|access_token|refresh_token|client_secret)=)[^&#\s]+/gi, '$1[redacted]'],
];

export function scrubText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/**
 * A copy of `value` with secret-looking keys removed and every string scrubbed. Depth-limited:
 * a report is small, and a cycle or a huge object must not stall the process.
 */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (SECRET_KEY.test(key)) continue;
    out[key] = scrubValue(v, depth + 1);
  }
  return out;
}

/** Sentry's `beforeSend`: strips what could identify a person or carry a secret. */
export function scrubEvent(event: ErrorEvent): ErrorEvent {
  if (event.message) event.message = scrubText(event.message);
  if (event.request) {
    // The method and route are useful; headers, cookies, bodies and query strings are not sent.
    const { method, url } = event.request;
    event.request = {
      ...(typeof method === 'string' ? { method } : {}),
      ...(typeof url === 'string' ? { url: scrubText(url.split('?')[0] ?? '') } : {}),
    };
  }
  // Only an opaque id may identify a user; no IP address, name or e-mail.
  if (event.user) event.user = typeof event.user.id === 'string' ? { id: event.user.id } : {};
  for (const exception of event.exception?.values ?? []) {
    if (exception.value) exception.value = scrubText(exception.value);
    for (const frame of exception.stacktrace?.frames ?? []) delete frame.vars;
  }
  delete event.breadcrumbs;
  if (event.extra) event.extra = scrubValue(event.extra) as ErrorEvent['extra'] & object;
  if (event.contexts) event.contexts = scrubValue(event.contexts) as ErrorEvent['contexts'] & object;
  if (event.tags) event.tags = scrubValue(event.tags) as ErrorEvent['tags'] & object;
  return event;
}
