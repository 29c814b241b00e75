import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { guildQuery } from '../api/queries.ts';
import { useT } from '../i18n/i18n.ts';
import { Page } from '../ui/page.tsx';
import { Empty, ErrorState, Loading } from '../ui/states.tsx';
import { Headcount, StatusBadge, When } from './game-bits.tsx';
import { useGamesLive } from './live.ts';
import { LiveBadge } from './live-badge.tsx';
import { GAME_STATUS, type GameStatus } from './model.ts';
import { useMemberNames } from './names.ts';
import { gamesListQuery, type ListQuery } from './queries.ts';
import { viewerZone } from './zoned.ts';

const route = getRouteApi('/app/guilds/$guildId/games/');

export type GamesSearch = {
  when?: 'past' | undefined;
  status?: GameStatus | undefined;
  mine?: true | undefined;
};

export function validateGamesSearch(search: Record<string, unknown>): GamesSearch {
  return {
    ...(search.when === 'past' ? { when: 'past' as const } : {}),
    ...(typeof search.status === 'string' && (GAME_STATUS as readonly string[]).includes(search.status)
      ? { status: search.status as GameStatus }
      : {}),
    ...(search.mine === true || search.mine === 'true' || search.mine === 1 ? { mine: true as const } : {}),
  };
}

/** The guild's games, upcoming or past, filtered by status and by "mine", live. */
export function GamesListPage() {
  const { t } = useT();
  const { guildId } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/guilds/$guildId/games/' });
  const guild = useQuery(guildQuery(guildId));
  const live = useGamesLive(guildId);
  const zone = viewerZone();
  const name = useMemberNames(guildId);

  // "Upcoming" starts at the beginning of this minute so the key stays put while the page is open.
  const filter = useMemo((): Omit<ListQuery, 'cursor'> => {
    const now = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
    return {
      ...(search.when === 'past' ? { to: now, order: 'desc' as const } : { from: now }),
      ...(search.status ? { status: search.status } : {}),
      ...(search.mine ? { mine: true } : {}),
    } as Omit<ListQuery, 'cursor'>;
  }, [search.when, search.status, search.mine]);
  const games = useInfiniteQuery(gamesListQuery(guildId, filter));
  const items = games.data?.pages.flatMap((p) => p.items) ?? [];
  const canHost = guild.data ? guild.data.you.admin || guild.data.you.capabilities.includes('host') : false;

  return (
    <Page
      title={t('dashboard.games.list.title')}
      intro={t('dashboard.games.list.intro', { zone })}
      actions={
        <>
          <LiveBadge state={live} />
          {canHost ? (
            <Link to="/guilds/$guildId/games/new" params={{ guildId }} className="button button-primary">
              {t('dashboard.games.list.new')}
            </Link>
          ) : null}
        </>
      }
    >
      <form
        className="filters"
        aria-label={t('dashboard.games.list.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('dashboard.games.list.when')}</legend>
          {(['upcoming', 'past'] as const).map((when) => (
            <label key={when} className="segment">
              <input
                type="radio"
                name="when"
                value={when}
                checked={(search.when ?? 'upcoming') === when}
                onChange={() =>
                  void navigate({ search: (s) => ({ ...s, when: when === 'past' ? 'past' : undefined }) })
                }
              />
              <span>{t(`dashboard.games.list.${when}`)}</span>
            </label>
          ))}
        </fieldset>
        <label className="compact-control">
          <span className="compact-label">{t('dashboard.games.list.status')}</span>
          <select
            value={search.status ?? ''}
            onChange={(e) =>
              void navigate({
                search: (s) => ({ ...s, status: (e.target.value || undefined) as GameStatus | undefined }),
              })
            }
          >
            <option value="">{t('dashboard.games.list.anyStatus')}</option>
            {GAME_STATUS.map((s) => (
              <option key={s} value={s}>
                {t(`dashboard.games.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={search.mine ?? false}
            onChange={(e) =>
              void navigate({ search: (s) => ({ ...s, mine: e.target.checked ? true : undefined }) })
            }
          />
          {t('dashboard.games.list.mine')}
        </label>
      </form>

      {games.isPending ? <Loading /> : null}
      {games.isError ? <ErrorState error={games.error} retry={() => games.refetch()} /> : null}
      {games.isSuccess && items.length === 0 ? (
        <Empty>
          {search.when !== 'past' && !search.status && !search.mine
            ? t('dashboard.games.list.emptyUpcoming')
            : t('dashboard.games.list.empty')}
        </Empty>
      ) : null}
      {items.length > 0 ? (
        <ul className="game-list">
          {items.map((g) => (
            <li key={g.id} className="game-card">
              <div className="game-card-main">
                <h2 className="game-card-title">
                  <Link to="/guilds/$guildId/games/$gameId" params={{ guildId, gameId: g.id }}>
                    {g.title}
                  </Link>
                </h2>
                <p className="game-card-meta">
                  <When at={g.startsAt} zone={zone} />
                  {g.activity ? <> · {g.activity}</> : null}
                  {' · '}
                  {t('dashboard.games.list.hostedBy', { name: name(g.hostId) })}
                </p>
              </div>
              <div className="game-card-side">
                <StatusBadge status={g.status} />
                <Headcount confirmed={g.confirmedCount} max={g.maxPlayers} waiting={g.waitlistCount} />
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {games.hasNextPage ? (
        <button
          type="button"
          className="button"
          disabled={games.isFetchingNextPage}
          onClick={() => void games.fetchNextPage()}
        >
          {games.isFetchingNextPage ? t('dashboard.common.loading') : t('dashboard.games.list.more')}
        </button>
      ) : null}
    </Page>
  );
}
