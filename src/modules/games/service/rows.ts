import type { Executor } from '#platform/db/database.ts';
import { run } from '#platform/db/statement.ts';
import type { Recurrence } from '../time/recurrence.ts';
import type {
  CancelScope,
  Game,
  GameStatus,
  GameSummary,
  Participant,
  ParticipantState,
  SignupMethod,
} from '../types.ts';

/** Columns of a game as the service reads them (ids as text: snowflakes exceed JS numbers). */
export const GAME_COLUMNS = `
  g.id::text, g.guild_id::text, g.title, g.description, g.activity, g.channel_id::text, g.host_id::text,
  g.starts_at, g.timezone, g.duration_minutes, g.min_players, g.max_players, g.signup_method,
  g.signup_role_ids::text[] as signup_role_ids, g.role_signup_until, g.reminder_offsets_minutes,
  g.min_players_check_minutes, g.join_notification_delay_minutes, g.signup_instructions, g.post_at,
  g.recurrence, g.status, g.cancel_scope, g.announcement_message_id::text, g.thread_id::text, g.series_id::text,
  g.series_index, g.template_id::text, g.confirmed_count, g.waitlist_count, g.created_at, g.updated_at`;

export type GameRow = {
  id: string;
  guild_id: string;
  title: string;
  description: string | null;
  activity: string | null;
  channel_id: string | null;
  host_id: string;
  starts_at: Date | string;
  timezone: string;
  duration_minutes: number | null;
  min_players: number | null;
  max_players: number | null;
  signup_method: SignupMethod;
  signup_role_ids: string[] | string;
  role_signup_until: Date | string | null;
  reminder_offsets_minutes: number[] | string;
  min_players_check_minutes: number | null;
  join_notification_delay_minutes: number | null;
  signup_instructions: string | null;
  post_at: Date | string | null;
  recurrence: Recurrence | null;
  status: GameStatus;
  cancel_scope: CancelScope | null;
  announcement_message_id: string | null;
  thread_id: string | null;
  series_id: string | null;
  series_index: number;
  template_id: string | null;
  confirmed_count: number;
  waitlist_count: number;
  created_at: Date | string;
  updated_at: Date | string;
};

export type ParticipantRow = {
  user_id: string;
  state: ParticipantState;
  position: number;
  note: string | null;
  joined_at: Date | string;
};

/** PostgreSQL's JSON form of a UTC timestamptz, e.g. `2026-12-03T20:13:30.12+00:00`. */
const UTC_JSON = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00:00$/;

/** An ISO 8601 UTC string with milliseconds, as `Date#toISOString` gives (lists: without a Date). */
export const iso = (v: Date | string): string => {
  if (typeof v === 'string') {
    const m = UTC_JSON.exec(v);
    if (m) return `${m[1]}.${(m[2] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
  }
  return (v instanceof Date ? v : new Date(v)).toISOString();
};
export const isoOrNull = (v: Date | string | null): string | null => (v === null ? null : iso(v));

/** node-postgres parses arrays; PGlite too, but text fallbacks keep both drivers honest. */
export function textArray(v: string[] | string | null): string[] {
  if (v === null) return [];
  if (Array.isArray(v)) return v.map(String);
  const inner = v.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',') : [];
}

export function intArray(v: number[] | string | null): number[] {
  return textArray(v as string[] | string | null).map(Number);
}

export function toSummary(r: GameRow): GameSummary {
  return {
    id: r.id,
    guildId: r.guild_id,
    title: r.title,
    description: r.description,
    activity: r.activity,
    channelId: r.channel_id,
    hostId: r.host_id,
    startsAt: iso(r.starts_at),
    timezone: r.timezone,
    durationMinutes: r.duration_minutes,
    minPlayers: r.min_players,
    maxPlayers: r.max_players,
    signupMethod: r.signup_method,
    signupRoleIds: textArray(r.signup_role_ids),
    roleSignupUntil: isoOrNull(r.role_signup_until),
    reminderOffsetsMinutes: intArray(r.reminder_offsets_minutes),
    minPlayersCheckMinutes: r.min_players_check_minutes,
    joinNotificationDelayMinutes: r.join_notification_delay_minutes,
    signupInstructions: r.signup_instructions,
    postAt: isoOrNull(r.post_at),
    recurrence: r.recurrence,
    status: r.status,
    cancelScope: r.cancel_scope,
    announcementMessageId: r.announcement_message_id,
    threadId: r.thread_id,
    seriesId: r.series_id,
    seriesIndex: r.series_index,
    templateId: r.template_id,
    confirmedCount: r.confirmed_count,
    waitlistCount: r.waitlist_count,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export function toParticipant(r: ParticipantRow): Participant {
  return {
    userId: r.user_id,
    state: r.state,
    position: r.position,
    note: r.note,
    joinedAt: iso(r.joined_at),
  };
}

export const SELECT_GAME = `select ${GAME_COLUMNS} from games.games g where g.id = $1::uuid`;

/** Confirmed (incl. host_added) by position, then waitlisted, then declined. */
export const SELECT_PARTICIPANTS = `
select p.user_id::text, p.state, p.position, p.note, p.joined_at
  from games.participants p
 where p.game_id = $1::uuid
 order by case p.state when 'declined' then 2 when 'waitlisted' then 1 else 0 end, p.position`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => UUID.test(v);

/**
 * One game with its participants, from any transaction: `withGuild` (row-level security limits
 * it to that guild) or a consumer's `withSystem` transaction. Undefined when absent.
 */
export async function readGame(tx: Executor, gameId: string): Promise<Game | undefined> {
  if (!isUuid(gameId)) return undefined;
  const [row] = await run<GameRow>(tx, SELECT_GAME, [gameId]);
  if (!row) return undefined;
  const participants = await run<ParticipantRow>(tx, SELECT_PARTICIPANTS, [gameId]);
  return { ...toSummary(row), participants: participants.map(toParticipant) };
}

/**
 * A PostgreSQL array literal for a bound parameter (the `sql` template would spread a JS array
 * into a list of parameters). Strings are quoted and escaped; null becomes NULL.
 */
export function pgArray(values: readonly (string | number | boolean | null)[]): string {
  const item = (v: string | number | boolean | null) =>
    v === null
      ? 'NULL'
      : typeof v === 'string'
        ? `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`
        : String(v);
  return `{${values.map(item).join(',')}}`;
}
