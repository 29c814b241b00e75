import ical, { ICalEventStatus } from 'ical-generator';

export type IcsGame = {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  readonly startsAt: Date;
  readonly durationMinutes: number;
  readonly status: string;
  readonly guildName: string;
  readonly url: string;
  readonly updatedAt: Date;
  /** Increases with every change, so calendar apps replace their copy. */
  readonly sequence: number;
  /** Shown as tentative (STATUS:TENTATIVE): e.g. the calendar's owner is on the waitlist. */
  readonly tentative?: boolean;
};

/**
 * iCalendar (RFC 5545) for one game or a feed of many. Times are written in UTC, so no
 * VTIMEZONE is needed and every client shows them in its own zone.
 */
export function toIcs(
  name: string,
  games: readonly IcsGame[],
  host: string,
  texts: { readonly cancelled?: (title: string) => string } = {},
): string {
  const cancelled = texts.cancelled ?? ((title: string) => `Cancelled: ${title}`);
  const calendar = ical({
    name,
    prodId: { company: 'Guildhall', product: 'games', language: 'EN' },
    ttl: 900,
  });
  for (const g of games) {
    calendar.createEvent({
      id: `${g.id}@${host}`,
      start: g.startsAt,
      end: new Date(g.startsAt.getTime() + g.durationMinutes * 60_000),
      summary: g.status === 'CANCELLED' ? cancelled(g.title) : g.title,
      description: [g.description, `${g.guildName} — ${g.url}`].filter(Boolean).join('\n\n'),
      url: g.url,
      status:
        g.status === 'CANCELLED'
          ? ICalEventStatus.CANCELLED
          : g.tentative
            ? ICalEventStatus.TENTATIVE
            : ICalEventStatus.CONFIRMED,
      sequence: g.sequence,
      lastModified: g.updatedAt,
      stamp: g.updatedAt,
    });
  }
  return calendar.toString();
}
