import assert from 'node:assert/strict';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { probeCollector, probeSentry } from '#platform/telemetry/probe.ts';
import { freePort } from '../../support/cli.ts';
import { otlpReceiver, type Receiver, sentryReceiver } from './receivers.ts';

/** What `guildhall doctor` says about the collector and Sentry. */
describe('telemetry probes (guildhall doctor)', () => {
  let otlp: Receiver<unknown>;
  let sentry: Receiver<unknown>;
  before(async () => {
    otlp = await otlpReceiver();
    sentry = await sentryReceiver();
  });
  after(async () => {
    await otlp.close();
    await sentry.close();
  });

  it('finds a collector that accepts an empty export, and records nothing there', async () => {
    const probe = await probeCollector(`${otlp.url}/`, 2000);
    assert.equal(probe.status, 'ok', probe.detail);
    assert.deepEqual(otlp.paths, ['POST /v1/traces']);
    assert.deepEqual(otlp.received, []);
  });

  it('finds Sentry through the DSN, without the key in its message', async () => {
    const probe = await probeSentry(`${sentry.url.replace('//', '//k3y@')}/7`, 2000);
    assert.equal(probe.status, 'ok', probe.detail);
    assert.match(sentry.paths[0] ?? '', /^POST \/api\/7\/envelope\/\?sentry_version=7&sentry_key=k3y$/);
    assert.ok(!probe.detail.includes('k3y'));
  });

  it('fails on an endpoint nobody listens on, and on a server that is not a collector', async () => {
    const port = await freePort();
    const closed = await probeCollector(`http://127.0.0.1:${port}`, 2000);
    assert.equal(closed.status, 'fail');
    assert.match(closed.detail, /ECONNREFUSED/);
    const sentryDown = await probeSentry(`http://key@127.0.0.1:${port}/1`, 2000);
    assert.equal(sentryDown.status, 'fail');
    // A web server that is not a collector answers 404.
    const server = http
      .createServer((_req, res) => res.writeHead(404).end('not here'))
      .listen(0, '127.0.0.1');
    await once(server, 'listening');
    const wrong = await probeCollector(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 2000);
    server.close();
    assert.equal(wrong.status, 'fail');
    assert.match(wrong.detail, /answered 404/);
  });
});
