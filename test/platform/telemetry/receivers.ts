import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/** A span as OTLP/JSON encodes it (ids in hex), with its resource's service name. */
export type ReceivedSpan = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  service: string;
  attributes: Record<string, unknown>;
  status?: { code?: number; message?: string };
};

type OtlpValue = {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
};
type OtlpBody = {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: OtlpValue }[] };
    scopeSpans?: {
      spans?: (Omit<ReceivedSpan, 'service' | 'attributes'> & {
        attributes?: { key: string; value: OtlpValue }[];
      })[];
    }[];
  }[];
};

export type Receiver<T> = {
  readonly url: string;
  readonly received: T[];
  /** Raw request bodies, to check that nothing secret was sent. */
  readonly raw: string[];
  readonly paths: string[];
  close(): Promise<void>;
};

async function serve<T>(parse: (body: string) => T[]): Promise<Receiver<T>> {
  const received: T[] = [];
  const raw: string[] = [];
  const paths: string[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body = Buffer.concat(chunks);
    if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
    const text = body.toString('utf8');
    paths.push(`${req.method} ${req.url}`);
    raw.push(text);
    try {
      received.push(...parse(text));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    } catch {
      res.writeHead(400).end();
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    raw,
    paths,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A tiny OTLP/HTTP trace receiver: accepts `POST /v1/traces` with JSON and keeps the spans. */
export function otlpReceiver(): Promise<Receiver<ReceivedSpan>> {
  return serve((text) => {
    const body = JSON.parse(text) as OtlpBody;
    const spans: ReceivedSpan[] = [];
    for (const rs of body.resourceSpans ?? []) {
      const service = String(
        rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? '',
      );
      for (const ss of rs.scopeSpans ?? [])
        for (const s of ss.spans ?? [])
          spans.push({
            ...s,
            service,
            attributes: Object.fromEntries(
              (s.attributes ?? []).map((a) => [
                a.key,
                a.value.stringValue ?? a.value.intValue ?? a.value.boolValue ?? a.value.doubleValue,
              ]),
            ),
          });
    }
    return spans;
  });
}

/** An event as Sentry's envelope endpoint receives it (the `event` items only). */
export type SentryEvent = {
  event_id?: string;
  message?: string;
  tags?: Record<string, string>;
  exception?: { values?: { type?: string; value?: string }[] };
  request?: Record<string, unknown>;
  user?: Record<string, unknown>;
  breadcrumbs?: unknown;
};

/**
 * A stand-in for Sentry's ingest: `POST /api/<project>/envelope/`, newline-delimited JSON (an
 * envelope header, then item header and payload pairs). Keeps every `event` item.
 */
export function sentryReceiver(): Promise<Receiver<SentryEvent>> {
  return serve((text) => {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    const events: SentryEvent[] = [];
    for (let i = 1; i + 1 < lines.length; i += 2) {
      const header = JSON.parse(lines[i] ?? '{}') as { type?: string };
      if (header.type === 'event') events.push(JSON.parse(lines[i + 1] ?? '{}') as SentryEvent);
    }
    return events;
  });
}

/** Polls until `check` returns a value (or fails after `ms`: generous, the machine may be busy). */
export async function eventually<T>(check: () => T | undefined, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
