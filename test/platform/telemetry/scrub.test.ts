import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ErrorEvent } from '@sentry/node';
import { discordRoute } from '#platform/telemetry/hooks.ts';
import { scrubEvent, scrubText } from '#platform/telemetry/scrub.ts';

describe('what leaves the process', () => {
  it('scrubs tokens, credentials and OAuth2 codes out of text', () => {
    const bot = `${'M'.repeat(24)}.${'G'.repeat(6)}.${'h'.repeat(38)}`;
    const text = scrubText(
      `token gh_abcdefgh1234 bot ${bot} header Bearer abc.def-ghi_123 url postgres://app:hunter2@db:5432/x cb /callback?code=xyz&state=s1`,
    );
    for (const secret of ['gh_abcdefgh1234', bot, 'abc.def-ghi_123', 'hunter2', 'xyz', 's1'])
      assert.ok(!text.includes(secret), `${secret} in ${text}`);
    assert.match(text, /postgres:\/\/app:\*\*\*@db/);
  });

  it('keeps only method and path of a request, an opaque user id, no breadcrumbs or frame variables', () => {
    const event = scrubEvent({
      type: undefined,
      request: {
        method: 'POST',
        url: 'https://g.example/api/v1/x?token=abc',
        headers: { authorization: 'Bearer gh_secret123456', cookie: 'guildhall_session=s' },
        cookies: { guildhall_session: 's' },
        data: { content: 'private' },
        query_string: 'token=abc',
      },
      user: { id: '42', ip_address: '10.0.0.1', email: 'a@b.c' },
      breadcrumbs: [{ message: 'sent message: private' }],
      exception: {
        values: [{ value: 'failed for gh_abcdefgh1234', stacktrace: { frames: [{ vars: { token: 'x' } }] } }],
      },
      extra: { content: 'private', nested: { password: 'p', ok: 'Bearer abcdefghij' } },
    } as ErrorEvent);
    assert.deepEqual(event.request, { method: 'POST', url: 'https://g.example/api/v1/x' });
    assert.deepEqual(event.user, { id: '42' });
    assert.equal(event.breadcrumbs, undefined);
    assert.equal(event.exception?.values?.[0]?.value, 'failed for gh_[redacted]');
    assert.equal(event.exception?.values?.[0]?.stacktrace?.frames?.[0]?.vars, undefined);
    assert.deepEqual(event.extra, { nested: { ok: 'Bearer [redacted]' } });
  });

  it('names Discord routes by template: no ids, no interaction tokens', () => {
    assert.equal(
      discordRoute('/api/v10/channels/123456789012345678/messages'),
      '/api/v10/channels/{id}/messages',
    );
    assert.equal(
      discordRoute(`/api/v10/webhooks/123456789012345678/${'t'.repeat(80)}/messages/@original`),
      '/api/v10/webhooks/{id}/{token}/messages/@original',
    );
    assert.equal(
      discordRoute(`/api/v10/interactions/123456789012345678/${'a'.repeat(40)}/callback`),
      '/api/v10/interactions/{id}/{token}/callback',
    );
  });
});
