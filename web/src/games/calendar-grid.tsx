import { Link } from '@tanstack/react-router';
import { type KeyboardEvent, useRef } from 'react';
import { useT } from '../i18n/i18n.ts';
import { formatDateTime } from '../ui/time.ts';
import { type CalendarItem, type CalendarView, monthWeeks, placeByDay, today, weekDays } from './calendar.ts';

export type CalendarGame = CalendarItem & {
  readonly id: string;
  readonly title: string;
  readonly status: string;
};

/** Games shown per day in the month grid before "+n more". */
const MONTH_CELL_LIMIT = 3;

/**
 * The week or month grid: a table of days (a grid for screen readers too, with arrow keys moving
 * between days), each listing its games as links, multi-day games on every day they span.
 */
export function CalendarGrid<T extends CalendarGame>({
  guildId,
  view,
  anchor,
  zone,
  games,
  onDayFocus,
  onShowDay,
}: {
  guildId: string;
  view: CalendarView;
  anchor: string;
  zone: string;
  games: readonly T[];
  onDayFocus?: (day: string) => void;
  /** Shows one day in full (the week of it), from a month cell's "+n more". */
  onShowDay?: (day: string) => void;
}) {
  const { t, locale } = useT();
  const weeks = view === 'week' ? [weekDays(anchor, zone)] : monthWeeks(anchor, zone);
  const days = weeks.flat();
  const byDay = placeByDay(games, days, zone);
  const now = today(zone);
  const month = anchor.slice(0, 7);
  const grid = useRef<HTMLTableElement>(null);
  const dayDate = (d: string) => new Date(`${d}T12:00:00Z`);

  // Arrow keys move between day cells (the roving tab stop is the anchor's day).
  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }[e.key];
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-day]');
    if (!step || !cell || e.target !== cell) return;
    const i = days.indexOf(cell.dataset.day ?? '');
    const next = days[i + step];
    if (!next) return;
    e.preventDefault();
    grid.current?.querySelector<HTMLElement>(`[data-day="${next}"]`)?.focus();
    onDayFocus?.(next);
  };

  return (
    <table className={`calendar calendar-${view}`} ref={grid} onKeyDown={onKeyDown}>
      <thead>
        <tr>
          {weeks[0]?.map((d) => (
            <th key={d} scope="col">
              <abbr title={formatDateTime(dayDate(d), locale, { weekday: 'long', timeZone: 'UTC' })}>
                {formatDateTime(dayDate(d), locale, { weekday: 'short', timeZone: 'UTC' })}
              </abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((d) => {
              const placed = byDay.get(d) ?? [];
              const shown = view === 'month' ? placed.slice(0, MONTH_CELL_LIMIT) : placed;
              const hidden = placed.length - shown.length;
              const label = t('dashboard.games.calendar.dayLabel', {
                count: placed.length,
                date: formatDateTime(dayDate(d), locale, { dateStyle: 'full', timeZone: 'UTC' }),
              });
              const classes = [
                'calendar-day',
                d === now ? 'calendar-today' : '',
                view === 'month' && !d.startsWith(month) ? 'calendar-outside' : '',
              ]
                .filter(Boolean)
                .join(' ');
              return (
                <td
                  key={d}
                  className={classes}
                  data-day={d}
                  tabIndex={d === anchor ? 0 : -1}
                  aria-label={label}
                >
                  <div className="calendar-date" aria-hidden="true">
                    {view === 'week'
                      ? formatDateTime(dayDate(d), locale, {
                          day: 'numeric',
                          month: 'short',
                          timeZone: 'UTC',
                        })
                      : Number(d.slice(8))}
                  </div>
                  <ul className="calendar-games">
                    {shown.map(({ item, continued, continues }) => (
                      <li
                        key={item.id}
                        className={[
                          'calendar-game',
                          `calendar-game-${item.status.toLowerCase()}`,
                          continued ? 'calendar-game-continued' : '',
                          continues ? 'calendar-game-continues' : '',
                        ]
                          .filter(Boolean)
                          .join(' ')}
                      >
                        <Link
                          to="/guilds/$guildId/games/$gameId"
                          params={{ guildId, gameId: item.id }}
                          className="calendar-game-link"
                        >
                          <span className="calendar-game-time">
                            {continued
                              ? t('dashboard.games.calendar.continued')
                              : formatDateTime(item.startsAt, locale, {
                                  timeZone: zone,
                                  hour: '2-digit',
                                  minute: '2-digit',
                                })}
                          </span>{' '}
                          <span className="calendar-game-title">{item.title}</span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                  {hidden > 0 ? (
                    <button type="button" className="calendar-more" onClick={() => onShowDay?.(d)}>
                      {t('dashboard.games.calendar.moreGames', { count: hidden })}
                    </button>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
