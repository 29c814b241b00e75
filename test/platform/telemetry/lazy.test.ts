import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { carrierOf } from '#platform/telemetry/tracing.ts';

const run = promisify(execFile);

/**
 * Composes a runtime in a child process and lists which modules it loaded: with neither
 * OTEL_EXPORTER_OTLP_ENDPOINT nor SENTRY_DSN set, no OpenTelemetry SDK or Sentry code is loaded.
 * (`@opentelemetry/api` alone is always loaded, by prom-client, for exemplars; it was before
 * telemetry existed and is not counted.)
 */
const SCRIPT = `
import { registerHooks } from 'node:module';
const loaded = [];
registerHooks({
  resolve(specifier, context, next) {
    const result = next(specifier, context);
    if (/@opentelemetry\\/(?!api\\/)|@sentry/.test(result.url)) loaded.push(result.url);
    return result;
  },
});
const { loadConfig } = await import('#platform/config/load.ts');
const { compose } = await import('#components/runtime.ts');
const { buildApi } = await import('#components/api.ts');
const { pgliteFactory, quietLog } = await import('#test/support/databases.ts');
const database = await pgliteFactory.create();
const config = loadConfig({ GUILDHALL_DATA_DIR: database.dataDir, ...JSON.parse(process.argv[1]) }, { envFile: false });
const runtime = await compose(config, 'test', { db: database.db, log: quietLog });
const app = await buildApi(runtime);
await app.inject('/healthz');
await app.close();
await runtime.close();
await database.dispose();
process.stdout.write(JSON.stringify(loaded));
`;

async function loadedWith(env: Record<string, string>): Promise<string[]> {
  const { stdout } = await run(
    process.execPath,
    ['--liftoff-only', '--input-type=module', '-e', SCRIPT, JSON.stringify(env)],
    { cwd: new URL('../../../', import.meta.url).pathname, timeout: 120_000 },
  );
  return JSON.parse(stdout) as string[];
}

describe('telemetry is loaded only when configured', () => {
  it('loads no OpenTelemetry SDK or Sentry module by default', async () => {
    assert.deepEqual(await loadedWith({}), []);
  });

  it('loads OpenTelemetry, and not Sentry, when only an OTLP endpoint is set', async () => {
    const loaded = await loadedWith({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' });
    assert.ok(loaded.some((u) => u.includes('@opentelemetry/sdk-trace')));
    assert.ok(!loaded.some((u) => u.includes('@sentry')));
  });
});

describe('trace context in event envelopes', () => {
  it('accepts a valid traceparent and ignores malformed ones', () => {
    const traceparent = `00-${'1'.repeat(32)}-${'2'.repeat(16)}-01`;
    assert.deepEqual(carrierOf({ traceparent, tracestate: 'a=b' }), { traceparent, tracestate: 'a=b' });
    assert.deepEqual(carrierOf({ traceparent }), { traceparent });
    for (const bad of [
      undefined,
      42,
      '',
      'garbage',
      `00-${'0'.repeat(32)}-${'2'.repeat(16)}-01`,
      `00-${'1'.repeat(32)}-${'0'.repeat(16)}-01`,
      `00-${'G'.repeat(32)}-${'2'.repeat(16)}-01`,
    ])
      assert.equal(carrierOf({ traceparent: bad }), undefined, String(bad));
    assert.equal(carrierOf('not an object'), undefined);
    assert.equal(carrierOf(null), undefined);
  });
});
