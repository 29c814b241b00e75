import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { RESERVED_PATHS } from '#platform/http/reserved-paths.ts';
import { createHttpServer } from '#platform/http/server.ts';
import type { HttpApp } from '#platform/http/types.ts';
import { createMetrics } from '#platform/telemetry/metrics.ts';
import { quietLog } from '../support/databases.ts';

const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

function server(dashboardDir: string): Promise<HttpApp> {
  return createHttpServer({
    log: quietLog,
    metrics: createMetrics('test'),
    bodyLimit: 1024,
    trustProxy: false,
    publicUrl: 'http://127.0.0.1:8080',
    version: '0.0.0-test',
    auth: { authenticators: [] },
    readiness: [],
    dashboardDir,
  });
}

/** A stand-in for `web/dist`: what Vite writes, in miniature. */
function fakeBuild(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'guildhall-dist-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Guildhall</title><div id="root"></div>');
  writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(path.join(dir, '.build-inputs.json'), '{"inputs":{}}');
  return dir;
}

describe('serving the dashboard', () => {
  const dirs: string[] = [];
  after(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('serves the app at / and for any page a browser asks for, with a strict policy', async () => {
    const dir = fakeBuild();
    dirs.push(dir);
    const app = await server(dir);
    for (const url of ['/', '/guilds/900000000000000001/settings', '/sandbox?actAs=1', '/sign-in']) {
      const res = await app.inject({ method: 'GET', url, headers: HTML });
      assert.equal(res.statusCode, 200, url);
      assert.match(res.body, /<div id="root">/);
      assert.match(String(res.headers['content-security-policy']), /script-src 'self'/);
      assert.equal(res.headers['cache-control'], 'no-cache', 'a new build is picked up at once');
    }
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    assert.equal(asset.statusCode, 200);
    assert.match(String(asset.headers['cache-control']), /immutable/);
    await app.close();
  });

  it('never shadows the API, the docs or the operational endpoints, nor answers scripts with a page', async () => {
    const dir = fakeBuild();
    dirs.push(dir);
    const app = await server(dir);
    for (const prefix of RESERVED_PATHS) {
      const res = await app.inject({ method: 'GET', url: `${prefix}/no-such-thing`, headers: HTML });
      assert.equal(res.statusCode, 404, prefix);
      assert.match(String(res.headers['content-type']), /problem\+json/, prefix);
    }
    assert.equal((await app.inject({ method: 'GET', url: '/healthz', headers: HTML })).statusCode, 200);
    assert.match((await app.inject({ method: 'GET', url: '/openapi.json' })).body, /"openapi":"3\.1\.0"/);
    // Not a page: a missing asset, a JSON client, a write.
    assert.equal((await app.inject({ method: 'GET', url: '/assets/gone.js' })).statusCode, 404);
    assert.equal(
      (await app.inject({ method: 'GET', url: '/guilds/1', headers: { accept: 'application/json' } }))
        .statusCode,
      404,
    );
    assert.equal((await app.inject({ method: 'POST', url: '/guilds/1', headers: HTML })).statusCode, 404);
    assert.equal((await app.inject({ method: 'GET', url: '/.build-inputs.json' })).statusCode, 404);
    await app.close();
  });

  it('explains how to build the dashboard when there is no build', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'guildhall-nodist-'));
    dirs.push(dir);
    const app = await server(path.join(dir, 'missing'));
    const res = await app.inject({ method: 'GET', url: '/', headers: HTML });
    assert.equal(res.statusCode, 503);
    assert.match(res.body, /npm run build:web/);
    assert.equal(
      (await app.inject({ method: 'GET', url: '/healthz' })).statusCode,
      200,
      'the API works without it',
    );
    await app.close();
  });
});
