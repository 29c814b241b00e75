import type { Tx } from '#platform/db/database.ts';
import { run } from '#platform/db/statement.ts';
import type { Scheduler } from '#platform/scheduler/scheduler.ts';
import {
  JOIN_NOTIFICATION_JOB,
  jobKeys,
  MIN_PLAYERS_CHECK_JOB,
  POST_JOB,
  REMINDER_JOB,
  ROLE_SIGNUP_OPEN_JOB,
  STATUS_TRANSITION_JOB,
} from '../jobs.ts';
import type { GameSummary } from '../types.ts';
import { DEFAULT_DURATION_MINUTES, DEFAULT_MIN_PLAYERS_CHECK_MINUTES } from './validate.ts';

const MINUTE = 60_000;

/** When a game completes: its end, or the default duration after its start. */
export function endOf(game: Pick<GameSummary, 'startsAt' | 'durationMinutes'>): Date {
  return new Date(
    new Date(game.startsAt).getTime() + (game.durationMinutes ?? DEFAULT_DURATION_MINUTES) * MINUTE,
  );
}

/** Jobs that follow the game's own time (everything but join notifications, which follow a join). */
const TIMED_PREFIXES = (gameId: string) => [
  `games:${gameId}:reminder`,
  `games:${gameId}:status:`,
  jobKeys.post(gameId),
  jobKeys.minPlayers(gameId),
  jobKeys.roleSignupOpen(gameId),
];

/** Members of the game (not declined) with their own lead time and not muted. */
const LEAD_PREFS = `
select p.user_id::text as user_id, coalesce(pg.lead_minutes, pa.lead_minutes) as lead_minutes
  from games.participants p
  left join games.reminder_prefs pg on pg.guild_id = p.guild_id and pg.user_id = p.user_id and pg.game_id = p.game_id
  left join games.reminder_prefs pa on pa.guild_id = p.guild_id and pa.user_id = p.user_id and pa.game_id is null
 where p.game_id = $1::uuid and p.state <> 'declined'
   and coalesce(pg.lead_minutes, pa.lead_minutes) is not null
   and not coalesce(pg.muted, pa.muted, false)`;

/**
 * Every scheduled job of a game, from its current settings: reminders, the status transitions,
 * deferred posting, the min-players check and the end of a ROLE_BASED priority window. Times
 * already past are left out (a reminder for a game that starts in five minutes would be late).
 */
export async function scheduleGame(
  tx: Tx,
  scheduler: Scheduler,
  game: GameSummary,
  now: Date,
  options: { readonly reschedule?: boolean } = {},
): Promise<void> {
  const { id: gameId, guildId } = game;
  if (options.reschedule)
    for (const prefix of TIMED_PREFIXES(gameId)) await scheduler.cancelPrefix(tx, prefix);
  if (game.status === 'CANCELLED' || game.status === 'COMPLETED') return;
  const start = new Date(game.startsAt);
  const future = (d: Date) => d.getTime() > now.getTime();
  if (game.status === 'SCHEDULED') {
    for (const offset of game.reminderOffsetsMinutes) {
      const dueAt = new Date(start.getTime() - offset * MINUTE);
      if (future(dueAt))
        await scheduler.schedule(tx, {
          key: jobKeys.reminder(gameId, offset),
          kind: REMINDER_JOB,
          dueAt,
          guildId,
          payload: { gameId, kind: 'reminder', offsetMinutes: offset },
        });
    }
    await scheduler.schedule(tx, {
      key: jobKeys.start(gameId),
      kind: STATUS_TRANSITION_JOB,
      dueAt: start,
      guildId,
      payload: { gameId, to: 'IN_PROGRESS' },
    });
    if (game.postAt && future(new Date(game.postAt)))
      await scheduler.schedule(tx, {
        key: jobKeys.post(gameId),
        kind: POST_JOB,
        dueAt: new Date(game.postAt),
        guildId,
        payload: { gameId },
      });
    if (game.minPlayers !== null) {
      const dueAt = new Date(
        start.getTime() - (game.minPlayersCheckMinutes ?? DEFAULT_MIN_PLAYERS_CHECK_MINUTES) * MINUTE,
      );
      if (future(dueAt))
        await scheduler.schedule(tx, {
          key: jobKeys.minPlayers(gameId),
          kind: MIN_PLAYERS_CHECK_JOB,
          dueAt,
          guildId,
          payload: { gameId },
        });
    }
    if (game.signupMethod === 'ROLE_BASED' && game.roleSignupUntil && future(new Date(game.roleSignupUntil)))
      await scheduler.schedule(tx, {
        key: jobKeys.roleSignupOpen(gameId),
        kind: ROLE_SIGNUP_OPEN_JOB,
        dueAt: new Date(game.roleSignupUntil),
        guildId,
        payload: { gameId },
      });
    if (options.reschedule) {
      const leads = await run<{ user_id: string; lead_minutes: number }>(tx, LEAD_PREFS, [gameId]);
      for (const lead of leads)
        await scheduleUserReminder(tx, scheduler, game, lead.user_id, lead.lead_minutes, now);
    }
  }
  await scheduler.schedule(tx, {
    key: jobKeys.end(gameId),
    kind: STATUS_TRANSITION_JOB,
    dueAt: endOf(game),
    guildId,
    payload: { gameId, to: 'COMPLETED' },
  });
}

/** A member's own reminder (their lead time instead of the game's reminders). */
export async function scheduleUserReminder(
  tx: Tx,
  scheduler: Scheduler,
  game: Pick<GameSummary, 'id' | 'guildId' | 'startsAt' | 'status'>,
  userId: string,
  leadMinutes: number | null,
  now: Date,
): Promise<void> {
  const key = jobKeys.userReminder(game.id, userId);
  const dueAt =
    leadMinutes === null ? null : new Date(new Date(game.startsAt).getTime() - leadMinutes * MINUTE);
  if (game.status !== 'SCHEDULED' || dueAt === null || dueAt.getTime() <= now.getTime()) {
    await scheduler.cancel(tx, key);
    return;
  }
  await scheduler.schedule(tx, {
    key,
    kind: REMINDER_JOB,
    dueAt,
    guildId: game.guildId,
    payload: { gameId: game.id, kind: 'reminder', offsetMinutes: leadMinutes ?? 0, userId },
  });
}

/** The joiner's signup instructions, after the game's join delay. */
export async function scheduleJoinNotification(
  tx: Tx,
  scheduler: Scheduler,
  game: Pick<GameSummary, 'id' | 'guildId' | 'joinNotificationDelayMinutes'>,
  userId: string,
  now: Date,
): Promise<void> {
  await scheduler.schedule(tx, {
    key: jobKeys.joinNotification(game.id, userId),
    kind: JOIN_NOTIFICATION_JOB,
    dueAt: new Date(now.getTime() + (game.joinNotificationDelayMinutes ?? 0) * MINUTE),
    guildId: game.guildId,
    payload: { gameId: game.id, kind: 'join_notification', userId },
  });
}

/** Cancelling removes every pending job of the game, join notifications included. */
export async function unscheduleGame(tx: Tx, scheduler: Scheduler, gameId: string): Promise<number> {
  return scheduler.cancelPrefix(tx, jobKeys.prefix(gameId));
}
