/**
 * The Discord side's SQL, run in a consumer's `withSystem` transaction (row-level security is
 * bypassed there, so every query names its game or guild).
 */

/** Makes sure the game has its row here, then locks it: deliveries for one game take turns. */
export const ENSURE_ANNOUNCEMENT = `
insert into games.discord_announcements (game_id, guild_id)
select g.id, g.guild_id from games.games g where g.id = $1::uuid
on conflict (game_id) do nothing`;

export const LOCK_ANNOUNCEMENT = `
select game_id::text, channel_id::text, message_id::text, render_hash, reposts, thread_id::text,
       thread_archived, role_id::text, role_member_ids::text[] as role_member_ids, role_deleted
  from games.discord_announcements where game_id = $1::uuid
   for update`;

export type AnnouncementRow = {
  game_id: string;
  channel_id: string | null;
  message_id: string | null;
  render_hash: string | null;
  reposts: number;
  thread_id: string | null;
  thread_archived: boolean;
  role_id: string | null;
  role_member_ids: string[] | string;
  role_deleted: boolean;
};

export const SAVE_MESSAGE = `
update games.discord_announcements
   set channel_id = $2::bigint, message_id = $3::bigint, render_hash = $4, reposts = reposts + $5::int,
       updated_at = now()
 where game_id = $1::uuid`;

export const SAVE_HASH = `
update games.discord_announcements set render_hash = $2, updated_at = now() where game_id = $1::uuid`;

export const FORGET_MESSAGE = `
update games.discord_announcements set message_id = null, render_hash = null, updated_at = now()
 where game_id = $1::uuid`;

export const SAVE_THREAD = `
update games.discord_announcements set thread_id = $2::bigint, thread_archived = $3, updated_at = now()
 where game_id = $1::uuid`;

export const SAVE_ROLE = `
update games.discord_announcements
   set role_id = $2::bigint, role_member_ids = $3::bigint[], role_deleted = $4, updated_at = now()
 where game_id = $1::uuid`;

export const GUILD_LOCALE = `select locale from core.guild_settings where guild_id = $1::bigint`;

export const USER_LOCALE = `select locale from core.users where id = $1::bigint`;

/** A new draft; drafts of this guild older than an hour go at the same time. */
export const INSERT_DRAFT = `
with gone as (
  delete from games.discord_drafts where guild_id = $2::bigint and created_at < now() - interval '1 hour'
)
insert into games.discord_drafts (id, guild_id, user_id, input) values ($1::uuid, $2::bigint, $3::bigint, $4::jsonb)`;

/** Takes the draft (once: a second press of Confirm finds nothing). */
export const TAKE_DRAFT = `
delete from games.discord_drafts
 where id = $1::uuid and user_id = $2::bigint and created_at >= now() - interval '1 hour'
returning input`;
