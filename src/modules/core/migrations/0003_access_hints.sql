-- Hints for the processes' memos of "who is this token" and "what may this member do"
-- (platform/cache/hinted-memo.ts): every change to the rows those answers come from sends a
-- NOTIFY in the changing transaction, so it is delivered exactly when the change is visible, by
-- whichever process made it (an API replica, the bot's gateway, the CLI revoking a token). The
-- memos also expire on their own: a hint lost with a connection matters for seconds at most.

-- Payload: the guild id whose memberships may have changed.
create function core.hint_guild_rows() returns trigger
language plpgsql as $$
declare
  g text;
begin
  if tg_op = 'DELETE' then
    for g in select distinct guild_id::text from old_rows loop
      perform pg_notify('guildhall_access', g);
    end loop;
  else
    for g in select distinct guild_id::text from new_rows loop
      perform pg_notify('guildhall_access', g);
    end loop;
  end if;
  return null;
end $$;

create function core.hint_guilds() returns trigger
language plpgsql as $$
declare
  g text;
begin
  if tg_op = 'DELETE' then
    for g in select id::text from old_rows loop
      perform pg_notify('guildhall_access', g);
    end loop;
  else
    for g in select id::text from new_rows loop
      perform pg_notify('guildhall_access', g);
    end loop;
  end if;
  return null;
end $$;

create trigger guilds_hint_update after update on core.guilds
  referencing new table as new_rows for each statement execute function core.hint_guilds();
create trigger guilds_hint_delete after delete on core.guilds
  referencing old table as old_rows for each statement execute function core.hint_guilds();

create trigger guild_members_hint_insert after insert on core.guild_members
  referencing new table as new_rows for each statement execute function core.hint_guild_rows();
create trigger guild_members_hint_update after update on core.guild_members
  referencing new table as new_rows for each statement execute function core.hint_guild_rows();
create trigger guild_members_hint_delete after delete on core.guild_members
  referencing old table as old_rows for each statement execute function core.hint_guild_rows();

create trigger guild_roles_hint_insert after insert on core.guild_roles
  referencing new table as new_rows for each statement execute function core.hint_guild_rows();
create trigger guild_roles_hint_update after update on core.guild_roles
  referencing new table as new_rows for each statement execute function core.hint_guild_rows();
create trigger guild_roles_hint_delete after delete on core.guild_roles
  referencing old table as old_rows for each statement execute function core.hint_guild_rows();

create trigger guild_settings_hint_insert after insert on core.guild_settings
  referencing new table as new_rows for each statement execute function core.hint_guild_rows();
create trigger guild_settings_hint_update after update on core.guild_settings
  referencing new table as new_rows for each statement execute function core.hint_guild_rows();
create trigger guild_settings_hint_delete after delete on core.guild_settings
  referencing old table as old_rows for each statement execute function core.hint_guild_rows();

-- Payload: the hex sha-256 of the token or session whose answer changed. Only what a cached
-- answer depends on counts: a session's sliding expiry and a token's last use are not news (the
-- memo checks expiry itself on every hit).
create function core.hint_credential() returns trigger
language plpgsql as $$
begin
  perform pg_notify('guildhall_credentials', encode(old.token_hash, 'hex'));
  return null;
end $$;

create trigger api_tokens_hint_update after update on core.api_tokens for each row
  when (old.revoked_at is distinct from new.revoked_at
        or old.expires_at is distinct from new.expires_at
        or old.scopes is distinct from new.scopes
        or old.guild_id is distinct from new.guild_id
        or old.user_id is distinct from new.user_id
        or old.token_hash is distinct from new.token_hash)
  execute function core.hint_credential();
create trigger api_tokens_hint_delete after delete on core.api_tokens for each row
  execute function core.hint_credential();

create trigger sessions_hint_update after update on core.sessions for each row
  when (old.revoked_at is distinct from new.revoked_at
        or old.user_id is distinct from new.user_id
        or old.csrf_token is distinct from new.csrf_token
        or old.token_hash is distinct from new.token_hash
        or new.expires_at < old.expires_at)
  execute function core.hint_credential();
-- Pruning deletes sessions that ended long ago: only a live one can be remembered anywhere.
create trigger sessions_hint_delete after delete on core.sessions for each row
  when (old.revoked_at is null and old.expires_at > now())
  execute function core.hint_credential();
