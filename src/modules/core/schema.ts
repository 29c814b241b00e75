import { sql } from 'drizzle-orm';
import {
  bigint,
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

/** Drizzle's view of migrations/*.sql (the SQL files are the source of truth). */
export const core = pgSchema('core');

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

const snowflakeArray = customType<{ data: string[]; driverData: string[] | string }>({
  dataType: () => 'bigint[]',
  toDriver: (v) => sql`${`{${v.join(',')}}`}::bigint[]` as unknown as string[],
  fromDriver: (v) => (Array.isArray(v) ? v.map(String) : parsePgArray(v)),
});

function parsePgArray(v: string): string[] {
  const inner = v.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',') : [];
}

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export const guilds = core.table('guilds', {
  id: snowflake('id').primaryKey(),
  name: text('name').notNull(),
  icon: text('icon'),
  ownerId: snowflake('owner_id').notNull(),
  botPresent: boolean('bot_present').notNull().default(true),
  ...timestamps,
});

export const users = core.table('users', {
  id: snowflake('id').primaryKey(),
  username: text('username').notNull(),
  globalName: text('global_name'),
  avatar: text('avatar'),
  locale: text('locale'),
  ...timestamps,
});

export const guildRoles = core.table(
  'guild_roles',
  {
    guildId: snowflake('guild_id').notNull(),
    id: snowflake('id').notNull(),
    name: text('name').notNull(),
    permissions: bigint('permissions', { mode: 'bigint' }).notNull().default(0n),
    position: integer('position').notNull().default(0),
    color: integer('color').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.guildId, t.id] })],
);

export const guildMembers = core.table(
  'guild_members',
  {
    guildId: snowflake('guild_id').notNull(),
    userId: snowflake('user_id').notNull(),
    nickname: text('nickname'),
    roleIds: snowflakeArray('role_ids').notNull().default([]),
    joinedAt: timestamp('joined_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.guildId, t.userId] })],
);

export type CapabilityRoles = Partial<Record<string, string[]>>;

export const guildSettings = core.table('guild_settings', {
  guildId: snowflake('guild_id').primaryKey(),
  timezone: text('timezone').notNull().default('UTC'),
  locale: text('locale').notNull().default('en'),
  enabledModules: text('enabled_modules').array().notNull().default([]),
  capabilityRoles: jsonb('capability_roles').$type<CapabilityRoles>().notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: snowflake('updated_by'),
});

export const apiTokens = core.table('api_tokens', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  tokenHash: bytea('token_hash').notNull(),
  prefix: text('prefix').notNull(),
  userId: snowflake('user_id').notNull(),
  guildId: snowflake('guild_id'),
  scopes: text('scopes').array().notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

export const auditLog = core.table('audit_log', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  guildId: snowflake('guild_id'),
  actorKind: text('actor_kind').$type<'user' | 'token' | 'system'>().notNull(),
  actorId: text('actor_id'),
  action: text('action').notNull(),
  target: text('target'),
  before: jsonb('before'),
  after: jsonb('after'),
  requestId: text('request_id'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

export const sessions = core.table('sessions', {
  id: uuid('id').primaryKey(),
  tokenHash: bytea('token_hash').notNull(),
  userId: snowflake('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  via: text('via').$type<'discord' | 'demo'>().notNull(),
  oauthGuildIds: snowflakeArray('oauth_guild_ids'),
  userAgent: text('user_agent'),
  ip: text('ip'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

export const oauthStates = core.table('oauth_states', {
  stateHash: bytea('state_hash').primaryKey(),
  codeVerifier: text('code_verifier').notNull(),
  returnTo: text('return_to').notNull().default('/'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
