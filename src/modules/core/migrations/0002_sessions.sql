-- Dashboard sign-in: server-side sessions and the short-lived OAuth2 state between the redirect
-- to Discord and the callback. Both are read before any guild is known (authentication), so,
-- like api_tokens, only the system role may touch them.

create table core.sessions (
  id uuid primary key,
  -- sha-256 of the cookie value; the value itself is only ever in the browser.
  token_hash bytea not null unique,
  user_id bigint not null references core.users (id) on delete cascade,
  -- Sent back in X-CSRF-Token on every cookie-authenticated change (synchronizer token).
  csrf_token text not null,
  via text not null check (via in ('discord', 'demo')),
  -- Guilds the user was in at sign-in according to OAuth `users/@me/guilds` (null for demo sessions).
  oauth_guild_ids bigint[],
  user_agent text,
  ip text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  -- Idle expiry, pushed forward on use (sliding) but never past absolute_expires_at.
  expires_at timestamptz not null,
  absolute_expires_at timestamptz not null,
  revoked_at timestamptz
);
create index sessions_user on core.sessions (user_id) where revoked_at is null;

create table core.oauth_states (
  state_hash bytea primary key,
  code_verifier text not null,
  -- Where to send the browser after signing in (a path on this site).
  return_to text not null default '/',
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);

alter table core.sessions enable row level security;
alter table core.sessions force row level security;
revoke all on core.sessions from guildhall_app;
alter table core.oauth_states enable row level security;
alter table core.oauth_states force row level security;
revoke all on core.oauth_states from guildhall_app;
