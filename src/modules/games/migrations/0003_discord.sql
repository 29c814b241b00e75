-- The Discord side of games: where each game's announcement lives and what was last sent, so an
-- unchanged render is not sent again, plus the game's thread and temporary role.
--
-- Consumers lock a game's row here (`for update`) before reading the game and talking to
-- Discord: two deliveries for one game take turns, and the later one reads state at least as
-- new as the earlier one's, so an out-of-order delivery can never put an older render back.
create table games.discord_announcements (
  game_id uuid primary key references games.games (id) on delete cascade,
  guild_id bigint not null references core.guilds (id) on delete cascade,
  channel_id bigint,
  message_id bigint,
  -- renderHash() of the payload last sent (post or edit).
  render_hash text,
  -- How often the message had to be posted again because it was deleted in Discord.
  reposts integer not null default 0,
  thread_id bigint,
  thread_archived boolean not null default false,
  role_id bigint,
  -- Members the temporary role was given to (to add and remove by difference).
  role_member_ids bigint[] not null default '{}',
  role_deleted boolean not null default false,
  updated_at timestamptz not null default now()
);
create index discord_announcements_guild on games.discord_announcements (guild_id);

alter table games.discord_announcements enable row level security;
alter table games.discord_announcements force row level security;
create policy guild_isolation on games.discord_announcements
  using (guild_id = core.current_guild()) with check (guild_id = core.current_guild());

-- `/game create` drafts: the form's values between "Create it?" and the Confirm button (a custom
-- id holds 100 characters, a title and a description do not fit). Kept an hour at most.
create table games.discord_drafts (
  id uuid primary key,
  guild_id bigint not null references core.guilds (id) on delete cascade,
  user_id bigint not null,
  input jsonb not null,
  created_at timestamptz not null default now()
);
create index discord_drafts_guild_created on games.discord_drafts (guild_id, created_at);

alter table games.discord_drafts enable row level security;
alter table games.discord_drafts force row level security;
create policy guild_isolation on games.discord_drafts
  using (guild_id = core.current_guild()) with check (guild_id = core.current_guild());
