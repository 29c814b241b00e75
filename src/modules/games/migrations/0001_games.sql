-- Games: sessions with participants, templates, per-guild configuration and members' reminder
-- preferences. Every table is guild-scoped under row-level security (see core's 0001).
create schema if not exists games;
grant usage on schema games to guildhall_app, guildhall_system;
alter default privileges in schema games grant select, insert, update, delete on tables to guildhall_app, guildhall_system;
alter default privileges in schema games grant usage, select on sequences to guildhall_app, guildhall_system;

create table games.games (
  id uuid primary key,
  guild_id bigint not null references core.guilds (id) on delete cascade,
  title text not null check (length(title) between 1 and 200),
  description text check (length(description) <= 4000),
  activity text check (length(activity) <= 200),
  channel_id bigint,
  host_id bigint not null,
  starts_at timestamptz not null,
  timezone text not null,
  duration_minutes integer check (duration_minutes between 1 and 10080),
  min_players integer check (min_players >= 1),
  max_players integer check (max_players >= 1),
  signup_method text not null default 'SELF_SIGNUP'
    check (signup_method in ('SELF_SIGNUP', 'HOST_SELECTED', 'HOST_SELECTED_WITH_WAITLIST', 'ROLE_BASED')),
  signup_role_ids bigint[] not null default '{}',
  role_signup_until timestamptz,
  reminder_offsets_minutes integer[] not null default '{}',
  min_players_check_minutes integer check (min_players_check_minutes >= 0),
  join_notification_delay_minutes integer check (join_notification_delay_minutes >= 0),
  signup_instructions text check (length(signup_instructions) <= 2000),
  post_at timestamptz,
  recurrence jsonb,
  status text not null default 'SCHEDULED'
    check (status in ('SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
  cancel_reason text,
  announcement_message_id bigint,
  thread_id bigint,
  -- A recurring game's instances share series_id (the first instance's id); series_index is the
  -- occurrence index, unique per series, so a redelivered COMPLETED creates the next one once.
  series_id uuid,
  series_index integer not null default 0,
  template_id uuid,
  -- Join order counter and slot counters, changed only under the game row's lock: concurrent
  -- joins read them from the locked row instead of counting rows of an older snapshot.
  next_position integer not null default 0,
  confirmed_count integer not null default 0,
  waitlist_count integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (max_players is null or min_players is null or max_players >= min_players)
);
-- Keyset pagination: (starts_at, id) within a guild, optionally narrowed by status or host.
create index games_guild_start on games.games (guild_id, starts_at, id);
create index games_guild_status_start on games.games (guild_id, status, starts_at, id);
create index games_guild_host_start on games.games (guild_id, host_id, starts_at, id);
create unique index games_series_index on games.games (series_id, series_index) where series_id is not null;

create table games.participants (
  game_id uuid not null references games.games (id) on delete cascade,
  user_id bigint not null,
  guild_id bigint not null references core.guilds (id) on delete cascade,
  state text not null check (state in ('confirmed', 'waitlisted', 'declined', 'host_added')),
  position integer not null,
  note text check (length(note) <= 200),
  -- ROLE_BASED: held a listed role when joining (may take a slot during the priority window).
  priority boolean not null default false,
  -- Joined by themselves (host_added players are never pushed back by another host add).
  self_joined boolean not null default true,
  joined_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (game_id, user_id)
);
create index participants_game_state on games.participants (game_id, state, position);
create index participants_guild_user on games.participants (guild_id, user_id);
create index participants_user on games.participants (user_id);

create table games.templates (
  id uuid primary key,
  guild_id bigint not null references core.guilds (id) on delete cascade,
  name text not null check (length(name) between 1 and 100),
  defaults jsonb not null default '{}',
  locked text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index templates_guild_name on games.templates (guild_id, lower(name));

create table games.guild_config (
  guild_id bigint primary key references core.guilds (id) on delete cascade,
  announcement_channel_ids bigint[] not null default '{}',
  host_role_ids bigint[] not null default '{}',
  default_reminder_offsets_minutes integer[] not null default '{60}',
  -- null: core.guild_settings.timezone
  timezone text,
  thread_per_game boolean not null default false,
  temp_role boolean not null default false,
  updated_at timestamptz not null default now(),
  updated_by bigint
);

-- game_id null: the member's preference for every game of the guild.
create table games.reminder_prefs (
  guild_id bigint not null references core.guilds (id) on delete cascade,
  user_id bigint not null,
  game_id uuid references games.games (id) on delete cascade,
  muted boolean not null default false,
  lead_minutes integer check (lead_minutes between 0 and 43200),
  updated_at timestamptz not null default now(),
  unique nulls not distinct (guild_id, user_id, game_id)
);

alter table games.games enable row level security;
alter table games.games force row level security;
create policy guild_isolation on games.games
  using (guild_id = core.current_guild()) with check (guild_id = core.current_guild());

alter table games.participants enable row level security;
alter table games.participants force row level security;
create policy guild_isolation on games.participants
  using (guild_id = core.current_guild()) with check (guild_id = core.current_guild());

alter table games.templates enable row level security;
alter table games.templates force row level security;
create policy guild_isolation on games.templates
  using (guild_id = core.current_guild()) with check (guild_id = core.current_guild());

alter table games.guild_config enable row level security;
alter table games.guild_config force row level security;
create policy guild_isolation on games.guild_config
  using (guild_id = core.current_guild()) with check (guild_id = core.current_guild());

alter table games.reminder_prefs enable row level security;
alter table games.reminder_prefs force row level security;
create policy guild_isolation on games.reminder_prefs
  using (guild_id = core.current_guild()) with check (guild_id = core.current_guild());
