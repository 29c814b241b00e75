/**
 * Discord renders `<t:unix:style>` in each reader's own time zone and language, so every time
 * Guildhall shows in Discord goes through these rather than a formatted string.
 */
export type TimestampStyle = 't' | 'T' | 'd' | 'D' | 'f' | 'F' | 'R';

export function discordTimestamp(at: Date | number, style: TimestampStyle = 'f'): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('not a valid time');
  return `<t:${Math.floor(ms / 1000)}:${style}>`;
}

/** "Friday, 21 November 2026 20:00" in the reader's zone. */
export const fullTime = (at: Date | number) => discordTimestamp(at, 'F');
/** "in 2 hours" / "3 days ago", kept current by the client. */
export const relativeTime = (at: Date | number) => discordTimestamp(at, 'R');
