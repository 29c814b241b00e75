-- Two roles carry the row-level security model (see src/platform/db/README.md):
--   guildhall_app     a request's transaction runs as this role; RLS policies apply to it.
--   guildhall_system  workers, the bot and the scheduler; it bypasses RLS.
-- Roles belong to the whole cluster, so several Guildhall databases (or test databases created at
-- the same moment) may race to create them: a duplicate is fine.
do $$
begin
  begin
    create role guildhall_app nologin;
  exception when duplicate_object or unique_violation then null;
  end;
  begin
    create role guildhall_system nologin bypassrls;
  exception when duplicate_object or unique_violation then null;
  end;
exception when insufficient_privilege then
  raise exception using
    errcode = 'insufficient_privilege',
    message = 'Guildhall needs the roles guildhall_app and guildhall_system, and the connecting user may not create them.',
    hint = 'As a superuser run: CREATE ROLE guildhall_app NOLOGIN; CREATE ROLE guildhall_system NOLOGIN BYPASSRLS; GRANT guildhall_app, guildhall_system TO <the user in DATABASE_URL>;';
end $$;

-- The connecting user switches into both roles with set_config('role', ...), so it must be a member.
do $$
begin
  if not pg_has_role(current_user, 'guildhall_app', 'MEMBER') then
    execute format('grant guildhall_app to %I', current_user);
  end if;
  if not pg_has_role(current_user, 'guildhall_system', 'MEMBER') then
    execute format('grant guildhall_system to %I', current_user);
  end if;
end $$;
