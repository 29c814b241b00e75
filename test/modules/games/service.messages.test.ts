import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GAMES_ERROR_STATUS } from '#modules/games/errors.ts';
import { GAMES_MESSAGES, NOTIFICATION_KEYS } from '#modules/games/messages.ts';
import { createI18n, type Messages } from '#platform/i18n/i18n.ts';

function keys(m: Messages, prefix = ''): string[] {
  return Object.entries(m).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

describe('games messages (G1 part)', () => {
  const i18n = createI18n();
  i18n.extend(GAMES_MESSAGES);

  it('has every English key in German, with the same placeholders', () => {
    const en = keys(GAMES_MESSAGES.en);
    assert.deepEqual(keys(GAMES_MESSAGES.de).sort(), [...en].sort());
    const placeholders = (t: string) => [...t.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const k of en) assert.deepEqual(placeholders(i18n.t('de', k)), placeholders(i18n.t('en', k)), k);
  });

  it('has a message for every error code, where the Discord layer looks it up (errors.<CODE>)', () => {
    for (const code of Object.keys(GAMES_ERROR_STATUS)) {
      assert.ok(i18n.has('en', `errors.${code}`), code);
      assert.ok(i18n.has('de', `games.errors.${code}`), code);
    }
    assert.equal(
      i18n.t('de', 'errors.ALREADY_JOINED', { state: 'confirmed' }),
      'Du bist für dieses Spiel schon angemeldet (confirmed).',
    );
  });

  it('has every notification the consumers send', () => {
    for (const key of Object.values(NOTIFICATION_KEYS)) {
      assert.ok(i18n.has('en', key), key);
      assert.ok(i18n.has('de', key), key);
    }
  });
});
