-- "Games I play in" and "my games" as keyset scans, like every other list filter: participants
-- carry their game's start, so one index walks a member's games in list order (starts_at, id)
-- and a page reads 26 index entries however many games the guild or the member has. Without it
-- the filter probed participants once per game of the guild, or hashed all of the guild's games.
--
-- Triggers keep the copy true for every writer: a new participant takes the game's start, and
-- moving a game moves its participants in the same transaction.

alter table games.participants add column starts_at timestamptz;

update games.participants p set starts_at = g.starts_at from games.games g where g.id = p.game_id;

alter table games.participants alter column starts_at set not null;

create function games.participant_starts_at() returns trigger
language plpgsql as $$
begin
  select g.starts_at into new.starts_at from games.games g where g.id = new.game_id;
  return new;
end $$;

-- The service's inserts give the start themselves (one look-up per statement, not per row: a
-- join storm writes 200 rows at once); the trigger fills it for any other writer.
create trigger participants_starts_at before insert on games.participants
  for each row when (new.starts_at is null) execute function games.participant_starts_at();

create function games.game_moved() returns trigger
language plpgsql as $$
begin
  update games.participants set starts_at = new.starts_at
   where game_id = new.id and starts_at is distinct from new.starts_at;
  return null;
end $$;

create trigger games_moved after update of starts_at on games.games
  for each row when (old.starts_at is distinct from new.starts_at)
  execute function games.game_moved();

-- Declined players are not "in" a game: the lists never show them, so the index leaves them out.
create index participants_guild_user_start on games.participants (guild_id, user_id, starts_at, game_id)
  where state <> 'declined';
-- It replaces the plain (guild_id, user_id) index, which only the old participant filter used:
-- a join storm writes one index entry less per row.
drop index games.participants_guild_user;
