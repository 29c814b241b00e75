import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import { ApiError } from '../api/problem.ts';
import { guildQuery, meQuery } from '../api/queries.ts';
import { type MessageKey, useT } from '../i18n/i18n.ts';
import { Page } from '../ui/page.tsx';
import { ErrorState, InlineError, Loading } from '../ui/states.tsx';
import { formatDateTime } from '../ui/time.ts';
import { StatusBadge, When } from './game-bits.tsx';
import { useGamesLive } from './live.ts';
import { LiveBadge } from './live-badge.tsx';
import { useMemberNames } from './names.ts';
import { channelsQuery, type Game, gameQuery, gamesKey, membersQuery, type Participant } from './queries.ts';
import { GameReminderToggle } from './reminders-page.tsx';
import { viewerZone } from './zoned.ts';

const route = getRouteApi('/app/guilds/$guildId/games/$gameId/');

const isConfirmed = (p: Participant) => p.state === 'confirmed' || p.state === 'host_added';

/** One game: when, who hosts, who plays and waits, and what the viewer (and its host) can do. */
export function GamePage() {
  const { t, locale } = useT();
  const { guildId, gameId } = route.useParams();
  const game = useQuery(gameQuery(guildId, gameId));
  const guild = useQuery(guildQuery(guildId));
  const me = useQuery(meQuery);
  const channels = useQuery(channelsQuery(guildId));
  const live = useGamesLive(guildId);
  const name = useMemberNames(guildId);
  const zone = viewerZone();

  if (game.isPending) return <Loading />;
  if (game.isError) {
    const gone = game.error instanceof ApiError && game.error.status === 404;
    return (
      <Page title={gone ? t('dashboard.errors.notFoundTitle') : t('dashboard.errors.pageFailed')}>
        <ErrorState error={game.error} {...(gone ? {} : { retry: () => game.refetch() })} />
        <Link to="/guilds/$guildId/games" params={{ guildId }} className="button">
          {t('dashboard.games.detail.back')}
        </Link>
      </Page>
    );
  }
  const g = game.data;
  const myId = me.data?.user.id;
  const manage = Boolean(guild.data?.you.admin || (myId && g.hostId === myId));
  const confirmed = g.participants.filter(isConfirmed);
  const waitlisted = g.participants.filter((p) => p.state === 'waitlisted');
  const declined = g.participants.filter((p) => p.state === 'declined');
  const mine = g.participants.find((p) => p.userId === myId);
  const ends = g.durationMinutes
    ? new Date(Date.parse(g.startsAt) + g.durationMinutes * 60_000).toISOString()
    : null;
  const channel = channels.data?.find((c) => c.id === g.channelId);
  const open = g.status === 'SCHEDULED' || g.status === 'IN_PROGRESS';

  return (
    <Page
      title={g.title}
      intro={
        <>
          <StatusBadge status={g.status} /> {g.activity ?? ''}
        </>
      }
      actions={
        <>
          <LiveBadge state={live} />
          {manage && open ? (
            <Link to="/guilds/$guildId/games/$gameId/edit" params={{ guildId, gameId }} className="button">
              {t('dashboard.games.detail.edit')}
            </Link>
          ) : null}
        </>
      }
    >
      <p>
        <Link to="/guilds/$guildId/games" params={{ guildId }}>
          ← {t('dashboard.games.detail.back')}
        </Link>
      </p>
      {g.status === 'CANCELLED' ? <CancelledNotice guildId={guildId} game={g} manage={manage} /> : null}
      <dl className="facts">
        <div>
          <dt>{t('dashboard.games.detail.starts')}</dt>
          <dd>
            <When at={g.startsAt} zone={zone} style="full" />
            {g.timezone !== zone ? (
              <span className="muted small block">
                {t('dashboard.games.detail.guildTime', {
                  time: `${formatDateTime(g.startsAt, locale, { timeZone: g.timezone, dateStyle: 'medium', timeStyle: 'short' })} (${g.timezone})`,
                })}
              </span>
            ) : null}
          </dd>
        </div>
        {ends ? (
          <div>
            <dt>{t('dashboard.games.detail.ends')}</dt>
            <dd>
              <When at={ends} zone={zone} />
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('dashboard.games.detail.host')}</dt>
          <dd>{name(g.hostId)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.games.detail.channel')}</dt>
          <dd>
            {!g.channelId
              ? t('dashboard.games.detail.notAnnounced')
              : channel
                ? `#${channel.name}`
                : channels.isPending
                  ? '#…'
                  : `#${g.channelId}`}
          </dd>
        </div>
        <div>
          <dt>{t('dashboard.games.detail.signup')}</dt>
          <dd>{t(`dashboard.games.signup.${g.signupMethod}` as MessageKey)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.games.detail.reminders')}</dt>
          <dd>
            {g.reminderOffsetsMinutes.length > 0
              ? t('dashboard.games.detail.remindersList', { list: g.reminderOffsetsMinutes.join(', ') })
              : t('dashboard.games.detail.noReminders')}
          </dd>
        </div>
      </dl>
      {g.description ? (
        <section className="game-text">
          <h2>{t('dashboard.games.detail.description')}</h2>
          <p className="prewrap">{g.description}</p>
        </section>
      ) : null}
      {g.signupInstructions && mine ? (
        <section className="game-text">
          <h2>{t('dashboard.games.detail.instructions')}</h2>
          <p className="prewrap">{g.signupInstructions}</p>
        </section>
      ) : null}

      {open && myId ? <YourPlace guildId={guildId} game={g} mine={mine} /> : null}

      <div className="rosters">
        <Roster
          id="players"
          title={
            g.maxPlayers
              ? t('dashboard.games.detail.playersCount', { confirmed: confirmed.length, max: g.maxPlayers })
              : t('dashboard.games.detail.playersCountOpen', { confirmed: confirmed.length })
          }
          people={confirmed}
          guildId={guildId}
          game={g}
          manage={manage && open}
          myId={myId}
          name={name}
        />
        <Roster
          id="waitlist"
          title={t('dashboard.games.detail.waitlist', { count: waitlisted.length })}
          people={waitlisted}
          guildId={guildId}
          game={g}
          manage={manage && open}
          myId={myId}
          name={name}
          promote
        />
        {declined.length > 0 ? (
          <Roster
            id="declined"
            title={t('dashboard.games.detail.declined', { count: declined.length })}
            people={declined}
            guildId={guildId}
            game={g}
            manage={false}
            myId={myId}
            name={name}
          />
        ) : null}
      </div>

      {manage && open ? <HostActions guildId={guildId} game={g} /> : null}

      <p className="actions-row">
        <a className="button" href={`/api/v1/guilds/${guildId}/games/${gameId}.ics`} download>
          {t('dashboard.games.detail.calendarFile')}
        </a>
      </p>
    </Page>
  );
}

function useGameAction(guildId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (run: () => Promise<unknown>) => run(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: gamesKey(guildId) }),
  });
}

function YourPlace({ guildId, game, mine }: { guildId: string; game: Game; mine: Participant | undefined }) {
  const { t } = useT();
  const [note, setNote] = useState('');
  const action = useGameAction(guildId);
  const path = { guildId, gameId: game.id };
  const joined = mine && mine.state !== 'declined';
  const full = game.maxPlayers !== null && game.confirmedCount >= game.maxPlayers;
  const join = (e: FormEvent) => {
    e.preventDefault();
    action.mutate(async () =>
      unwrap(
        await api.POST('/api/v1/guilds/{guildId}/games/{gameId}/join', {
          params: { path },
          body: note.trim() ? { note: note.trim() } : {},
        }),
      ),
    );
  };
  return (
    <section className="your-place card" aria-labelledby="your-place-title">
      <h2 id="your-place-title">
        {mine
          ? t('dashboard.games.detail.yourState', {
              state: t(`dashboard.games.state.${mine.state}` as MessageKey),
            })
          : t('dashboard.games.detail.areYouIn')}
      </h2>
      <form className="your-place-form" onSubmit={join}>
        {!joined ? (
          <>
            <label className="field">
              <span className="field-label">{t('dashboard.games.detail.yourNote')}</span>
              <input value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
            </label>
            <button type="submit" className="button button-primary" disabled={action.isPending}>
              {full ? t('dashboard.games.detail.joinWaitlist') : t('dashboard.games.detail.join')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button"
            disabled={action.isPending}
            onClick={() =>
              action.mutate(async () =>
                unwrap(await api.POST('/api/v1/guilds/{guildId}/games/{gameId}/leave', { params: { path } })),
              )
            }
          >
            {t('dashboard.games.detail.leave')}
          </button>
        )}
        {mine?.state !== 'declined' ? (
          <button
            type="button"
            className="button button-quiet"
            disabled={action.isPending}
            onClick={() =>
              action.mutate(async () =>
                unwrap(
                  await api.POST('/api/v1/guilds/{guildId}/games/{gameId}/decline', { params: { path } }),
                ),
              )
            }
          >
            {t('dashboard.games.detail.decline')}
          </button>
        ) : null}
      </form>
      {joined ? <GameReminderToggle guildId={guildId} gameId={game.id} /> : null}
      <InlineError error={action.error} />
    </section>
  );
}

function Roster({
  id,
  title,
  people,
  guildId,
  game,
  manage,
  myId,
  name,
  promote = false,
}: {
  id: string;
  title: string;
  people: Participant[];
  guildId: string;
  game: Game;
  manage: boolean;
  myId: string | undefined;
  name: (id: string) => string;
  promote?: boolean;
}) {
  const { t, locale } = useT();
  const action = useGameAction(guildId);
  const path = { guildId, gameId: game.id };
  return (
    <section className="roster" aria-labelledby={`${id}-title`} data-roster={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {people.length === 0 ? <p className="muted">{t('dashboard.games.detail.nobody')}</p> : null}
      <ol className="roster-list">
        {people.map((p) => {
          const who = name(p.userId);
          return (
            <li key={p.userId} className="roster-person">
              <div>
                <span className="roster-name">
                  {who}
                  {p.userId === myId ? ` (${t('dashboard.games.detail.you')})` : ''}
                </span>
                {p.state === 'host_added' ? (
                  <span className="badge">{t('dashboard.games.state.host_added')}</span>
                ) : null}
                {p.note ? <span className="roster-note">“{p.note}”</span> : null}
                <span className="muted small block">
                  <time dateTime={p.joinedAt}>{formatDateTime(p.joinedAt, locale)}</time>
                </span>
              </div>
              {manage ? (
                <div className="roster-actions">
                  {promote ? (
                    <button
                      type="button"
                      className="button"
                      aria-label={t('dashboard.games.detail.promoteNamed', { name: who })}
                      disabled={action.isPending}
                      onClick={() =>
                        action.mutate(async () =>
                          unwrap(
                            await api.POST(
                              '/api/v1/guilds/{guildId}/games/{gameId}/participants/{userId}/promote',
                              {
                                params: { path: { ...path, userId: p.userId } },
                              },
                            ),
                          ),
                        )
                      }
                    >
                      {t('dashboard.games.detail.promote')}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="button button-danger"
                    aria-label={t('dashboard.games.detail.removeNamed', { name: who })}
                    disabled={action.isPending}
                    onClick={() =>
                      action.mutate(async () =>
                        unwrap(
                          await api.DELETE('/api/v1/guilds/{guildId}/games/{gameId}/participants/{userId}', {
                            params: { path: { ...path, userId: p.userId } },
                          }),
                        ),
                      )
                    }
                  >
                    {t('dashboard.games.detail.remove')}
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      <InlineError error={action.error} />
    </section>
  );
}

type CancelScope = 'occurrence' | 'series';

/**
 * What a cancellation covered. A cancelled occurrence of a repeating game lets its host end the
 * rest of the series afterwards ("this week is off" first, "we stop altogether" later).
 */
function CancelledNotice({ guildId, game, manage }: { guildId: string; game: Game; manage: boolean }) {
  const { t } = useT();
  const action = useGameAction(guildId);
  const recurring = game.recurrence !== null;
  const text = !recurring
    ? t('dashboard.games.detail.cancelled')
    : game.cancelScope === 'occurrence'
      ? t('dashboard.games.detail.cancelledOccurrence')
      : t('dashboard.games.detail.cancelledSeries');
  return (
    <div className="notice">
      <p>{text}</p>
      {manage && recurring && game.cancelScope === 'occurrence' ? (
        <button
          type="button"
          className="button button-danger"
          disabled={action.isPending}
          onClick={() =>
            action.mutate(async () =>
              unwrap(
                await api.DELETE('/api/v1/guilds/{guildId}/games/{gameId}', {
                  params: { path: { guildId, gameId: game.id }, query: { scope: 'series' } },
                }),
              ),
            )
          }
        >
          {t('dashboard.games.detail.endSeries')}
        </button>
      ) : null}
      <InlineError error={action.error} />
    </div>
  );
}

function HostActions({ guildId, game }: { guildId: string; game: Game }) {
  const { t } = useT();
  const members = useQuery(membersQuery(guildId));
  const action = useGameAction(guildId);
  const [userId, setUserId] = useState('');
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [reason, setReason] = useState('');
  // A repeating game asks which: this one (the series goes on) or the rest of the series.
  const recurring = game.recurrence !== null;
  const [scope, setScope] = useState<CancelScope>('occurrence');
  const path = { guildId, gameId: game.id };
  const inGame = new Set(game.participants.filter((p) => p.state !== 'declined').map((p) => p.userId));
  const candidates = (members.data ?? []).filter((m) => !inGame.has(m.id));

  return (
    <section className="host-actions card" aria-labelledby="host-actions-title">
      <h2 id="host-actions-title">{t('dashboard.games.detail.hostActions')}</h2>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!userId) return;
          action.mutate(async () => {
            const res = unwrap(
              await api.PUT('/api/v1/guilds/{guildId}/games/{gameId}/participants/{userId}', {
                params: { path: { ...path, userId } },
                body: {},
              }),
            );
            setUserId('');
            return res;
          });
        }}
      >
        <label className="field">
          <span className="field-label">{t('dashboard.games.detail.addWho')}</span>
          <select value={userId} onChange={(e) => setUserId(e.target.value)} disabled={members.isPending}>
            <option value="">{members.isPending ? t('dashboard.common.loading') : '—'}</option>
            {candidates.map((m) => (
              <option key={m.id} value={m.id}>
                {m.displayName}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button" disabled={!userId || action.isPending}>
          {t('dashboard.games.detail.addButton')}
        </button>
      </form>

      {!confirmCancel ? (
        <button type="button" className="button button-danger" onClick={() => setConfirmCancel(true)}>
          {t('dashboard.games.detail.cancelGame')}
        </button>
      ) : (
        <form
          className="confirm"
          onSubmit={(e) => {
            e.preventDefault();
            action.mutate(async () =>
              unwrap(
                await api.DELETE('/api/v1/guilds/{guildId}/games/{gameId}', {
                  params: {
                    path,
                    query: {
                      ...(reason.trim() ? { reason: reason.trim() } : {}),
                      ...(recurring ? { scope } : {}),
                    },
                  },
                }),
              ),
            );
            setConfirmCancel(false);
          }}
        >
          <p>{t('dashboard.games.detail.cancelConfirm', { title: game.title })}</p>
          {recurring ? (
            <fieldset className="choices">
              <legend>{t('dashboard.games.detail.cancelWhich')}</legend>
              {(['occurrence', 'series'] as const).map((s) => (
                <label key={s} className="choice">
                  <input
                    type="radio"
                    name="cancel-scope"
                    value={s}
                    checked={scope === s}
                    onChange={() => setScope(s)}
                  />
                  <span>{t(`dashboard.games.detail.cancelScope.${s}`)}</span>
                </label>
              ))}
            </fieldset>
          ) : null}
          <label className="field">
            <span className="field-label">{t('dashboard.games.detail.cancelReason')}</span>
            <input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
          </label>
          <div className="actions-row">
            <button type="submit" className="button button-danger">
              {t('dashboard.games.detail.cancelGame')}
            </button>
            <button type="button" className="button" onClick={() => setConfirmCancel(false)}>
              {t('dashboard.common.cancel')}
            </button>
          </div>
        </form>
      )}
      <InlineError error={action.error} />
    </section>
  );
}
