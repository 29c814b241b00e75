import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { traceDispatch, traceRelay } from '#platform/telemetry/hooks.ts';
import { type SpanOptions, setTracer, type Tracer } from '#platform/telemetry/tracing.ts';

type Recorded = { name: string; options: SpanOptions; error: unknown };

/** A tracer that only remembers what `record` was asked to record. */
function recordingTracer(recorded: Recorded[]): Tracer {
  const noop = { setAttributes() {}, fail() {}, end() {} };
  return {
    span: (_name, _options, fn) => fn(noop),
    start: () => ({ ...noop, enter: (fn) => fn() }),
    record: (name, options, _startedAt, error) => void recorded.push({ name, options, error }),
    produce: () => ({}),
    shutdown: async () => {},
  };
}

describe('polling hooks record only batches that did something', () => {
  afterEach(() => setTracer(undefined));

  it('pass results through untouched with tracing off', async () => {
    assert.deepEqual(await traceRelay(async () => ({ moved: 3 })), { moved: 3 });
    assert.deepEqual(await traceDispatch(async () => ({ claimed: [1, 2] })), { claimed: [1, 2] });
  });

  it('record relay batches that moved rows, and failures, but not empty polls', async () => {
    const recorded: Recorded[] = [];
    setTracer(recordingTracer(recorded));
    await traceRelay(async () => ({ moved: 0 }));
    await traceRelay(async () => ({ moved: 7 }));
    await assert.rejects(
      traceRelay(async () => {
        throw new Error('broker away');
      }),
      /broker away/,
    );
    assert.deepEqual(
      recorded.map((r) => [
        r.name,
        r.options.attributes?.['messaging.batch.message_count'],
        (r.error as Error)?.message,
      ]),
      [
        ['bus relay', 7, undefined],
        ['bus relay', undefined, 'broker away'],
      ],
    );
  });

  it('record scheduler batches that claimed jobs, but not empty polls', async () => {
    const recorded: Recorded[] = [];
    setTracer(recordingTracer(recorded));
    await traceDispatch(async () => ({ claimed: [], next: undefined }));
    await traceDispatch(async () => ({ claimed: ['a', 'b'], next: undefined }));
    const result = await traceDispatch(async () => ({ claimed: ['c'], next: { ms: 5 } }));
    assert.deepEqual(result, { claimed: ['c'], next: { ms: 5 } });
    assert.deepEqual(
      recorded.map((r) => r.options.attributes?.['guildhall.jobs.claimed']),
      [2, 1],
    );
  });
});
