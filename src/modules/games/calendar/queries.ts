import type { Executor } from '#platform/db/database.ts';
import { run } from '#platform/db/statement.ts';
import type { IcsGame } from '../time/ics.ts';

/** Games without a duration show as this long in calendars. */
export const DEFAULT_DURATION_MINUTES = 60;
/** The personal feed shows games from this long ago onwards (calendars keep older copies). */
export const FEED_PAST_DAYS = 90;
export const FEED_MAX_GAMES = 1000;

const COLUMNS = `
  g.id::text, g.guild_id::text, g.title, g.description, g.starts_at, g.duration_minutes, g.status,
  g.updated_at, cg.name as guild_name,
  -- Calendar apps replace their copy when SEQUENCE grows: seconds since creation at the last change.
  floor(extract(epoch from g.updated_at - g.created_at))::int as sequence`;

type Row = {
  id: string;
  guild_id: string;
  title: string;
  description: string | null;
  starts_at: Date | string;
  duration_minutes: number | null;
  status: string;
  updated_at: Date | string;
  guild_name: string;
  sequence: number;
  waitlisted?: boolean;
};

/** One game, under the guild's row-level security. $1 = game id. */
export const GAME_FOR_ICS = `
select ${COLUMNS}
from games.games g join core.guilds cg on cg.id = g.guild_id
where g.id = $1`;

/**
 * Every game a user signed up for (confirmed, host-added or waitlisted), across the guilds the
 * bot is still in and the user is still a member of (someone who left a guild keeps their
 * participant rows, but no longer sees that guild's games — the same rule as the API's 404), as
 * the system role: the feed's owner is known only from the token.
 * $1 = user id, $2 = days back, $3 = most games.
 */
export const GAMES_OF_USER = `
select ${COLUMNS}, p.state = 'waitlisted' as waitlisted
from games.participants p
join games.games g on g.id = p.game_id
join core.guilds cg on cg.id = g.guild_id and cg.bot_present
join core.guild_members gm on gm.guild_id = g.guild_id and gm.user_id = p.user_id
where p.user_id = $1 and p.state in ('confirmed', 'host_added', 'waitlisted')
  and g.starts_at >= now() - $2 * interval '1 day'
order by g.starts_at, g.id
limit $3`;

export const gameUrl = (publicUrl: string, guildId: string, gameId: string) =>
  `${publicUrl}/guilds/${guildId}/games/${gameId}`;

function toIcsGame(r: Row, publicUrl: string): IcsGame {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    startsAt: new Date(r.starts_at),
    durationMinutes: r.duration_minutes ?? DEFAULT_DURATION_MINUTES,
    status: r.status,
    guildName: r.guild_name,
    url: gameUrl(publicUrl, r.guild_id, r.id),
    updatedAt: new Date(r.updated_at),
    sequence: r.sequence,
    tentative: r.waitlisted === true,
  };
}

export async function gameForIcs(
  tx: Executor,
  gameId: string,
  publicUrl: string,
): Promise<IcsGame | undefined> {
  const [row] = await run<Row>(tx, GAME_FOR_ICS, [gameId]);
  return row ? toIcsGame(row, publicUrl) : undefined;
}

export async function gamesOfUser(tx: Executor, userId: string, publicUrl: string): Promise<IcsGame[]> {
  const rows = await run<Row>(tx, GAMES_OF_USER, [userId, FEED_PAST_DAYS, FEED_MAX_GAMES]);
  return rows.map((r) => toIcsGame(r, publicUrl));
}

/** The language the user's Discord client uses (null when unknown). */
export async function localeOfUser(tx: Executor, userId: string): Promise<string | null> {
  const [row] = await run<{ locale: string | null }>(tx, 'select locale from core.users where id = $1', [
    userId,
  ]);
  return row?.locale ?? null;
}
