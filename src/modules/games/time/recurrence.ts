import { DateTime } from 'luxon';

/**
 * Repeating games. Occurrences are computed in the guild's IANA time zone on the wall clock, so
 * "Tuesdays 20:00 Europe/Berlin" stays at 20:00 local across daylight-saving changes (and moves
 * in UTC instead). Every occurrence is derived from the series' first start (the anchor) and an
 * index, never from the previous occurrence, so clamping in one month cannot drift the series.
 */
export type Recurrence =
  /** Every `interval` weeks on the anchor's weekday and time. */
  | { readonly kind: 'weekly'; readonly interval: number }
  /** Every `interval` months on the anchor's day of month; months without that day are skipped (RFC 5545). */
  | { readonly kind: 'monthly_date'; readonly interval: number }
  /**
   * Every `interval` months on the `nth` anchor weekday of the month ("second Tuesday"); `nth` -1
   * is the last one. Months without a fifth such weekday are skipped.
   */
  | { readonly kind: 'monthly_weekday'; readonly interval: number; readonly nth: 1 | 2 | 3 | 4 | 5 | -1 };

export const MAX_INTERVAL = 52;

export function describeRecurrence(rule: Recurrence): string {
  const every = rule.interval === 1 ? '' : ` ${rule.interval}`;
  switch (rule.kind) {
    case 'weekly':
      return rule.interval === 1 ? 'weekly' : `every${every} weeks`;
    case 'monthly_date':
      return rule.interval === 1 ? 'monthly (same date)' : `every${every} months (same date)`;
    case 'monthly_weekday':
      return `${rule.interval === 1 ? 'monthly' : `every${every} months`} (${rule.nth === -1 ? 'last' : ordinal(rule.nth)} weekday)`;
  }
}

function ordinal(n: number): string {
  return ['first', 'second', 'third', 'fourth', 'fifth'][n - 1] ?? `${n}th`;
}

/** The nth (1-based) weekday of the anchor's weekday in the anchor's month: "second Tuesday" → 2. */
export function nthWeekdayOf(anchor: Date, zone: string): 1 | 2 | 3 | 4 | 5 {
  const local = DateTime.fromJSDate(anchor, { zone });
  return Math.ceil(local.day / 7) as 1 | 2 | 3 | 4 | 5;
}

/**
 * The `index`-th occurrence (0 = the anchor itself), or undefined when that period has no
 * occurrence (a skipped month).
 */
export function occurrence(anchor: Date, zone: string, rule: Recurrence, index: number): Date | undefined {
  const a = DateTime.fromJSDate(anchor, { zone });
  if (!a.isValid) throw new RangeError(`invalid time zone ${zone}`);
  if (index === 0) return anchor;
  const time = { hour: a.hour, minute: a.minute, second: a.second, millisecond: 0 };
  switch (rule.kind) {
    case 'weekly':
      // Calendar arithmetic on the local date keeps the wall-clock time across DST.
      return a.plus({ weeks: index * rule.interval }).toJSDate();
    case 'monthly_date': {
      const month = a.startOf('month').plus({ months: index * rule.interval });
      if (a.day > (month.daysInMonth ?? 0)) return undefined;
      return month.set({ day: a.day, ...time }).toJSDate();
    }
    case 'monthly_weekday': {
      const month = a.startOf('month').plus({ months: index * rule.interval });
      const day = nthWeekdayDay(month, a.weekday, rule.nth);
      return day === undefined ? undefined : month.set({ day, ...time }).toJSDate();
    }
  }
}

function nthWeekdayDay(month: DateTime, weekday: number, nth: number): number | undefined {
  const first = month.set({ day: 1 });
  const offset = (weekday - first.weekday + 7) % 7;
  const days = month.daysInMonth ?? 28;
  if (nth === -1) {
    let day = 1 + offset;
    while (day + 7 <= days) day += 7;
    return day;
  }
  const day = 1 + offset + (nth - 1) * 7;
  return day <= days ? day : undefined;
}

/** The first occurrence strictly after `after` (searching at most ~10 years ahead). */
export function nextOccurrence(
  anchor: Date,
  zone: string,
  rule: Recurrence,
  after: Date,
): { at: Date; index: number } | undefined {
  const limit = rule.kind === 'weekly' ? Math.ceil(530 / rule.interval) : Math.ceil(130 / rule.interval);
  // Jump close to `after` first: long-running series should not iterate from their very start.
  const approxPeriodMs = (rule.kind === 'weekly' ? 7 : 28) * rule.interval * 86_400_000;
  const start = Math.max(1, Math.floor((after.getTime() - anchor.getTime()) / approxPeriodMs) - 2);
  for (let index = start; index < start + limit; index++) {
    const at = occurrence(anchor, zone, rule, index);
    if (at && at.getTime() > after.getTime()) return { at, index };
  }
  return undefined;
}
