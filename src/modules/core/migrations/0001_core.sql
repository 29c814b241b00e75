-- Core: guilds, people, their Discord roles, per-guild settings, API tokens and the audit log.
create schema if not exists core;
grant usage on schema core to guildhall_app, guildhall_system;
alter default privileges in schema core grant select, insert, update, delete on tables to guildhall_app, guildhall_system;
alter default privileges in schema core grant usage, select on sequences to guildhall_app, guildhall_system;

-- Rows are visible to guildhall_app only inside withGuild(guild_id).
create function core.current_guild() returns bigint
  language sql stable parallel safe
  as $$ select nullif(current_setting('app.guild_id', true), '')::bigint $$;
grant execute on function core.current_guild() to guildhall_app, guildhall_system;

create table core.guilds (
  id bigint primary key,
  name text not null,
  icon text,
  owner_id bigint not null,
  -- false once the bot was removed from the guild: kept for history, hidden from pickers.
  bot_present boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table core.users (
  id bigint primary key,
  username text not null,
  global_name text,
  avatar text,
  locale text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table core.guild_roles (
  guild_id bigint not null references core.guilds (id) on delete cascade,
  id bigint not null,
  name text not null,
  -- Discord permission bit set (ADMINISTRATOR = 1<<3, MANAGE_GUILD = 1<<5, …).
  permissions bigint not null default 0,
  position integer not null default 0,
  color integer not null default 0,
  primary key (guild_id, id)
);

create table core.guild_members (
  guild_id bigint not null references core.guilds (id) on delete cascade,
  user_id bigint not null references core.users (id) on delete cascade,
  nickname text,
  role_ids bigint[] not null default '{}',
  joined_at timestamptz,
  updated_at timestamptz not null default now(),
  primary key (guild_id, user_id)
);
create index guild_members_user on core.guild_members (user_id);

create table core.guild_settings (
  guild_id bigint primary key references core.guilds (id) on delete cascade,
  timezone text not null default 'UTC',
  locale text not null default 'en',
  enabled_modules text[] not null default '{}',
  -- capability -> role ids, e.g. {"host": ["123"], "moderator": [], "verifier": []}
  capability_roles jsonb not null default '{}',
  updated_at timestamptz not null default now(),
  updated_by bigint
);

create table core.api_tokens (
  id uuid primary key,
  name text not null,
  -- sha-256 of the whole token; the token itself is shown once and never stored.
  token_hash bytea not null unique,
  -- the first characters, so a person can tell their tokens apart in a list.
  prefix text not null,
  user_id bigint not null references core.users (id) on delete cascade,
  guild_id bigint references core.guilds (id) on delete cascade,
  scopes text[] not null,
  expires_at timestamptz,
  last_used_at timestamptz,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
create index api_tokens_user on core.api_tokens (user_id);

create table core.audit_log (
  id bigint generated always as identity primary key,
  guild_id bigint,
  actor_kind text not null check (actor_kind in ('user', 'token', 'system')),
  actor_id text,
  action text not null,
  target text,
  before jsonb,
  after jsonb,
  request_id text,
  at timestamptz not null default now()
);
create index audit_log_guild_at on core.audit_log (guild_id, at desc);

-- Row-level security. FORCE applies the policies to the table owner as well.
alter table core.guilds enable row level security;
alter table core.guilds force row level security;
create policy guild_isolation on core.guilds using (id = core.current_guild()) with check (id = core.current_guild());

alter table core.guild_roles enable row level security;
alter table core.guild_roles force row level security;
create policy guild_isolation on core.guild_roles
  using (guild_id = core.current_guild()) with check (guild_id = core.current_guild());

alter table core.guild_members enable row level security;
alter table core.guild_members force row level security;
create policy guild_isolation on core.guild_members
  using (guild_id = core.current_guild()) with check (guild_id = core.current_guild());

alter table core.guild_settings enable row level security;
alter table core.guild_settings force row level security;
create policy guild_isolation on core.guild_settings
  using (guild_id = core.current_guild()) with check (guild_id = core.current_guild());

alter table core.audit_log enable row level security;
alter table core.audit_log force row level security;
create policy guild_isolation on core.audit_log
  using (guild_id = core.current_guild()) with check (guild_id = core.current_guild());

-- Tokens are looked up before any guild is known (authentication), so only the system role
-- reads them: guildhall_app has no grant at all.
alter table core.api_tokens enable row level security;
alter table core.api_tokens force row level security;
revoke all on core.api_tokens from guildhall_app;
