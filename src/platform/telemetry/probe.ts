/**
 * Reachability checks for `guildhall doctor`, without loading either SDK: an empty OTLP export
 * and an empty Sentry envelope. Both are valid requests that record nothing.
 */

export type Probe = { readonly status: 'ok' | 'warn' | 'fail'; readonly detail: string };

/** POSTs an export with no spans to `<endpoint>/v1/traces`, as the exporter would. */
export async function probeCollector(endpoint: string, timeoutMs: number): Promise<Probe> {
  const url = `${endpoint.replace(/\/+$/, '')}/v1/traces`;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ resourceSpans: [] }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body?.cancel();
    return res.ok
      ? { status: 'ok', detail: `OTLP/HTTP collector at ${url} accepts traces` }
      : { status: 'fail', detail: `${url} answered ${res.status}: is it an OTLP/HTTP endpoint?` };
  } catch (error) {
    return { status: 'fail', detail: `${url}: ${reason(error)}` };
  }
}

/** POSTs an envelope with no items to the DSN's ingest endpoint (what the SDK posts to). */
export async function probeSentry(dsn: string, timeoutMs: number): Promise<Probe> {
  const parsed = new URL(dsn);
  const segments = parsed.pathname.split('/').filter(Boolean);
  const project = segments.pop() ?? '';
  const base = `${parsed.protocol}//${parsed.host}${segments.length ? `/${segments.join('/')}` : ''}`;
  const url = `${base}/api/${project}/envelope/?sentry_version=7&sentry_key=${encodeURIComponent(parsed.username)}`;
  const shown = `${parsed.host} (project ${project})`;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-sentry-envelope' },
      body: `${JSON.stringify({ sent_at: new Date().toISOString() })}\n`,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body?.cancel();
    if (res.ok) return { status: 'ok', detail: `Sentry at ${shown} accepts reports` };
    if (res.status === 401 || res.status === 403)
      return { status: 'fail', detail: `Sentry at ${shown} rejected the DSN's key (${res.status})` };
    return { status: 'warn', detail: `Sentry at ${shown} is reachable but answered ${res.status}` };
  } catch (error) {
    return { status: 'fail', detail: `Sentry at ${shown}: ${reason(error)}` };
  }
}

function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === 'TimeoutError') return 'no answer in time';
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
