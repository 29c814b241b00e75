import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '#platform/config/load.ts';

const load = (env: Record<string, string>) => loadConfig(env, { envFile: false });

describe('telemetry configuration', () => {
  it('is off by default, with every trace sampled once on', () => {
    const config = load({});
    assert.equal(config.otlpEndpoint, undefined);
    assert.equal(config.sentryDsn, undefined);
    assert.deepEqual(config.otel, { serviceName: undefined, sampleRatio: 1 });
  });

  it('reads the endpoint, the service name, the ratio and the DSN', () => {
    const config = load({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_SERVICE_NAME: 'guildhall-eu',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
      SENTRY_DSN: 'https://abc123@o1.ingest.sentry.io/4504',
    });
    assert.equal(config.otlpEndpoint, 'http://collector:4318');
    assert.deepEqual(config.otel, { serviceName: 'guildhall-eu', sampleRatio: 0.25 });
    assert.equal(config.sentryDsn, 'https://abc123@o1.ingest.sentry.io/4504');
  });

  it('lists every bad telemetry variable in one error', () => {
    assert.throws(
      () =>
        load({
          OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://collector:4317',
          OTEL_SERVICE_NAME: 'has spaces',
          OTEL_TRACES_SAMPLER_ARG: '1.5',
          SENTRY_DSN: 'https://o1.ingest.sentry.io/4504',
        }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(error.problems.map((p) => p.variable).sort(), [
          'OTEL_EXPORTER_OTLP_ENDPOINT',
          'OTEL_SERVICE_NAME',
          'OTEL_TRACES_SAMPLER_ARG',
          'SENTRY_DSN',
        ]);
        return true;
      },
    );
    for (const ratio of ['-0.1', 'abc', ' ', 'NaN', 'Infinity'])
      assert.throws(() => load({ OTEL_TRACES_SAMPLER_ARG: ratio }), ConfigError, ratio);
    assert.throws(() => load({ SENTRY_DSN: 'https://key@sentry.example/not-a-project' }), ConfigError);
  });
});
