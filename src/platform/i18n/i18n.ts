import i18next, { type i18n as I18next } from 'i18next';
import { de } from './catalogues/de.ts';
import { en } from './catalogues/en.ts';
import { isSupportedLocale, type Locale, SUPPORTED_LOCALES } from './locales.ts';

/** A message catalogue: nested keys, `{{name}}` placeholders, i18next plural suffixes (`_one`, `_other`). */
export type Messages = { readonly [key: string]: string | Messages };

export type Params = Readonly<Record<string, unknown>>;

/** Discord's locale codes for each of ours (Discord tells English apart by region). */
export const DISCORD_LOCALES: Readonly<Record<Locale, readonly string[]>> = {
  en: ['en-US', 'en-GB'],
  de: ['de'],
};

export type I18n = {
  /** The message for `key` in `locale` (any BCP 47 tag; unsupported ones fall back to English). */
  t(locale: string | null | undefined, key: string, params?: Params): string;
  /** A `t` bound to one locale. */
  forLocale(locale: string | null | undefined): (key: string, params?: Params) => string;
  /** The first candidate we have a catalogue for (`de-AT` → `de`), else English. */
  resolve(...candidates: ReadonlyArray<string | null | undefined>): Locale;
  /** Whether a catalogue has `key` (without falling back to English). */
  has(locale: Locale, key: string): boolean;
  /**
   * Discord `*_localizations` for `key`: every Discord locale of every supported language except
   * English, which is the command's default text. Missing translations are left out, so Discord
   * shows the English default instead of a key.
   */
  discordLocalizations(key: string): Record<string, string>;
  /** Adds a module's messages to the catalogues (deep merge; later keys win). */
  extend(catalogues: Partial<Record<Locale, Messages>>): void;
};

/** Language-only match: `de-CH` and `de` → `de`; `en-GB` → `en`. */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const lang = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  return isSupportedLocale(lang) ? lang : undefined;
}

/**
 * One i18next instance per process, initialised synchronously with the bundled catalogues.
 * Interpolation does not HTML-escape: the text goes to Discord and JSON, never into HTML unescaped.
 */
export function createI18n(): I18n {
  const instance: I18next = i18next.createInstance();
  void instance.init({
    resources: { en: { translation: en }, de: { translation: de } },
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: [...SUPPORTED_LOCALES],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<I18next['init']>[0]);

  const resolve: I18n['resolve'] = (...candidates) => {
    for (const c of candidates) {
      const m = matchLocale(c);
      if (m) return m;
    }
    return 'en';
  };

  const t: I18n['t'] = (locale, key, params) =>
    instance.t(key, { lng: resolve(locale), ...(params ?? {}) } as never) as unknown as string;

  return {
    t,
    forLocale: (locale) => {
      const lng = resolve(locale);
      return (key, params) => t(lng, key, params);
    },
    resolve,
    has: (locale, key) => instance.exists(key, { lng: locale, fallbackLng: false } as never),
    discordLocalizations(key) {
      const out: Record<string, string> = {};
      for (const locale of SUPPORTED_LOCALES) {
        if (locale === 'en' || !instance.exists(key, { lng: locale, fallbackLng: false } as never)) continue;
        const text = t(locale, key);
        for (const discordLocale of DISCORD_LOCALES[locale]) out[discordLocale] = text;
      }
      return out;
    },
    extend(catalogues) {
      for (const [locale, messages] of Object.entries(catalogues))
        if (messages) instance.addResourceBundle(locale, 'translation', messages, true, true);
    },
  };
}

/** The language tags of an Accept-Language header, most preferred first. */
export function acceptLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((l) => l.tag && l.tag !== '*' && Number.isFinite(l.q))
    .sort((a, b) => b.q - a.q)
    .map((l) => l.tag);
}
