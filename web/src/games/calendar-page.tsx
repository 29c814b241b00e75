import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.ts';
import { Page } from '../ui/page.tsx';
import { ErrorState, Loading } from '../ui/states.tsx';
import { formatDateTime } from '../ui/time.ts';
import { type CalendarView, monthWeeks, range, shift, today, weekDays } from './calendar.ts';
import { CalendarAgenda } from './calendar-agenda.tsx';
import { CalendarGrid } from './calendar-grid.tsx';
import { useGamesLive } from './live.ts';
import { LiveBadge } from './live-badge.tsx';
import { gamesRangeQuery } from './queries.ts';
import { viewerZone } from './zoned.ts';

const LONGEST_GAME_MS = 7 * 24 * 3600 * 1000;

const route = getRouteApi('/app/guilds/$guildId/games/calendar');

export type CalendarSearch = { view?: CalendarView; at?: string };

export function validateCalendarSearch(search: Record<string, unknown>): CalendarSearch {
  return {
    ...(search.view === 'week' || search.view === 'month' ? { view: search.view } : {}),
    ...(typeof search.at === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(search.at) &&
    !Number.isNaN(Date.parse(search.at))
      ? { at: search.at }
      : {}),
  };
}

/** The guild's games as a week or month in the viewer's time zone. */
export function CalendarPage() {
  const { t, locale } = useT();
  const { guildId } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/guilds/$guildId/games/calendar' });
  const zone = viewerZone();
  const view = search.view ?? 'month';
  const anchor = search.at ?? today(zone);
  const days = view === 'week' ? weekDays(anchor, zone) : monthWeeks(anchor, zone).flat();
  const { from, to } = range(days, zone);
  // A game that began before the first day shown may still run into it: ask from a week earlier
  // (the longest a game lasts), the grid keeps only what covers a shown day.
  const since = new Date(Date.parse(from) - LONGEST_GAME_MS).toISOString();
  const games = useQuery(gamesRangeQuery(guildId, since, to));
  const live = useGamesLive(guildId);
  const go = (next: CalendarSearch) => void navigate({ search: (s) => ({ ...s, ...next }) });
  const heading =
    view === 'week'
      ? t('dashboard.games.calendar.weekOf', {
          date: formatDateTime(`${days[0]}T12:00:00Z`, locale, { dateStyle: 'long', timeZone: 'UTC' }),
        })
      : formatDateTime(`${anchor}T12:00:00Z`, locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });

  return (
    <Page
      title={t('dashboard.games.calendar.title')}
      intro={t('dashboard.games.calendar.intro', { zone })}
      actions={<LiveBadge state={live} />}
    >
      <div className="calendar-toolbar">
        <div className="calendar-nav">
          <button
            type="button"
            className="button"
            aria-label={t('dashboard.games.calendar.previous')}
            onClick={() => go({ at: shift(anchor, view, -1, zone) })}
          >
            ‹
          </button>
          <button type="button" className="button" onClick={() => go({ at: today(zone) })}>
            {t('dashboard.games.calendar.today')}
          </button>
          <button
            type="button"
            className="button"
            aria-label={t('dashboard.games.calendar.next')}
            onClick={() => go({ at: shift(anchor, view, 1, zone) })}
          >
            ›
          </button>
        </div>
        <h2 className="calendar-heading" aria-live="polite">
          {heading}
        </h2>
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('dashboard.games.calendar.view')}</legend>
          {(['week', 'month'] as const).map((v) => (
            <label key={v} className="segment">
              <input
                type="radio"
                name="view"
                value={v}
                checked={view === v}
                onChange={() => go({ view: v })}
              />
              <span>{t(`dashboard.games.calendar.${v}`)}</span>
            </label>
          ))}
        </fieldset>
      </div>
      {games.isError ? <ErrorState error={games.error} retry={() => games.refetch()} /> : null}
      {games.isPending ? <Loading /> : null}
      <div className="calendar-scroll calendar-wide" aria-busy={games.isPending}>
        <CalendarGrid
          guildId={guildId}
          view={view}
          anchor={anchor}
          zone={zone}
          games={games.data ?? []}
          onShowDay={(day) => go({ view: 'week', at: day })}
        />
      </div>
      {games.data ? (
        <div className="calendar-narrow">
          <CalendarAgenda guildId={guildId} days={days} zone={zone} games={games.data} />
        </div>
      ) : null}
    </Page>
  );
}
