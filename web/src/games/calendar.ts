import { DateTime } from 'luxon';

/**
 * The week and month grids of the games calendar, in the viewer's time zone. Days are ISO dates
 * (`2026-12-03`) of that zone; a game covers every day from the one it starts on to the one it
 * ends on (start + duration, an end at midnight exactly not spilling into the next day), so a
 * game from Friday 20:00 to Sunday 02:00 shows on Friday, Saturday and Sunday.
 */

export type CalendarView = 'week' | 'month';

export type CalendarItem = { readonly startsAt: string; readonly durationMinutes: number | null };

export type Placed<T> = {
  readonly item: T;
  /** The game started on an earlier day (the cell shows it continuing). */
  readonly continued: boolean;
  /** The game goes on after this day. */
  readonly continues: boolean;
};

/** Monday first (ISO 8601), as in most of Europe; the grid is the same either way. */
const WEEK_START = 1;

export function today(zone: string): string {
  return DateTime.now().setZone(zone).toISODate() ?? '';
}

function day(iso: string, zone: string): DateTime {
  return DateTime.fromISO(iso, { zone }).startOf('day');
}

function startOfWeek(d: DateTime): DateTime {
  return d.minus({ days: (d.weekday - WEEK_START + 7) % 7 }).startOf('day');
}

/** The seven days of the week containing `anchor`. */
export function weekDays(anchor: string, zone: string): string[] {
  const first = startOfWeek(day(anchor, zone));
  return Array.from({ length: 7 }, (_, i) => first.plus({ days: i }).toISODate() ?? '');
}

/** Whole weeks covering the month of `anchor` (4 to 6 rows of 7 days). */
export function monthWeeks(anchor: string, zone: string): string[][] {
  const first = day(anchor, zone).startOf('month');
  const last = first.endOf('month').startOf('day');
  const weeks: string[][] = [];
  for (let w = startOfWeek(first); w <= last; w = w.plus({ weeks: 1 }))
    weeks.push(Array.from({ length: 7 }, (_, i) => w.plus({ days: i }).toISODate() ?? ''));
  return weeks;
}

/** The anchor one period on (`+1`) or back (`-1`). */
export function shift(anchor: string, view: CalendarView, by: 1 | -1, zone: string): string {
  const d = day(anchor, zone);
  return (
    (view === 'week' ? d.plus({ weeks: by }) : d.plus({ months: by }).startOf('month')).toISODate() ?? ''
  );
}

/** The first instant and the instant after the last day shown, as UTC ISO strings (to ask the API). */
export function range(days: readonly string[], zone: string): { from: string; to: string } {
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) throw new Error('empty calendar range');
  return {
    from: day(first, zone).toUTC().toISO() ?? '',
    to: day(last, zone).plus({ days: 1 }).toUTC().toISO() ?? '',
  };
}

/** The days (in `zone`) a game covers, first to last. */
export function daysCovered(item: CalendarItem, zone: string): string[] {
  const start = DateTime.fromISO(item.startsAt, { zone });
  if (!start.isValid) return [];
  // An end at exactly midnight belongs to the day before.
  const end = start.plus({ minutes: Math.max(0, item.durationMinutes ?? 0) }).minus({ milliseconds: 1 });
  const out: string[] = [];
  const last = (end < start ? start : end).startOf('day');
  for (let d = start.startOf('day'); d <= last; d = d.plus({ days: 1 })) out.push(d.toISODate() ?? '');
  return out;
}

/** Which games each shown day holds, in start order. */
export function placeByDay<T extends CalendarItem>(
  items: readonly T[],
  days: readonly string[],
  zone: string,
): Map<string, Placed<T>[]> {
  const out = new Map<string, Placed<T>[]>(days.map((d) => [d, []]));
  const sorted = [...items].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const item of sorted) {
    const covered = daysCovered(item, zone);
    covered.forEach((d, i) => {
      out.get(d)?.push({ item, continued: i > 0, continues: i < covered.length - 1 });
    });
  }
  return out;
}
