import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { de } from '#platform/i18n/catalogues/de.ts';
import { en } from '#platform/i18n/catalogues/en.ts';
import { createI18n, type Messages } from '#platform/i18n/i18n.ts';

function keys(m: Messages, prefix = ''): string[] {
  return Object.entries(m).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] as string).sort();
}

describe('i18n', () => {
  const i18n = createI18n();

  it('has every English key in German, with the same placeholders', () => {
    const enKeys = keys(en);
    const deKeys = new Set(keys(de));
    const missing = enKeys.filter((k) => !deKeys.has(k));
    assert.deepEqual(missing, []);
    for (const k of enKeys)
      assert.deepEqual(placeholders(i18n.t('de', k, {})), placeholders(i18n.t('en', k, {})), k);
  });

  it('resolves regional and unknown locales', () => {
    assert.equal(i18n.resolve('de-AT'), 'de');
    assert.equal(i18n.resolve('en-GB'), 'en');
    assert.equal(
      i18n.resolve('fr', 'de'),
      'de',
      'an unsupported user locale falls back to the next candidate',
    );
    assert.equal(i18n.resolve(undefined, null, 'pt-BR'), 'en');
  });

  it('interpolates without HTML escaping', () => {
    assert.equal(
      i18n.t('en', 'discord.errors.optionInvalid', { option: '<b>', expected: 'a number' }),
      '“<b>” must be a number.',
    );
    assert.equal(i18n.t('de', 'discord.paginator.page', { page: 2, pages: 5 }), 'Seite 2 von 5');
  });

  it('gives Discord localizations for every non-English language, and extends with module messages', () => {
    i18n.extend({ en: { demo: { hello: 'Hello' } }, de: { demo: { hello: 'Hallo' } } });
    assert.deepEqual(i18n.discordLocalizations('demo.hello'), { de: 'Hallo' });
    i18n.extend({ en: { demo: { only: 'English only' } } });
    assert.deepEqual(i18n.discordLocalizations('demo.only'), {});
    assert.equal(i18n.t('de', 'demo.only'), 'English only');
  });
});
