import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Type } from 'typebox';
import { buildApi } from '#components/api.ts';
import { compose, type Runtime } from '#components/runtime.ts';
import type { Stoppable } from '#platform/bus/bus.ts';
import { defineEvent } from '#platform/bus/events.ts';
import { defineConsumer } from '#platform/bus/subscription.ts';
import { loadConfig } from '#platform/config/load.ts';
import type { HttpApp } from '#platform/http/types.ts';
import type { Module } from '#platform/module.ts';
import { errorReporter } from '#platform/telemetry/errors.ts';
import { tracer } from '#platform/telemetry/tracing.ts';
import { pgliteFactory, quietLog, type TestDatabase } from '../../support/databases.ts';
import {
  eventually,
  otlpReceiver,
  type ReceivedSpan,
  type Receiver,
  type SentryEvent,
  sentryReceiver,
} from './receivers.ts';

const Pinged = defineEvent({
  domain: 'telemetry_test',
  name: 'PINGED',
  version: 1,
  payload: Type.Object({ n: Type.Integer(), fail: Type.Boolean(), text: Type.Optional(Type.String()) }),
});

const Counted = defineEvent({
  domain: 'telemetry_test',
  name: 'COUNTED',
  version: 1,
  payload: Type.Object({ i: Type.Integer() }),
});

const GUILD = '111111111111111111';
const API_TOKEN = 'gh_live_0123456789abcdefghijklmnop';
const SESSION = 'session-cookie-value-that-must-not-leave';
const CONTENT = 'a private message body nobody else may read';

/**
 * The whole path with real SDKs against stand-in collectors: an API request publishes an
 * event, the relay moves it, a consumer handles it; spans reach an OTLP/HTTP receiver and
 * failures reach a Sentry envelope endpoint, both tiny node:http servers in this process.
 */
describe('telemetry: OpenTelemetry traces and Sentry reports', () => {
  let otlp: Receiver<ReceivedSpan>;
  let sentry: Receiver<SentryEvent>;
  let database: TestDatabase;
  let runtime: Runtime;
  let app: HttpApp;
  let parts: Stoppable[] = [];
  const handled: { n: number; traceparent: string | undefined }[] = [];
  const counted: number[] = [];

  before(async () => {
    // The SDK's own setting (read from the environment): export batches every 100 ms, not 5 s.
    process.env.OTEL_BSP_SCHEDULE_DELAY = '100';
    otlp = await otlpReceiver();
    sentry = await sentryReceiver();
    database = await pgliteFactory.create();
    const config = loadConfig(
      {
        GUILDHALL_DATA_DIR: database.dataDir ?? '/tmp/guildhall-unused',
        OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
        SENTRY_DSN: `${sentry.url.replace('//', '//publickey@')}/42`,
      },
      { envFile: false },
    );
    let rt: Runtime | undefined;
    const module: Module = {
      name: 'telemetry_test',
      events: [Pinged, Counted],
      consumers: [
        defineConsumer(
          'worker.telemetry_test.record',
          Pinged,
          async (event) => {
            if (event.payload.fail) throw new Error('handler failed');
            handled.push({ n: event.payload.n, traceparent: event.traceparent });
          },
          { maxAttempts: 1, batchSize: 1 },
        ),
        // Takes its messages in batches: the bus handles a batch together when it can.
        defineConsumer(
          'worker.telemetry_test.count',
          Counted,
          async (event) => {
            counted.push(event.payload.i);
          },
          { batchSize: 16 },
        ),
      ],
      routes(scope) {
        scope.post(
          '/telemetry-test/:guildId/ping',
          {
            schema: {
              params: Type.Object({ guildId: Type.String() }),
              body: Type.Object({
                n: Type.Integer(),
                fail: Type.Boolean(),
                text: Type.Optional(Type.String()),
              }),
            },
            config: { access: { public: true } },
          },
          async (request) => {
            const body = request.body as { n: number; fail: boolean; text?: string };
            await rt?.db.withSystem(
              (tx) => rt?.bus.publish(tx, Pinged.of(body, { guildId: null })) as Promise<void>,
            );
            return { ok: true };
          },
        );
        scope.post(
          '/telemetry-test/:guildId/count',
          {
            schema: { params: Type.Object({ guildId: Type.String() }) },
            config: { access: { public: true } },
          },
          async () => {
            await rt?.db.withSystem(
              (tx) =>
                rt?.bus.publish(
                  tx,
                  ...[1, 2, 3].map((i) => Counted.of({ i }, { guildId: null })),
                ) as Promise<void>,
            );
            return { ok: true };
          },
        );
        scope.get(
          '/telemetry-test/:guildId/boom',
          {
            schema: { params: Type.Object({ guildId: Type.String() }) },
            config: { access: { public: true } },
          },
          async () => {
            throw new Error(`database said no; request carried ${API_TOKEN} and Bot ${'x'.repeat(30)}`);
          },
        );
      },
    };
    runtime = await compose(config, 'test', {
      db: database.db,
      log: quietLog,
      extraModules: [module],
      bus: { pollIntervalMs: 50 },
    });
    rt = runtime;
    app = await buildApi(runtime);
    await app.ready();
    parts = [await runtime.bus.startRelay(), await runtime.bus.startConsumers()];
  });

  after(async () => {
    for (const part of parts) await part.stop();
    await app?.close();
    await runtime?.close();
    await database?.dispose();
    await otlp?.close();
    await sentry?.close();
  });

  it('connects the API request, the published event and its consumer in one trace', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/telemetry-test/${GUILD}/ping`,
      payload: { n: 1, fail: false },
    });
    assert.equal(res.statusCode, 200, res.body);
    const delivered = await eventually(() => handled.find((h) => h.n === 1));
    assert.match(delivered.traceparent ?? '', /^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);

    const spans = await eventually(() => {
      const consume = otlp.received.find((s) => s.name === 'consume telemetry_test.pinged');
      return consume ? otlp.received : undefined;
    });
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const server = spans.find((s) => s.name === 'POST /telemetry-test/:guildId/ping');
    const publish = spans.find((s) => s.name === 'publish telemetry_test.pinged');
    const consume = spans.find((s) => s.name === 'consume telemetry_test.pinged');
    assert.ok(server && publish && consume, spans.map((s) => s.name).join(', '));
    assert.equal(server.kind, 2, 'server span');
    assert.equal(publish.kind, 4, 'producer span');
    assert.equal(consume.kind, 5, 'consumer span');
    assert.equal(server.service, 'guildhall-test');
    assert.equal(server.attributes['http.response.status_code'], 200);
    // The consumer continues the producer's span, carried in the envelope.
    assert.equal(consume.parentSpanId, publish.spanId);
    assert.equal(delivered.traceparent?.split('-')[2], publish.spanId);
    // The producer sits under the request (through the database transaction's span).
    const ancestors = (span: ReceivedSpan) => {
      const chain: string[] = [];
      for (let p = byId.get(span.parentSpanId ?? ''); p; p = byId.get(p.parentSpanId ?? ''))
        chain.push(p.name);
      return chain;
    };
    assert.deepEqual(ancestors(publish), ['db transaction (system)', 'POST /telemetry-test/:guildId/ping']);
    assert.equal(new Set([server.traceId, publish.traceId, consume.traceId]).size, 1);
    assert.notEqual(consume.status?.code, 2, 'the handler succeeded');
    assert.equal(consume.attributes['messaging.consumer.group.name'], 'worker.telemetry_test.record');
    assert.ok(
      spans.some((s) => s.name === 'bus relay' && Number(s.attributes['messaging.batch.message_count']) >= 1),
      'the relay batch that moved the event is recorded',
    );
    assert.ok(
      otlp.paths.every((p) => p === 'POST /v1/traces'),
      otlp.paths.join(', '),
    );
  });

  it('leaves health probes and metric scrapes untraced', async () => {
    for (const url of ['/healthz', '/readyz', '/metrics'])
      assert.equal((await app.inject({ method: 'GET', url })).statusCode, 200, url);
    const res = await app.inject({
      method: 'POST',
      url: `/telemetry-test/${GUILD}/ping`,
      payload: { n: 4, fail: false },
    });
    assert.equal(res.statusCode, 200);
    // Spans are exported in the order they end: once this later consumer span arrived, the
    // probes' spans would have too.
    await eventually(() => {
      const consumed = otlp.received.filter((s) => s.name === 'consume telemetry_test.pinged');
      return consumed.length >= 2 ? consumed : undefined;
    });
    assert.deepEqual(
      otlp.received.filter((s) => /healthz|readyz|metrics/.test(s.name)).map((s) => s.name),
      [],
    );
  });

  it('gives each message of a batch its own consumer span under its own publish span', async () => {
    const res = await app.inject({ method: 'POST', url: `/telemetry-test/${GUILD}/count` });
    assert.equal(res.statusCode, 200, res.body);
    await eventually(() => (counted.length >= 3 ? counted : undefined));
    const consumed = await eventually(() => {
      const spans = otlp.received.filter((s) => s.name === 'consume telemetry_test.counted');
      return spans.length >= 3 ? spans : undefined;
    });
    const published = otlp.received.filter((s) => s.name === 'publish telemetry_test.counted');
    assert.equal(published.length, 3);
    assert.deepEqual(
      consumed.map((c) => c.parentSpanId).sort(),
      published.map((p) => p.spanId).sort(),
      'one consumer span per publish span',
    );
    const server = otlp.received.find((s) => s.name === 'POST /telemetry-test/:guildId/count');
    assert.ok(server);
    assert.ok(consumed.every((c) => c.traceId === server.traceId));
  });

  it('continues a trace begun upstream (a traceparent header)', async () => {
    const traceId = 'a'.repeat(32);
    const res = await app.inject({
      method: 'POST',
      url: `/telemetry-test/${GUILD}/ping`,
      headers: { traceparent: `00-${traceId}-${'b'.repeat(16)}-01` },
      payload: { n: 2, fail: false },
    });
    assert.equal(res.statusCode, 200);
    const consume = await eventually(() =>
      otlp.received.find((s) => s.name === 'consume telemetry_test.pinged' && s.traceId === traceId),
    );
    assert.ok(consume);
    const server = otlp.received.find((s) => s.traceId === traceId && s.kind === 2);
    assert.equal(server?.parentSpanId, 'b'.repeat(16));
  });

  it('reports a 5xx to Sentry with its scope, without secrets, cookies or headers', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/telemetry-test/${GUILD}/boom?code=oauth-code-secret`,
      headers: {
        authorization: `Bearer ${API_TOKEN}`,
        cookie: `guildhall_session=${SESSION}`,
        'x-request-id': 'req-telemetry-1',
      },
    });
    assert.equal(res.statusCode, 500);
    assert.ok(!res.body.includes('database said no'), '5xx hides internals');
    const event = await eventually(() =>
      sentry.received.find((e) => e.tags?.requestId === 'req-telemetry-1'),
    );
    assert.equal(event.tags?.component, 'test');
    assert.equal(event.tags?.guildId, GUILD);
    assert.equal(event.tags?.route, 'GET /telemetry-test/:guildId/boom');
    const value = event.exception?.values?.[0]?.value ?? '';
    assert.match(value, /database said no/);
    assert.match(value, /gh_\[redacted\]/);
    assert.match(value, /Bot \[redacted\]/);
    const raw = sentry.raw.join('\n');
    for (const secret of [API_TOKEN, SESSION, 'oauth-code-secret', 'x'.repeat(30)])
      assert.ok(!raw.includes(secret), `the report must not contain ${secret}`);
    assert.ok(!/authorization|"cookies"/i.test(raw), 'no headers or cookies in the report');
    assert.ok(
      sentry.paths.every((p) => p.startsWith('POST /api/42/envelope/?')),
      sentry.paths.join(', '),
    );
  });

  it('reports a consumer failure with consumer and message id, without the message contents', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/telemetry-test/${GUILD}/ping`,
      payload: { n: 3, fail: true, text: CONTENT },
    });
    assert.equal(res.statusCode, 200);
    const event = await eventually(() =>
      sentry.received.find((e) => e.tags?.consumer === 'worker.telemetry_test.record'),
    );
    assert.match(event.tags?.messageId ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(event.tags?.code, 'HANDLER_FAILED');
    assert.equal(event.tags?.component, 'test');
    assert.match(event.exception?.values?.[0]?.value ?? '', /handler failed/);
    // Neither the event's payload nor the envelope travels with the report.
    const raw = sentry.raw.join('\n');
    assert.ok(!raw.includes(CONTENT), 'the report must not contain the message contents');
    assert.ok(!raw.includes('"payload"'), 'no envelope in the report');
    const failed = await eventually(() =>
      otlp.received.find((s) => s.name === 'consume telemetry_test.pinged' && s.status?.code === 2),
    );
    assert.equal(failed.status?.code, 2, 'the consumer span is marked failed');
  });

  it('installs both hooks while the composition runs', () => {
    assert.ok(tracer());
    assert.ok(errorReporter());
  });
});
