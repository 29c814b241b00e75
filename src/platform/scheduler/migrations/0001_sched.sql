-- The durable scheduler (see src/platform/scheduler/README.md): every future action is a row.
-- Modules schedule from guild-scoped transactions (guildhall_app), so the table carries guild_id
-- and row-level security confines them to their guild's jobs; schedulers run as
-- guildhall_system and see everything.
create schema if not exists sched;
grant usage on schema sched to guildhall_system, guildhall_app;

create table sched.jobs (
  -- Chosen by the module, e.g. "games:reminder:<game id>": scheduling the same key again moves it.
  key text primary key check (length(key) between 1 and 300),
  kind text not null,
  guild_id bigint default nullif(current_setting('app.guild_id', true), '')::bigint,
  due_at timestamptz not null,
  -- The payload of the event the job produces when it fires.
  payload jsonb not null default '{}',
  correlation_id text,
  -- Name of the recurring job this row is one tick of (keys are "cron:<name>:<tick>").
  recurring text,
  status text not null default 'pending' check (status in ('pending', 'fired', 'missed')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  fired_at timestamptz
);
-- MIN(due_at) and the claim both read this small index only: pending rows, oldest first.
create index jobs_pending_due on sched.jobs (due_at) where status = 'pending';
create index jobs_finished on sched.jobs (updated_at) where status <> 'pending';
create index jobs_recurring on sched.jobs (recurring, due_at) where recurring is not null and status = 'pending';
create index jobs_guild on sched.jobs (guild_id, key);
-- cancelJobsByPrefix: LIKE 'prefix%' needs pattern ops whatever the database's collation.
create index jobs_key_prefix on sched.jobs (key text_pattern_ops) where status = 'pending';

alter table sched.jobs enable row level security;
create policy guild_jobs on sched.jobs to guildhall_app
  using (guild_id = nullif(current_setting('app.guild_id', true), '')::bigint)
  with check (guild_id = nullif(current_setting('app.guild_id', true), '')::bigint);
grant select, insert, update, delete on sched.jobs to guildhall_app, guildhall_system;

-- Wakes sleeping schedulers with the earliest due time among the changed pending rows (epoch
-- milliseconds), so a scheduler already waking earlier than that can ignore it.
create function sched.notify_jobs() returns trigger language plpgsql as $$
declare
  next_due double precision;
begin
  select extract(epoch from min(due_at)) * 1000 into next_due from new_rows where status = 'pending';
  if next_due is not null then
    perform pg_notify('sched_jobs', floor(next_due)::bigint::text);
  end if;
  return null;
end $$;
create trigger jobs_inserted after insert on sched.jobs
  referencing new table as new_rows
  for each statement execute function sched.notify_jobs();
create trigger jobs_updated after update on sched.jobs
  referencing new table as new_rows
  for each statement execute function sched.notify_jobs();
