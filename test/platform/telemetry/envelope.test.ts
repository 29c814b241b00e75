import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Type } from 'typebox';
import { defineEvent, envelopeOf } from '#platform/bus/events.ts';
import { decode } from '#platform/bus/handling.ts';
import { defineConsumer } from '#platform/bus/subscription.ts';

const Happened = defineEvent({
  domain: 'envelope_test',
  name: 'HAPPENED',
  version: 1,
  payload: Type.Object({ n: Type.Integer() }),
});
const sub = defineConsumer('worker.envelope_test.read', Happened, async () => {});

describe('trace context fields of the event envelope', () => {
  it('are absent while tracing is off, and such an envelope is valid', () => {
    const envelope = envelopeOf(Happened.of({ n: 1 }, { guildId: '123456789012345678' }));
    assert.equal('traceparent' in envelope, false);
    assert.equal('tracestate' in envelope, false);
    const decoded = decode(sub, JSON.parse(JSON.stringify(envelope)));
    assert.equal(decoded.ok, true);
  });

  it('are accepted when present, valid or not (a bad value only loses the trace)', () => {
    const base = JSON.parse(JSON.stringify(envelopeOf(Happened.of({ n: 2 }))));
    for (const extra of [
      { traceparent: `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`, tracestate: 'vendor=x' },
      { traceparent: `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01` },
      { traceparent: 'not-a-traceparent' },
    ]) {
      const decoded = decode(sub, { ...base, ...extra });
      assert.equal(decoded.ok, true, JSON.stringify(extra));
    }
  });

  it('must be strings when present; anything else is not an envelope', () => {
    const base = JSON.parse(JSON.stringify(envelopeOf(Happened.of({ n: 3 }))));
    for (const extra of [{ traceparent: 42 }, { tracestate: { a: 1 } }, { traceparent: 'x'.repeat(513) }]) {
      const decoded = decode(sub, { ...base, ...extra });
      assert.equal(decoded.ok, false, JSON.stringify(extra).slice(0, 60));
      if (!decoded.ok) assert.equal(decoded.failure.code, 'ENVELOPE_INVALID');
    }
  });
});
