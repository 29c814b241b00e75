-- The event bus (see src/platform/bus/README.md): the transactional outbox, the embedded
-- transport's bindings and deliveries, consumers' inboxes and the dead letters of both transports.
-- Platform tables, not guild data: only guildhall_system reads them. A guild-scoped transaction
-- (guildhall_app) may only append to the outbox, and only events of its own guild.
create schema if not exists bus;
grant usage on schema bus to guildhall_system, guildhall_app;

-- The guild of the surrounding withGuild transaction, if any (core.current_guild() belongs to a
-- module migrated after the platform, so it cannot be used here).
create function bus.scope_guild() returns bigint
  language sql stable parallel safe
  as $$ select nullif(current_setting('app.guild_id', true), '')::bigint $$;
grant execute on function bus.scope_guild() to guildhall_app, guildhall_system;

-- Ordering per guild with several relays: a guild hashes to one of 64 lanes, a relay locks the
-- lanes it works on (FOR UPDATE SKIP LOCKED on bus.lanes), so two relays never move rows of the
-- same guild at the same time, and within a lane rows leave in seq order.
create table bus.lanes (lane smallint primary key);
insert into bus.lanes select generate_series(0, 63);

create table bus.outbox (
  seq bigint generated always as identity primary key,
  guild_id bigint default bus.scope_guild(),
  lane smallint not null generated always as ((hashint8(coalesce(guild_id, 0)) & 63)::smallint) stored,
  -- Routing key (the envelope's type).
  type text not null,
  -- The complete envelope, sent as is: a replayed dead letter goes back byte for byte.
  message jsonb not null,
  -- Set for retries and replays: delivered to this one consumer only, not routed by type.
  target text,
  -- Failed attempts before this one (retries of the RabbitMQ transport).
  attempt integer not null default 0,
  available_at timestamptz not null default now(),
  created_at timestamptz not null default now()
);
create index outbox_lane_seq on bus.outbox (lane, seq);
create index outbox_delayed on bus.outbox (available_at) where target is not null;

alter table bus.outbox enable row level security;
create policy app_publishes_own_guild on bus.outbox for insert to guildhall_app
  with check (guild_id = bus.scope_guild());
grant insert on bus.outbox to guildhall_app;

-- One NOTIFY per statement wakes the relays; the payload is irrelevant (relays re-read the table).
create function bus.notify_outbox() returns trigger language plpgsql as $$
begin
  perform pg_notify('bus_outbox', '');
  return null;
end $$;
create trigger outbox_inserted after insert on bus.outbox
  for each statement execute function bus.notify_outbox();

-- Embedded transport: which consumer receives which event type (RabbitMQ's queue bindings).
create table bus.bindings (
  consumer text not null,
  event_type text not null,
  declared_at timestamptz not null default now(),
  primary key (consumer, event_type)
);
create index bindings_by_type on bus.bindings (event_type);

-- Embedded transport: one row per (consumer, message) until the consumer has handled it.
create table bus.deliveries (
  id bigint generated always as identity primary key,
  consumer text not null,
  message jsonb not null,
  -- Failed attempts so far.
  attempts integer not null default 0,
  available_at timestamptz not null default now(),
  last_error text,
  created_at timestamptz not null default now()
);
create index deliveries_due on bus.deliveries (consumer, available_at, id);

-- The payload names the consumers that got new rows, so idle consumers of other events sleep on.
create function bus.notify_deliveries() returns trigger language plpgsql as $$
declare
  names text;
begin
  select string_agg(distinct consumer, ',') into names from new_rows;
  if names is not null then
    perform pg_notify('bus_deliveries', case when length(names) > 7000 then '' else names end);
  end if;
  return null;
end $$;
create trigger deliveries_inserted after insert on bus.deliveries
  referencing new table as new_rows
  for each statement execute function bus.notify_deliveries();

-- Idempotent consumers: a handler's effect and this row commit together, so a redelivered
-- message (at-least-once transports) finds its row and has no second effect.
create table bus.inbox (
  consumer text not null,
  message_id uuid not null,
  processed_at timestamptz not null default now(),
  primary key (consumer, message_id)
);
create index inbox_processed_at on bus.inbox (processed_at);

-- Dead letters of both transports, one uniform store (RabbitMQ's .dlq queues are mirrored here).
create table bus.dead_letters (
  id bigint generated always as identity primary key,
  consumer text not null,
  transport text not null check (transport in ('embedded', 'rabbitmq')),
  -- From the envelope when it could be read; null for a body that is not an envelope.
  message_id uuid,
  type text,
  version integer,
  guild_id bigint,
  message jsonb,
  -- The raw body when it is not even JSON (cannot be replayed, only inspected and purged).
  raw text,
  error_code text not null,
  error text not null,
  stack text,
  attempts integer not null,
  failed_at timestamptz not null default now(),
  unique (consumer, message_id)
);
create index dead_letters_failed_at on bus.dead_letters (failed_at);
create index dead_letters_consumer on bus.dead_letters (consumer, failed_at);
create index dead_letters_type on bus.dead_letters (type, failed_at);

grant select, insert, update, delete on all tables in schema bus to guildhall_system;
grant usage, select on all sequences in schema bus to guildhall_system;
