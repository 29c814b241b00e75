import type { Messages } from '#platform/i18n/i18n.ts';
import type { Locale } from '#platform/i18n/locales.ts';

/** What calendar apps show of a feed: its name, and how a cancelled game is titled. */
export const CALENDAR_MESSAGES: Partial<Record<Locale, Messages>> = {
  en: {
    games: {
      calendar: {
        feedName: 'Guildhall games',
        cancelled: 'Cancelled: {{title}}',
      },
    },
  },
  de: {
    games: {
      calendar: {
        feedName: 'Guildhall-Spiele',
        cancelled: 'Abgesagt: {{title}}',
      },
    },
  },
};
