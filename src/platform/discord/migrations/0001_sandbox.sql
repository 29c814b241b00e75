-- The sandbox: an embedded stand-in for Discord used when no bot token is configured (the log
-- adapter, src/platform/discord/log.ts). It holds the guilds, channels, members and users the
-- demo seed creates, and every message and DM the bot would have sent, with its edits and
-- deletion, so the dashboard can show them and let a newcomer press their buttons.
--
-- Not guild-scoped user data in the sense of RLS: DMs belong to no guild, and only the system
-- role (the bot side and the loopback-only sandbox routes) ever reads it.
create schema if not exists discord;
grant usage on schema discord to guildhall_system;
alter default privileges in schema discord grant select, insert, update, delete on tables to guildhall_system;
alter default privileges in schema discord grant usage, select on sequences to guildhall_system;

create table discord.sandbox_users (
  id bigint primary key,
  username text not null,
  global_name text,
  avatar text,
  bot boolean not null default false,
  -- A member who turned off DMs from server members: sending them one fails with DISCORD_CANNOT_DM.
  accepts_dms boolean not null default true
);

create table discord.sandbox_guilds (
  id bigint primary key,
  name text not null,
  icon text,
  owner_id bigint not null,
  preferred_locale text not null default 'en-US',
  -- [{id, name, permissions, position, color, managed}], @everyone's id is the guild's.
  roles jsonb not null default '[]'
);

create table discord.sandbox_members (
  guild_id bigint not null references discord.sandbox_guilds (id) on delete cascade,
  user_id bigint not null references discord.sandbox_users (id) on delete cascade,
  nickname text,
  role_ids bigint[] not null default '{}',
  joined_at timestamptz not null default now(),
  primary key (guild_id, user_id)
);

create table discord.sandbox_channels (
  id bigint primary key,
  type integer not null,
  guild_id bigint references discord.sandbox_guilds (id) on delete cascade,
  name text,
  parent_id bigint,
  permission_overwrites jsonb not null default '[]',
  -- DM channels: the one recipient.
  recipient_id bigint,
  -- Threads.
  archived boolean not null default false,
  locked boolean not null default false,
  member_ids bigint[] not null default '{}',
  created_at timestamptz not null default now()
);
create unique index sandbox_channels_dm on discord.sandbox_channels (recipient_id) where recipient_id is not null;

create table discord.sandbox_messages (
  id bigint primary key,
  bot text not null,
  channel_id bigint not null,
  guild_id bigint,
  -- DMs: to whom. Interaction responses: whom it answered (ephemeral ones are only theirs to see).
  recipient_id bigint,
  author_id bigint not null,
  kind text not null check (kind in ('message', 'dm', 'interaction_response', 'followup')),
  interaction_token text,
  content text not null default '',
  embeds jsonb not null default '[]',
  components jsonb not null default '[]',
  flags integer not null default 0,
  reactions jsonb not null default '[]',
  created_at timestamptz not null default now(),
  edited_at timestamptz,
  deleted_at timestamptz
);
create index sandbox_messages_channel on discord.sandbox_messages (channel_id, id desc);
create index sandbox_messages_recipient on discord.sandbox_messages (recipient_id, id desc) where recipient_id is not null;
create index sandbox_messages_token on discord.sandbox_messages (interaction_token) where interaction_token is not null;

create table discord.sandbox_commands (
  bot text not null,
  -- 0 for global commands.
  guild_id bigint not null,
  name text not null,
  id bigint not null,
  data jsonb not null,
  version bigint not null,
  primary key (bot, guild_id, name)
);

-- Every call the adapter received, as the REST adapter would have made it.
create table discord.sandbox_calls (
  id bigint generated always as identity primary key,
  bot text not null,
  method text not null,
  route text not null,
  body jsonb,
  outcome text not null,
  at timestamptz not null default now()
);


-- Interactions the sandbox made up (a newcomer pressing a button as a demo member): their token
-- lets the handler answer, edit the answer and follow up, as with Discord's webhooks.
create table discord.sandbox_interactions (
  token text primary key,
  id bigint not null,
  bot text not null,
  channel_id bigint not null,
  guild_id bigint,
  user_id bigint not null,
  -- A component's interaction: the message the component sits on.
  message_id bigint,
  responded boolean not null default false,
  created_at timestamptz not null default now()
);

revoke all on all tables in schema discord from guildhall_app;
