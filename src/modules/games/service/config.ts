import type { Executor } from '#platform/db/database.ts';
import { run } from '#platform/db/statement.ts';
import type { GamesConfig } from '../types.ts';
import { intArray, isoOrNull, textArray } from './rows.ts';

/** Default reminders of a guild that configured none: an hour before. */
export const DEFAULT_REMINDERS = [60];

/**
 * A guild's games configuration with defaults filled in (the time zone falls back to core's
 * guild setting, then UTC). Works in any transaction, `withSystem` consumers included.
 */
const SELECT_CONFIG = `
select c.announcement_channel_ids::text[] as announcement_channel_ids, c.host_role_ids::text[] as host_role_ids,
       c.default_reminder_offsets_minutes, coalesce(c.timezone, s.timezone, 'UTC') as timezone,
       coalesce(c.thread_per_game, false) as thread_per_game, coalesce(c.temp_role, false) as temp_role,
       c.updated_at
  from (select $1::bigint as guild_id) k
  left join games.guild_config c on c.guild_id = k.guild_id
  left join core.guild_settings s on s.guild_id = k.guild_id`;

type ConfigRow = {
  announcement_channel_ids: string[] | string | null;
  host_role_ids: string[] | string | null;
  default_reminder_offsets_minutes: number[] | string | null;
  timezone: string;
  thread_per_game: boolean;
  temp_role: boolean;
  updated_at: Date | string | null;
};

export async function readConfig(tx: Executor, guildId: string): Promise<GamesConfig> {
  const [row] = await run<ConfigRow>(tx, SELECT_CONFIG, [guildId]);
  return {
    guildId,
    announcementChannelIds: textArray(row?.announcement_channel_ids ?? null),
    hostRoleIds: textArray(row?.host_role_ids ?? null),
    defaultReminderOffsetsMinutes:
      row?.default_reminder_offsets_minutes === null || row?.default_reminder_offsets_minutes === undefined
        ? DEFAULT_REMINDERS
        : intArray(row.default_reminder_offsets_minutes),
    timezone: row?.timezone ?? 'UTC',
    threadPerGame: row?.thread_per_game ?? false,
    tempRole: row?.temp_role ?? false,
    updatedAt: row ? isoOrNull(row.updated_at) : null,
  };
}

export const UPSERT_CONFIG = `
insert into games.guild_config (guild_id, announcement_channel_ids, host_role_ids, default_reminder_offsets_minutes,
                                timezone, thread_per_game, temp_role, updated_by)
values ($1::bigint, $2::bigint[], $3::bigint[], $4::int[], $5, $6, $7, $8::bigint)
on conflict (guild_id) do update set
  announcement_channel_ids = excluded.announcement_channel_ids, host_role_ids = excluded.host_role_ids,
  default_reminder_offsets_minutes = excluded.default_reminder_offsets_minutes, timezone = excluded.timezone,
  thread_per_game = excluded.thread_per_game, temp_role = excluded.temp_role,
  updated_by = excluded.updated_by, updated_at = now()`;
