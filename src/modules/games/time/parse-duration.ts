/**
 * Durations as people type them in Discord: "30" (minutes), "30m", "2h", "1d", "1h30m", "1 h 30",
 * "90 min", "1.5h", and the German "2 Std", "1 Tag". Minutes are whole; anything else is not a
 * duration.
 */
const UNITS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(m|min|mins|minute|minutes|minute[n]?)$/, 1],
  [/^(h|hr|hrs|hour|hours|std|stunde|stunden)$/, 60],
  [/^(d|day|days|t|tag|tage|tagen)$/, 1440],
  [/^(w|week|weeks|woche|wochen)$/, 10080],
];

/** Minutes in `text`, or undefined when it is not a duration (or not a whole number of minutes). */
export function parseMinutes(text: string): number | undefined {
  const input = text.trim().toLowerCase();
  if (input === '') return undefined;
  if (/^\d{1,6}$/.test(input)) return Number(input);
  const parts = [...input.matchAll(/(\d+(?:\.\d+)?)\s*([a-zä]+)?\s*/gy)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== input) return undefined;
  let total = 0;
  for (const [index, part] of parts.entries()) {
    const value = Number(part[1]);
    const unit = part[2];
    // A bare trailing number after hours is minutes ("1h 30"); elsewhere a unit is needed.
    const factor = unit
      ? UNITS.find(([pattern]) => pattern.test(unit))?.[1]
      : index > 0 && index === parts.length - 1
        ? 1
        : undefined;
    if (factor === undefined) return undefined;
    total += value * factor;
  }
  return Number.isInteger(total) ? total : undefined;
}

/**
 * A list of durations ("1d, 15m", "60 15", "2h; 30m"), largest first and without repeats, or
 * undefined when any entry is not a duration. An empty text is an empty list.
 */
export function parseMinutesList(text: string): number[] | undefined {
  const out = new Set<number>();
  for (const entry of text.split(/[,;\n]/).map((e) => e.trim())) {
    if (entry === '') continue;
    const whole = parseMinutes(entry);
    // "60 15" is two entries; "1 h 30" is one: the entry as a whole wins.
    const minutes = whole !== undefined ? [whole] : entry.split(/\s+/).map(parseMinutes);
    if (minutes.some((m) => m === undefined)) return undefined;
    for (const m of minutes) out.add(m as number);
  }
  return [...out].sort((a, b) => b - a);
}

/** "1d 2h 30m" for minutes, the way `parseMinutes` reads it back. */
export function formatMinutes(minutes: number): string {
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts = [d ? `${d}d` : '', h ? `${h}h` : '', m ? `${m}m` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : '0m';
}
