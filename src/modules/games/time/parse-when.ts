import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';

export type ParsedWhen = {
  /** The moment meant, in UTC. */
  readonly at: Date;
  /** The part of the input that was understood, for echoing back. */
  readonly matched: string;
  /** True when the text named its own zone ("8pm EST") instead of using the guild's. */
  readonly explicitZone: boolean;
};

/**
 * Natural-language times ("friday 8pm", "tomorrow 20:30", "dec 24 18:00") read on the wall clock
 * of `zone`, the guild's IANA time zone. chrono parses relative to the process's own zone, so it
 * is given a reference whose local fields equal the guild's current wall-clock time, and the
 * fields it returns are then placed in `zone` (DST-correct, unlike a fixed offset).
 */
export function parseWhen(text: string, zone: string, now: Date = new Date()): ParsedWhen | undefined {
  const wall = DateTime.fromJSDate(now, { zone });
  if (!wall.isValid) throw new RangeError(`invalid time zone ${zone}`);
  const reference = new Date(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const [result] = chrono.parse(text.slice(0, 200), reference, { forwardDate: true });
  if (!result) return undefined;
  const c = result.start;
  const fields = {
    year: c.get('year') ?? wall.year,
    month: c.get('month') ?? wall.month,
    day: c.get('day') ?? wall.day,
    hour: c.get('hour') ?? 0,
    minute: c.get('minute') ?? 0,
    second: 0,
  };
  const offset = c.isCertain('timezoneOffset') ? c.get('timezoneOffset') : null;
  const local =
    offset !== null && offset !== undefined
      ? DateTime.fromObject(fields, { zone: `UTC${offset >= 0 ? '+' : '-'}${Math.abs(offset) / 60}` })
      : DateTime.fromObject(fields, { zone });
  if (!local.isValid) return undefined;
  return {
    at: local.toJSDate(),
    matched: result.text,
    explicitZone: offset !== null && offset !== undefined,
  };
}
