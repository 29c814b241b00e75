import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { snowflake } from '#platform/db/columns.ts';
import type { Recurrence } from './time/recurrence.ts';
import type {
  CancelScope,
  GameStatus,
  ParticipantState,
  SignupMethod,
  TemplateDefaults,
  TemplateField,
} from './types.ts';

/** Drizzle's view of migrations/0001_games.sql (the SQL file is the source of truth). */
export const games = pgSchema('games');

const snowflakeArray = customType<{ data: string[]; driverData: string[] | string }>({
  dataType: () => 'bigint[]',
  toDriver: (v) => sql`${`{${v.join(',')}}`}::bigint[]` as unknown as string[],
  fromDriver: (v) => (Array.isArray(v) ? v.map(String) : parsePgArray(v)),
});

const intArray = customType<{ data: number[]; driverData: number[] | string }>({
  dataType: () => 'integer[]',
  toDriver: (v) => sql`${`{${v.join(',')}}`}::integer[]` as unknown as number[],
  fromDriver: (v) => (Array.isArray(v) ? v.map(Number) : parsePgArray(v).map(Number)),
});

function parsePgArray(v: string): string[] {
  const inner = v.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',') : [];
}

const tz = (name: string) => timestamp(name, { withTimezone: true });

export const gamesTable = games.table('games', {
  id: uuid('id').primaryKey(),
  guildId: snowflake('guild_id').notNull(),
  title: text('title').notNull(),
  description: text('description'),
  activity: text('activity'),
  channelId: snowflake('channel_id'),
  hostId: snowflake('host_id').notNull(),
  startsAt: tz('starts_at').notNull(),
  timezone: text('timezone').notNull(),
  durationMinutes: integer('duration_minutes'),
  minPlayers: integer('min_players'),
  maxPlayers: integer('max_players'),
  signupMethod: text('signup_method').$type<SignupMethod>().notNull(),
  signupRoleIds: snowflakeArray('signup_role_ids').notNull(),
  roleSignupUntil: tz('role_signup_until'),
  reminderOffsetsMinutes: intArray('reminder_offsets_minutes').notNull(),
  minPlayersCheckMinutes: integer('min_players_check_minutes'),
  joinNotificationDelayMinutes: integer('join_notification_delay_minutes'),
  signupInstructions: text('signup_instructions'),
  postAt: tz('post_at'),
  recurrence: jsonb('recurrence').$type<Recurrence>(),
  status: text('status').$type<GameStatus>().notNull(),
  cancelReason: text('cancel_reason'),
  cancelScope: text('cancel_scope').$type<CancelScope>(),
  announcementMessageId: snowflake('announcement_message_id'),
  threadId: snowflake('thread_id'),
  seriesId: uuid('series_id'),
  seriesIndex: integer('series_index').notNull(),
  templateId: uuid('template_id'),
  nextPosition: integer('next_position').notNull(),
  confirmedCount: integer('confirmed_count').notNull(),
  waitlistCount: integer('waitlist_count').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const participants = games.table(
  'participants',
  {
    gameId: uuid('game_id').notNull(),
    userId: snowflake('user_id').notNull(),
    guildId: snowflake('guild_id').notNull(),
    state: text('state').$type<ParticipantState>().notNull(),
    position: integer('position').notNull(),
    note: text('note'),
    priority: boolean('priority').notNull(),
    selfJoined: boolean('self_joined').notNull(),
    joinedAt: tz('joined_at').notNull().defaultNow(),
    updatedAt: tz('updated_at').notNull().defaultNow(),
    /** The game's start, copied by trigger (migration 0006) for keyset lists of a member's games. */
    startsAt: tz('starts_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.gameId, t.userId] })],
);

export const templates = games.table('templates', {
  id: uuid('id').primaryKey(),
  guildId: snowflake('guild_id').notNull(),
  name: text('name').notNull(),
  defaults: jsonb('defaults').$type<TemplateDefaults>().notNull(),
  locked: text('locked').array().$type<TemplateField[]>().notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const guildConfig = games.table('guild_config', {
  guildId: snowflake('guild_id').primaryKey(),
  announcementChannelIds: snowflakeArray('announcement_channel_ids').notNull(),
  hostRoleIds: snowflakeArray('host_role_ids').notNull(),
  defaultReminderOffsetsMinutes: intArray('default_reminder_offsets_minutes').notNull(),
  timezone: text('timezone'),
  threadPerGame: boolean('thread_per_game').notNull(),
  tempRole: boolean('temp_role').notNull(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
  updatedBy: snowflake('updated_by'),
});

export const reminderPrefs = games.table('reminder_prefs', {
  guildId: snowflake('guild_id').notNull(),
  userId: snowflake('user_id').notNull(),
  gameId: uuid('game_id'),
  muted: boolean('muted').notNull(),
  leadMinutes: integer('lead_minutes'),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});
