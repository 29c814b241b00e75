import type { Database } from '#platform/db/database.ts';
import { run } from '#platform/db/statement.ts';
import { hashSecret, newSecret } from '#platform/secrets.ts';

/** Feed tokens look like `ghcal_` + 43 base64url characters (256 random bits). */
export const FEED_TOKEN = /^ghcal_[A-Za-z0-9_-]{43}$/;
/** last_used_at tells a person whether their calendar still polls; an hour's resolution is plenty. */
const LAST_USED_RESOLUTION = '1 hour';

export type CalendarFeed = {
  readonly prefix: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
};

type FeedRow = { prefix: string; created_at: Date | string; last_used_at: Date | string | null };

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();
const toFeed = (r: FeedRow): CalendarFeed => ({
  prefix: r.prefix,
  createdAt: iso(r.created_at),
  lastUsedAt: r.last_used_at === null ? null : iso(r.last_used_at),
});

/** Creating replaces any earlier token of the user: the old URL stops working at once. */
const UPSERT = `
insert into games.calendar_feeds (user_id, token_hash, prefix) values ($1, $2, $3)
on conflict (user_id) do update
  set token_hash = excluded.token_hash, prefix = excluded.prefix, created_at = now(), last_used_at = null
returning prefix, created_at, last_used_at`;

const SHOW = `select prefix, created_at, last_used_at from games.calendar_feeds where user_id = $1`;
const REVOKE = `delete from games.calendar_feeds where user_id = $1 returning user_id`;

const RESOLVE = `
update games.calendar_feeds set last_used_at = now()
where token_hash = $1 and (last_used_at is null or last_used_at < now() - interval '${LAST_USED_RESOLUTION}')
returning user_id::text`;
const LOOK_UP = `select user_id::text from games.calendar_feeds where token_hash = $1`;

/**
 * Personal calendar feed tokens: the secret part of a URL a calendar app polls without signing
 * in. Stored as SHA-256 only (the token is shown once, at creation), one per user.
 */
export function createCalendarFeeds(db: Database) {
  return {
    async create(userId: string): Promise<{ token: string; feed: CalendarFeed }> {
      const token = newSecret('ghcal_');
      const [row] = await db.withSystem((tx) =>
        run<FeedRow>(tx, UPSERT, [userId, hashSecret(token), token.slice(0, 10)]),
      );
      if (!row) throw new Error('insert returned nothing');
      return { token, feed: toFeed(row) };
    },
    async show(userId: string): Promise<CalendarFeed | null> {
      const [row] = await db.withSystem((tx) => run<FeedRow>(tx, SHOW, [userId]));
      return row ? toFeed(row) : null;
    },
    /** True when there was a token to revoke. */
    async revoke(userId: string): Promise<boolean> {
      const rows = await db.withSystem((tx) => run(tx, REVOKE, [userId]));
      return rows.length > 0;
    },
    /** The owner of a token, or undefined for a malformed, unknown or revoked one. */
    async resolve(token: string): Promise<string | undefined> {
      if (!FEED_TOKEN.test(token)) return undefined;
      return db.withSystem(async (tx) => {
        const [touched] = await run<{ user_id: string }>(tx, RESOLVE, [hashSecret(token)]);
        if (touched) return touched.user_id;
        const [found] = await run<{ user_id: string }>(tx, LOOK_UP, [hashSecret(token)]);
        return found?.user_id;
      });
    },
  };
}

export type CalendarFeeds = ReturnType<typeof createCalendarFeeds>;
