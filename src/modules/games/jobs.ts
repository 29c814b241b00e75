import { defineJobKind } from '#platform/scheduler/jobs.ts';
import {
  GAME_POST_DUE,
  GAME_SERIES_NEXT_DUE,
  GAME_STATUS_TRANSITION_DUE,
  MIN_PLAYERS_CHECK_DUE,
  NOTIFICATION_DUE,
  ROLE_SIGNUP_OPEN_DUE,
} from './events.ts';

const HOUR = 3_600_000;

/**
 * Scheduler job kinds of the games module. Keys are `games:<gameId>:<what>[:<n>]`, so scheduling
 * the same key again moves a job (editing the time) and `cancelPrefix('games:<gameId>:')` removes
 * every job of a game (cancelling it).
 */
export const REMINDER_JOB = defineJobKind({
  kind: 'games.reminder',
  event: NOTIFICATION_DUE,
  // A reminder hours late (schedulers were down) is noise; the game may have started already.
  maxLatenessMs: HOUR,
});

export const JOIN_NOTIFICATION_JOB = defineJobKind({
  kind: 'games.join_notification',
  event: NOTIFICATION_DUE,
  // Signup instructions stay useful for a while after the join.
  maxLatenessMs: 12 * HOUR,
});

/** Status transitions must happen however late: a game never stays IN_PROGRESS forever. */
export const STATUS_TRANSITION_JOB = defineJobKind({
  kind: 'games.status_transition',
  event: GAME_STATUS_TRANSITION_DUE,
});

/** Deferred posting: late is better than never (the announcement is the game's face). */
export const POST_JOB = defineJobKind({ kind: 'games.post', event: GAME_POST_DUE });

export const MIN_PLAYERS_CHECK_JOB = defineJobKind({
  kind: 'games.min_players_check',
  event: MIN_PLAYERS_CHECK_DUE,
  maxLatenessMs: HOUR,
});

/** ROLE_BASED: end of the listed roles' priority window; must run so the waitlist fills slots. */
export const ROLE_SIGNUP_OPEN_JOB = defineJobKind({
  kind: 'games.role_signup_open',
  event: ROLE_SIGNUP_OPEN_DUE,
});

/**
 * A cancelled occurrence keeps its series going: at its would-be end the next instance is
 * created, however late (a series must not stop because the schedulers were down).
 */
export const SERIES_NEXT_JOB = defineJobKind({ kind: 'games.series_next', event: GAME_SERIES_NEXT_DUE });

export const GAMES_JOB_KINDS = [
  REMINDER_JOB,
  JOIN_NOTIFICATION_JOB,
  STATUS_TRANSITION_JOB,
  POST_JOB,
  MIN_PLAYERS_CHECK_JOB,
  ROLE_SIGNUP_OPEN_JOB,
  SERIES_NEXT_JOB,
] as const;

/** Job keys of one game. */
export const jobKeys = {
  prefix: (gameId: string) => `games:${gameId}:`,
  reminder: (gameId: string, offsetMinutes: number) => `games:${gameId}:reminder:${offsetMinutes}`,
  userReminder: (gameId: string, userId: string) => `games:${gameId}:reminder-user:${userId}`,
  joinNotification: (gameId: string, userId: string) => `games:${gameId}:join:${userId}`,
  start: (gameId: string) => `games:${gameId}:status:IN_PROGRESS`,
  end: (gameId: string) => `games:${gameId}:status:COMPLETED`,
  post: (gameId: string) => `games:${gameId}:post`,
  minPlayers: (gameId: string) => `games:${gameId}:min-players`,
  roleSignupOpen: (gameId: string) => `games:${gameId}:role-signup-open`,
  seriesNext: (gameId: string) => `games:${gameId}:series-next`,
} as const;
