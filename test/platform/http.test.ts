import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Type } from 'typebox';
import { UserError, unauthorized } from '#platform/errors.ts';
import { createHttpServer } from '#platform/http/server.ts';
import type { HttpApp } from '#platform/http/types.ts';
import { createMetrics } from '#platform/telemetry/metrics.ts';
import { quietLog } from '../support/databases.ts';

describe('HTTP platform', () => {
  let app: HttpApp;
  let ready = true;
  const slowStarted = Promise.withResolvers<void>();
  before(async () => {
    app = await createHttpServer({
      log: quietLog,
      metrics: createMetrics('test'),
      bodyLimit: 1024,
      trustProxy: false,
      publicUrl: 'http://127.0.0.1:8080',
      version: '0.0.0-test',
      auth: {
        authenticators: [
          async (request) => {
            const h = request.headers.authorization;
            if (!h) return undefined;
            if (h === 'Bearer good')
              return { userId: '1', via: 'token', scopes: new Set(['x:read']), guildId: undefined };
            throw unauthorized('bad token', 'TOKEN_INVALID');
          },
        ],
      },
      readiness: [
        {
          name: 'flag',
          check: async () => {
            if (!ready) throw new Error('secret internal detail: db at 10.0.0.5');
          },
        },
      ],
    });
    app.get('/api/v1/boom', async () => {
      throw new Error('password=hunter2 in a stack trace');
    });
    app.get('/api/v1/user-error', async () => {
      throw new UserError('THING_BROKEN', 'The thing is broken.', { status: 409 });
    });
    app.get('/api/v1/scoped', { config: { access: { scope: 'x:write' } } }, async () => ({ ok: true }));
    app.get('/api/v1/open', { config: { access: { public: true } } }, async () => ({ ok: true }));
    app.get('/api/v1/slow', { config: { access: { public: true } } }, async () => {
      slowStarted.resolve();
      await new Promise((r) => setTimeout(r, 300));
      return { finished: true };
    });
    app.post(
      '/api/v1/echo',
      { schema: { body: Type.Object({ n: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }) } },
      async (request) => request.body,
    );
    await app.ready();
  });
  after(async () => app?.close());

  it('hides the internals of a 500 and gives a request id to quote', async () => {
    const res = await app.inject({ url: '/api/v1/boom', headers: { authorization: 'Bearer good' } });
    assert.equal(res.statusCode, 500);
    assert.doesNotMatch(res.body, /hunter2|stack|Error:/);
    assert.equal(res.json().code, 'INTERNAL');
    assert.equal(res.json().requestId, res.headers['x-request-id']);
  });

  it('shows a user error as it is', async () => {
    const res = await app.inject({ url: '/api/v1/user-error', headers: { authorization: 'Bearer good' } });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().detail, 'The thing is broken.');
    assert.equal(res.json().type, 'urn:guildhall:problem:thing-broken');
  });

  it('keeps a caller-supplied request id and replaces a hostile one', async () => {
    const kept = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'trace-abc.123' } });
    assert.equal(kept.headers['x-request-id'], 'trace-abc.123');
    const replaced = await app.inject({ url: '/healthz', headers: { 'x-request-id': '<script>' } });
    assert.match(String(replaced.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  });

  it('checks scopes and leaves public routes open', async () => {
    const res = await app.inject({ url: '/api/v1/scoped', headers: { authorization: 'Bearer good' } });
    assert.equal(res.json().code, 'INSUFFICIENT_SCOPE');
    assert.equal((await app.inject({ url: '/api/v1/open' })).statusCode, 200);
  });

  it('validates numbers strictly in bodies', async () => {
    const headers = { authorization: 'Bearer good', 'content-type': 'application/json' };
    const res = await app.inject({ method: 'POST', url: '/api/v1/echo', headers, payload: '{"n":"5"}' });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json().errors, [
      { pointer: '/body/n', detail: 'must be an integer', code: 'validation.type' },
    ]);
    const low = await app.inject({ method: 'POST', url: '/api/v1/echo', headers, payload: '{"n":0}' });
    assert.equal(low.json().errors[0].pointer, '/body/n');
  });

  it('blocks an address after repeated authentication failures, and says when to retry', async () => {
    const remoteAddress = '10.9.8.7';
    let last = await app.inject({ url: '/api/v1/open' });
    for (let i = 0; i < 12; i++) {
      last = await app.inject({
        url: '/api/v1/scoped',
        remoteAddress,
        headers: { authorization: 'Bearer wrong' },
      });
    }
    assert.equal(last.statusCode, 429);
    assert.equal(last.json().code, 'AUTH_RATE_LIMITED');
    assert.ok(Number(last.headers['retry-after']) > 0);
    // Even a valid token is refused from that address while it is blocked.
    const blocked = await app.inject({ url: '/api/v1/open', remoteAddress });
    assert.equal(blocked.statusCode, 200, 'public routes stay open');
    const good = await app.inject({
      url: '/api/v1/scoped',
      remoteAddress,
      headers: { authorization: 'Bearer good' },
    });
    assert.equal(good.statusCode, 429);
    // Other addresses are unaffected.
    const other = await app.inject({
      url: '/api/v1/user-error',
      remoteAddress: '10.9.8.8',
      headers: { authorization: 'Bearer good' },
    });
    assert.equal(other.statusCode, 409);
  });

  it('reports readiness without leaking why a check failed', async () => {
    assert.equal((await app.inject({ url: '/readyz' })).statusCode, 200);
    ready = false;
    const res = await app.inject({ url: '/readyz' });
    ready = true;
    assert.equal(res.statusCode, 503);
    assert.equal(res.json().code, 'NOT_READY');
    assert.doesNotMatch(res.body, /10\.0\.0\.5|secret/);
  });

  it('serves an OpenAPI 3.1 document, its reference and Prometheus metrics', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json();
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/api/v1/echo'].post);
    assert.deepEqual(doc.paths['/api/v1/echo'].post.security, [{ bearerAuth: [] }, { sessionCookie: [] }]);
    assert.equal(doc.paths['/api/v1/open'].get.security, undefined);
    const docs = await app.inject({ url: '/docs/' });
    assert.equal(docs.statusCode, 200);
    assert.match(docs.body, /swagger/i);
    const metrics = await app.inject({ url: '/metrics' });
    assert.match(
      metrics.body,
      /guildhall_http_request_duration_seconds_count\{[^}]*route="\/api\/v1\/boom"[^}]*status="500"/,
    );
    assert.match(metrics.body, /guildhall_process_resident_memory_bytes/);
  });

  it('drains in-flight requests on shutdown', async () => {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const inFlight = fetch(`http://127.0.0.1:${port}/api/v1/slow`);
    // Close only once the request is being handled: on a loaded machine 50 ms may not be enough
    // for it to arrive, and a request arriving after close() rightly gets a 503.
    await slowStarted.promise;
    const closing = app.close();
    const res = await inFlight;
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { finished: true });
    await closing;
    await assert.rejects(fetch(`http://127.0.0.1:${port}/healthz`));
  });
});
