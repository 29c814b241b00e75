import { nthWeekdayOf, type Recurrence } from './recurrence.ts';

/**
 * How a game repeats, as a host types it in a Discord form: nothing ("", "no", "once") for a
 * single game; "weekly", "2 weeks", "every 2 weeks"; "monthly", "3 months" (same date);
 * "monthly weekday" (the start's weekday, e.g. its second Tuesday) or "monthly last" (the last
 * such weekday). German words work too ("wöchentlich", "2 Wochen", "monatlich Wochentag").
 * `null` is "does not repeat"; `undefined` is "cannot read that".
 */
export function parseRepeat(text: string, startsAt: Date, zone: string): Recurrence | null | undefined {
  const input = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (['', '-', 'no', 'none', 'once', 'never', 'nein', 'keine', 'einmal', 'nie'].includes(input)) return null;
  const m = /^(?:every |alle )?(\d{1,2} )?([a-zäö]+)(?: ([a-zäö]+))?$/.exec(input);
  if (!m) return undefined;
  const interval = m[1] ? Number(m[1]) : 1;
  const [, , unit = '', extra] = m;
  if (interval < 1) return undefined;
  if (/^(w|week|weeks|weekly|woche|wochen|wöchentlich)$/.test(unit))
    return extra === undefined ? { kind: 'weekly', interval } : undefined;
  if (!/^(m|mo|month|months|monthly|monat|monate|monatlich)$/.test(unit)) return undefined;
  if (extra === undefined) return { kind: 'monthly_date', interval };
  if (/^(weekday|wochentag)$/.test(extra))
    return { kind: 'monthly_weekday', interval, nth: nthWeekdayOf(startsAt, zone) };
  if (/^(last|letzter|letzten)$/.test(extra)) return { kind: 'monthly_weekday', interval, nth: -1 };
  return undefined;
}

/** The text `parseRepeat` reads back as the same rule (for a form filled in with the game's). */
export function formatRepeat(rule: Recurrence | null): string {
  if (!rule) return '';
  const every = rule.interval === 1 ? '' : `${rule.interval} `;
  if (rule.kind === 'weekly') return rule.interval === 1 ? 'weekly' : `${every}weeks`;
  const base = rule.interval === 1 ? 'monthly' : `${every}months`;
  if (rule.kind === 'monthly_date') return base;
  return `${base} ${rule.nth === -1 ? 'last' : 'weekday'}`;
}
