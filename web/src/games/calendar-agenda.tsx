import { Link } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.ts';
import { formatDateTime } from '../ui/time.ts';
import { placeByDay } from './calendar.ts';
import type { CalendarGame } from './calendar-grid.tsx';

/**
 * The calendar on a phone: the shown days that have games, as a list (seven columns do not fit
 * a phone's width). Multi-day games appear under each of their days, as in the grid.
 */
export function CalendarAgenda<T extends CalendarGame>({
  guildId,
  days,
  zone,
  games,
}: {
  guildId: string;
  days: readonly string[];
  zone: string;
  games: readonly T[];
}) {
  const { t, locale } = useT();
  const byDay = [...placeByDay(games, days, zone)].filter(([, placed]) => placed.length > 0);
  if (byDay.length === 0) return <p className="state state-empty">{t('dashboard.games.calendar.empty')}</p>;
  return (
    <ol className="agenda">
      {byDay.map(([day, placed]) => (
        <li key={day} className="agenda-day">
          <h3 className="agenda-date">
            {formatDateTime(`${day}T12:00:00Z`, locale, { dateStyle: 'full', timeZone: 'UTC' })}
          </h3>
          <ul className="calendar-games">
            {placed.map(({ item, continued }) => (
              <li key={item.id} className={`calendar-game calendar-game-${item.status.toLowerCase()}`}>
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
                  {item.title}
                </Link>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
