import { DateTime } from 'luxon';

/**
 * Wall-clock times in a named time zone (the guild's), for the date and time picker: what a host
 * types is read in the guild's zone and sent as an instant, and shown converted to the viewer's.
 */

export type WallTime = { readonly date: string; readonly time: string };

/** The instant (UTC ISO) that `date` `time` on a wall clock in `zone` is; undefined if incomplete. */
export function instantOf(wall: WallTime, zone: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(wall.date) || !/^\d{2}:\d{2}$/.test(wall.time)) return undefined;
  const at = DateTime.fromISO(`${wall.date}T${wall.time}`, { zone });
  if (!at.isValid) return undefined;
  return at.toUTC().toISO({ suppressMilliseconds: true }) ?? undefined;
}

/** The wall-clock date and time in `zone` of an instant. */
export function wallTimeOf(instant: string, zone: string): WallTime {
  const at = DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone);
  return { date: at.toISODate() ?? '', time: at.toFormat('HH:mm') };
}

/**
 * A wall-clock time that does not exist in `zone` (the hour skipped when clocks go forward) or
 * exists twice (when they go back): the picker says so instead of silently moving it.
 */
export function wallTimeIssue(wall: WallTime, zone: string): 'skipped' | 'ambiguous' | undefined {
  const instant = instantOf(wall, zone);
  if (!instant) return undefined;
  const back = wallTimeOf(instant, zone);
  if (back.date !== wall.date || back.time !== wall.time) return 'skipped';
  const at = DateTime.fromISO(instant);
  const hourEarlier = at.minus({ hours: 1 }).setZone(zone);
  const hourLater = at.plus({ hours: 1 }).setZone(zone);
  const same = (d: DateTime) => d.toISODate() === wall.date && d.toFormat('HH:mm') === wall.time;
  return same(hourEarlier) || same(hourLater) ? 'ambiguous' : undefined;
}

/** The next full hour from now, as a wall time in `zone` (the form's default start, a day ahead). */
export function defaultStart(zone: string, now = DateTime.now()): WallTime {
  const at = now.setZone(zone).plus({ days: 1 }).startOf('hour').set({ hour: 20 });
  return { date: at.toISODate() ?? '', time: at.toFormat('HH:mm') };
}

/** The viewer's own time zone. */
export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
