import { audit } from '#modules/core/audit.ts';
import type { Bus } from '#platform/bus/bus.ts';
import { defineConsumer, type Subscription } from '#platform/bus/subscription.ts';
import type { Tx } from '#platform/db/database.ts';
import { run } from '#platform/db/statement.ts';
import type { Scheduler } from '#platform/scheduler/scheduler.ts';
import { isGamesError } from '../errors.ts';
import {
  GAME_MIN_PLAYERS_WARNING,
  GAME_SERIES_NEXT_DUE,
  GAME_STATUS_CHANGED,
  GAME_STATUS_TRANSITION_DUE,
  MIN_PLAYERS_CHECK_DUE,
  NOTIFICATION_DUE,
  NOTIFICATION_SEND_DM,
  ROLE_SIGNUP_OPEN_DUE,
  WAITLIST_PROMOTED,
} from '../events.ts';
import { NOTIFICATION_KEYS } from '../messages.ts';
import { insertGame } from '../service/index.ts';
import { lockGame, priorityActive, Roster, rebalance } from '../service/participation.ts';
import { GAME_COLUMNS, type GameRow, readGame, toSummary } from '../service/rows.ts';
import { endOf } from '../service/schedules.ts';
import { seriesSource } from '../service/series.ts';
import { nextOccurrence } from '../time/recurrence.ts';
import type { GameSummary } from '../types.ts';

export type ConsumerDeps = {
  readonly bus: Bus;
  readonly scheduler: Scheduler;
  readonly now?: () => Date;
};

/** A job may fire a little before its due time as seen by this process's clock. */
const CLOCK_SKEW_MS = 5_000;

/** Confirmed participants to remind: not muted (for this game or all), without their own lead time. */
const REMINDER_RECIPIENTS = `
select p.user_id::text as user_id,
       coalesce(pg.lead_minutes, pa.lead_minutes) as lead_minutes
  from games.participants p
  left join games.reminder_prefs pg on pg.guild_id = p.guild_id and pg.user_id = p.user_id and pg.game_id = p.game_id
  left join games.reminder_prefs pa on pa.guild_id = p.guild_id and pa.user_id = p.user_id and pa.game_id is null
 where p.game_id = $1::uuid and p.state in ('confirmed', 'host_added')
   and not (coalesce(pg.muted, false) or coalesce(pa.muted, false))
   and ($2::bigint is null or p.user_id = $2::bigint)
 order by p.position`;

const SET_STATUS = `
update games.games g set status = $2, updated_at = now() where g.id = $1::uuid returning ${GAME_COLUMNS}`;

const PARTICIPANT_STATE = `
select state from games.participants where game_id = $1::uuid and user_id = $2::bigint`;

const MINUTE = 60_000;

/** A later instance of the series exists already (the game's row lock makes this check final). */
const HAS_SUCCESSOR = `
select 1 from games.games where series_id = $1::uuid and series_index > $2 limit 1`;

function dmParams(game: GameSummary, extra: Record<string, string | number> = {}) {
  return { title: game.title, startsAt: game.startsAt, ...extra };
}

/**
 * The games module's own consumers (the Discord side has its own): status transitions and the
 * next instance of a series, reminder fan-out into one DM per participant, join notifications,
 * the min-players warning and the end of a ROLE_BASED priority window. Each works in the
 * handler's transaction only, re-reads the current state and ignores what no longer applies
 * (a cancelled game, a moved time), so redeliveries and stale jobs are harmless.
 */
export function gamesConsumers(deps: ConsumerDeps): Subscription[] {
  const now = deps.now ?? (() => new Date());
  const { bus, scheduler } = deps;

  async function transition(tx: Tx, gameId: string, to: 'IN_PROGRESS' | 'COMPLETED') {
    let game: GameSummary;
    try {
      game = await lockGame(tx, gameId);
    } catch (error) {
      if (isGamesError(error, 'GAME_NOT_FOUND')) return;
      throw error;
    }
    const at = now().getTime() + CLOCK_SKEW_MS;
    if (to === 'IN_PROGRESS' && (game.status !== 'SCHEDULED' || at < new Date(game.startsAt).getTime()))
      return;
    if (
      to === 'COMPLETED' &&
      ((game.status !== 'SCHEDULED' && game.status !== 'IN_PROGRESS') || at < endOf(game).getTime())
    )
      return;
    const [row] = await run<GameRow>(tx, SET_STATUS, [gameId, to]);
    if (!row) return;
    const guildId = game.guildId;
    await bus.publish(tx, GAME_STATUS_CHANGED.of({ gameId, from: game.status, to }, { guildId }));
    await audit(tx, {
      guildId,
      actor: 'system',
      action: 'games.status',
      target: `game:${gameId}`,
      before: { status: game.status },
      after: { status: to },
    });
    if (to === 'COMPLETED' && game.recurrence) await createNext(tx, toSummary(row));
  }

  /**
   * The series' next instance, computed on the wall clock of the game's zone (DST-safe). Exactly
   * once per instance: the caller holds the game's row lock, and an instance with a successor
   * already (a redelivery, a retried job — perhaps so late that "next after now" would name a
   * later index) creates nothing; (series, index) is unique besides.
   */
  async function createNext(tx: Tx, instance: GameSummary) {
    if (!instance.recurrence) return;
    const seriesId = instance.seriesId ?? instance.id;
    const [successor] = await run(tx, HAS_SUCCESSOR, [seriesId, instance.seriesIndex]);
    if (successor) return;
    // The series' own settings when a "this game only" edit changed the instance.
    const game = await seriesSource(tx, instance);
    if (!game.recurrence) return;
    const start = new Date(game.startsAt);
    const after = new Date(Math.max(start.getTime(), now().getTime()));
    const next = nextOccurrence(start, game.timezone, game.recurrence, after);
    if (!next) return;
    const shift = (iso: string | null) => {
      if (!iso) return null;
      const d = new Date(new Date(iso).getTime() + (next.at.getTime() - start.getTime()));
      return d.getTime() > now().getTime() ? d : null;
    };
    await insertGame(
      tx,
      { bus, scheduler },
      game.guildId,
      {
        title: game.title,
        description: game.description,
        activity: game.activity,
        channelId: game.channelId,
        hostId: game.hostId,
        startsAt: next.at,
        timezone: game.timezone,
        durationMinutes: game.durationMinutes,
        minPlayers: game.minPlayers,
        maxPlayers: game.maxPlayers,
        signupMethod: game.signupMethod,
        signupRoleIds: game.signupRoleIds,
        roleSignupUntil: shift(game.roleSignupUntil),
        reminderOffsetsMinutes: game.reminderOffsetsMinutes,
        minPlayersCheckMinutes: game.minPlayersCheckMinutes,
        joinNotificationDelayMinutes: game.joinNotificationDelayMinutes,
        signupInstructions: game.signupInstructions,
        postAt: shift(game.postAt),
        recurrence: game.recurrence,
      },
      {
        actor: 'system',
        now: now(),
        seriesId,
        seriesIndex: game.seriesIndex + next.index,
        templateId: game.templateId,
      },
    );
  }

  const statusTransition = defineConsumer(
    'worker.games.status_transition',
    GAME_STATUS_TRANSITION_DUE,
    async (event, ctx) => {
      const { gameId, to } = event.payload;
      if (to !== 'IN_PROGRESS' && to !== 'COMPLETED') return;
      await transition(ctx.tx, gameId, to);
    },
  );

  const notifications = defineConsumer(
    'worker.games.notification_fanout',
    NOTIFICATION_DUE,
    async (event, ctx) => {
      const { gameId, kind, userId } = event.payload;
      const game = await readGame(ctx.tx, gameId);
      if (!game) return;
      const guildId = game.guildId;
      if (kind === 'join_notification') {
        if (!userId || !game.signupInstructions) return;
        if (game.status === 'CANCELLED' || game.status === 'COMPLETED') return;
        const [p] = await run<{ state: string }>(ctx.tx, PARTICIPANT_STATE, [gameId, userId]);
        if (!p || p.state === 'declined') return;
        await bus.publish(
          ctx.tx,
          NOTIFICATION_SEND_DM.of(
            {
              guildId,
              userId,
              gameId,
              messageKey: NOTIFICATION_KEYS.signupInstructions,
              params: dmParams(game, { instructions: game.signupInstructions }),
            },
            { guildId, correlationId: event.correlationId },
          ),
        );
        return;
      }
      if (game.status !== 'SCHEDULED') return;
      // Fired for an earlier time and the game moved later since: the moved job will remind.
      const offset = event.payload.offsetMinutes;
      const dueAt = new Date(game.startsAt).getTime() - (offset ?? 0) * MINUTE;
      if (offset !== undefined && now().getTime() + CLOCK_SKEW_MS < dueAt) return;
      // A per-user job belongs to a lead time: stale if the game moved since (the job was moved too).
      const recipients = await run<{ user_id: string; lead_minutes: number | null }>(
        ctx.tx,
        REMINDER_RECIPIENTS,
        [gameId, userId ?? null],
      );
      const due = recipients.filter((r) => (userId ? r.lead_minutes !== null : r.lead_minutes === null));
      const minutes = Math.max(0, Math.round((new Date(game.startsAt).getTime() - now().getTime()) / MINUTE));
      await bus.publish(
        ctx.tx,
        ...due.map((r) =>
          NOTIFICATION_SEND_DM.of(
            {
              guildId,
              userId: r.user_id,
              gameId,
              messageKey: NOTIFICATION_KEYS.reminder,
              params: dmParams(game, { minutes }),
            },
            { guildId, correlationId: event.correlationId },
          ),
        ),
      );
    },
  );

  const minPlayers = defineConsumer(
    'worker.games.min_players_check',
    MIN_PLAYERS_CHECK_DUE,
    async (event, ctx) => {
      const game = await readGame(ctx.tx, event.payload.gameId);
      if (!game) return;
      if (game.status !== 'SCHEDULED' || game.minPlayers === null) return;
      if (game.confirmedCount >= game.minPlayers) return;
      const guildId = game.guildId;
      await bus.publish(
        ctx.tx,
        GAME_MIN_PLAYERS_WARNING.of(
          { gameId: game.id, confirmed: game.confirmedCount, minPlayers: game.minPlayers },
          { guildId, correlationId: event.correlationId },
        ),
        NOTIFICATION_SEND_DM.of(
          {
            guildId,
            userId: game.hostId,
            gameId: game.id,
            messageKey: NOTIFICATION_KEYS.minPlayers,
            params: dmParams(game, { confirmed: game.confirmedCount, minPlayers: game.minPlayers }),
          },
          { guildId, correlationId: event.correlationId },
        ),
      );
    },
  );

  const roleSignupOpen = defineConsumer(
    'worker.games.role_signup_open',
    ROLE_SIGNUP_OPEN_DUE,
    async (event, ctx) => {
      let roster: Roster;
      try {
        roster = await Roster.load(ctx.tx, event.payload.gameId);
      } catch (error) {
        if (isGamesError(error, 'GAME_NOT_FOUND')) return;
        throw error;
      }
      const game = roster.game;
      const at = now();
      if (game.status !== 'SCHEDULED' && game.status !== 'IN_PROGRESS') return;
      // Moved later since: the moved job will come.
      if (priorityActive(game, new Date(at.getTime() + CLOCK_SKEW_MS))) return;
      const moved = rebalance(roster, new Date(at.getTime() + CLOCK_SKEW_MS));
      if (moved.promoted.length + moved.demoted.length === 0) return;
      await roster.save(ctx.tx);
      await bus.publish(
        ctx.tx,
        ...moved.promoted.map((userId) =>
          WAITLIST_PROMOTED.of(
            { gameId: game.id, userId },
            { guildId: game.guildId, correlationId: event.correlationId },
          ),
        ),
      );
    },
  );

  /**
   * A cancelled occurrence's would-be end: its series goes on. Only while the cancellation was of
   * this occurrence alone (a later "cancel the series" turns it into `series` and drops the job,
   * but a delivery already on its way must still do nothing). No time check: the job exists only
   * for that end, and a cancelled game's time cannot change any more.
   */
  const seriesNext = defineConsumer('worker.games.series_next', GAME_SERIES_NEXT_DUE, async (event, ctx) => {
    let game: GameSummary;
    try {
      game = await lockGame(ctx.tx, event.payload.gameId);
    } catch (error) {
      if (isGamesError(error, 'GAME_NOT_FOUND')) return;
      throw error;
    }
    if (game.status !== 'CANCELLED' || game.cancelScope !== 'occurrence' || !game.recurrence) return;
    await createNext(ctx.tx, game);
  });

  return [statusTransition, notifications, minPlayers, roleSignupOpen, seriesNext];
}
