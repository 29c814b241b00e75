import i18next from 'i18next';
import { useMemo, useSyncExternalStore } from 'react';
import { de } from '../../../src/platform/i18n/catalogues/de.ts';
import { en } from '../../../src/platform/i18n/catalogues/en.ts';
import { isSupportedLocale, type Locale, SUPPORTED_LOCALES } from '../../../src/platform/i18n/locales.ts';

/**
 * The dashboard speaks from the same message catalogue as the bot (src/platform/i18n/catalogues):
 * one set of texts to translate, checked for complete German by the catalogue test. Its own texts
 * are under `dashboard.*`; everything else (capability names, Discord errors) is shared as it is.
 */
export type { Locale };
export { SUPPORTED_LOCALES };

/** Every key of the English catalogue (plural forms by their base key), so a typo fails `npm run check`. */
type Keys<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${P}${K extends `${infer Base}_${'one' | 'other'}` ? Base : K}`
    : Keys<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Keys<typeof en>;
export type Translate = (key: MessageKey, params?: Record<string, unknown>) => string;

const STORAGE_KEY = 'guildhall.locale';

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked: fall back to the browser's languages
  }
}

/** The chosen language, else the first of the browser's we have, else English. */
function initialLocale(): Locale {
  for (const tag of [stored(), ...navigator.languages]) {
    const lang = tag?.toLowerCase().split(/[-_]/)[0] ?? '';
    if (isSupportedLocale(lang)) return lang;
  }
  return 'en';
}

export const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { translation: en }, de: { translation: de } },
  lng: initialLocale(),
  fallbackLng: 'en',
  supportedLngs: [...SUPPORTED_LOCALES],
  initAsync: false,
  // React escapes what it renders; escaping here too would show "&amp;".
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
} as Parameters<typeof i18n.init>[0]);
document.documentElement.lang = i18n.language;

export function currentLocale(): Locale {
  return isSupportedLocale(i18n.language) ? i18n.language : 'en';
}

export async function setLocale(locale: Locale): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not remembered, but still switched
  }
  await i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}

function subscribe(onChange: () => void) {
  i18n.on('languageChanged', onChange);
  return () => i18n.off('languageChanged', onChange);
}

/** `t` in the current language; components using it re-render when the language changes. */
export function useT(): { t: Translate; locale: Locale } {
  const locale = useSyncExternalStore(subscribe, currentLocale);
  return useMemo(
    () => ({
      locale,
      t: (key: MessageKey, params?: Record<string, unknown>) =>
        i18n.t(key, { lng: locale, ...params } as never) as unknown as string,
    }),
    [locale],
  );
}

/** `t` outside components (error messages built in the API client). */
export const translate: Translate = (key, params) =>
  i18n.t(key, { lng: currentLocale(), ...params } as never) as unknown as string;

/** Whether the catalogue has `key` (for texts keyed by data, such as a module's name). */
export function hasMessage(key: string): boolean {
  return i18n.exists(key);
}
