-- Live updates and calendar feeds of the games module.

-- Every change of a game or of its participants becomes a row of the live feed (platform/live),
-- in the same transaction: the dashboard's stream at /games/events says which game to refetch.
create trigger games_live_insert after insert on games.games referencing new table as new_rows
  for each statement execute function live.capture('games', 'id', 'game');
create trigger games_live_update after update on games.games referencing new table as new_rows
  for each statement execute function live.capture('games', 'id', 'game');
create trigger games_live_delete after delete on games.games referencing old table as old_rows
  for each statement execute function live.capture('games', 'id', 'game');
create trigger participants_live_insert after insert on games.participants referencing new table as new_rows
  for each statement execute function live.capture('games', 'game_id', 'participant');
create trigger participants_live_update after update on games.participants referencing new table as new_rows
  for each statement execute function live.capture('games', 'game_id', 'participant');
create trigger participants_live_delete after delete on games.participants referencing old table as old_rows
  for each statement execute function live.capture('games', 'game_id', 'participant');

-- Personal calendar feed tokens: one per user (creating again replaces it, so a leaked URL is
-- rotated away), across guilds, so not guild data: only guildhall_system reads them. Only the
-- token's SHA-256 is stored, like API tokens.
create table games.calendar_feeds (
  user_id bigint primary key references core.users (id) on delete cascade,
  token_hash bytea not null unique,
  -- The first characters, so a person can tell which URL is current.
  prefix text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz
);
revoke all on games.calendar_feeds from guildhall_app;
