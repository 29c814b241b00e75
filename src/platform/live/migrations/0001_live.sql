-- The live change feed (see src/platform/live/README.md): one row per change of a watched row,
-- written by a trigger in the same transaction as the change, read by the API's server-sent
-- event streams. Guild-scoped under row-level security like the tables it watches.
create schema if not exists live;
grant usage on schema live to guildhall_app, guildhall_system;

-- The guild of the surrounding withGuild transaction, if any (core.current_guild() belongs to a
-- module migrated after the platform, so it cannot be used here).
create function live.scope_guild() returns bigint
  language sql stable parallel safe
  as $$ select nullif(current_setting('app.guild_id', true), '')::bigint $$;
grant execute on function live.scope_guild() to guildhall_app, guildhall_system;

-- Readers order by (xid, id), not by id alone: identity values are taken at insert, not at
-- commit, so a transaction holding a smaller id can commit after a larger id was already read.
-- A reader only takes rows whose xid is below pg_snapshot_xmin(pg_current_snapshot()) (every
-- transaction below it has ended), so nothing can later appear before a position it passed.
create table live.changes (
  id bigint generated always as identity,
  xid xid8 not null default pg_current_xact_id(),
  guild_id bigint not null,
  -- What a stream subscribes to (a module's name, e.g. "games").
  topic text not null,
  -- The id of the thing that changed (a stream's client refetches it).
  entity_id text not null,
  -- What happened, e.g. "game.update" or "participant.insert".
  kind text not null,
  occurred_at timestamptz not null default now(),
  primary key (xid, id)
);
create index changes_guild_topic on live.changes (guild_id, topic, xid, id);
create index changes_occurred_at on live.changes (occurred_at);

alter table live.changes enable row level security;
alter table live.changes force row level security;
create policy guild_isolation on live.changes
  using (guild_id = live.scope_guild()) with check (guild_id = live.scope_guild());
grant select, insert on live.changes to guildhall_app;
grant select, insert, delete on live.changes to guildhall_system;

-- Position of the newest row removed by retention: a stream resuming from before it may have
-- missed rows and gets a "reset" instead of a replay.
create table live.pruned (
  singleton boolean primary key default true check (singleton),
  xid xid8 not null,
  id bigint not null
);
insert into live.pruned (xid, id) values ('0'::xid8, 0);
grant select on live.pruned to guildhall_app;
grant select, update on live.pruned to guildhall_system;

-- A wake-up per statement (the payload is irrelevant: readers re-read the table).
create function live.notify_changes() returns trigger language plpgsql as $$
begin
  perform pg_notify('live_changes', '');
  return null;
end $$;
create trigger changes_inserted after insert on live.changes
  for each statement execute function live.notify_changes();

-- Attach to a module's table, once per operation, as statement triggers with a transition table:
--   create trigger t_live_ins after insert on t referencing new table as new_rows
--     for each statement execute function live.capture('topic', 'entity_column', 'kind_prefix');
--   (the same `after update … referencing new table as new_rows`, `after delete … referencing
--   old table as old_rows`). The rows must have a guild_id column. One change per distinct
--   (guild, entity) per statement: a statement inserting 200 participants of one game records
--   one change of that game, not 200 (a dashboard refetches the game once either way).
create function live.capture() returns trigger language plpgsql as $$
begin
  execute format(
    'insert into live.changes (guild_id, topic, entity_id, kind)
     select distinct guild_id, %L, (%I)::text, %L from %I',
    tg_argv[0], tg_argv[1], coalesce(tg_argv[2], tg_table_name) || '.' || lower(tg_op),
    case when tg_op = 'DELETE' then 'old_rows' else 'new_rows' end);
  return null;
end $$;
grant execute on function live.capture() to guildhall_app, guildhall_system;
