import type { Executor } from '../db/database.ts';
import { run } from '../db/statement.ts';

/** One recorded change, as a stream delivers it. */
export type Change = {
  /** Opaque, ordered position; the SSE event id, sent back as `Last-Event-ID`. */
  readonly cursor: string;
  readonly guildId: string;
  readonly topic: string;
  readonly entityId: string;
  readonly kind: string;
  readonly occurredAt: string;
};

/** A position in the feed: (transaction id, row id), compared as a pair. */
export type Cursor = { readonly xid: bigint; readonly id: bigint };

const CURSOR = /^(\d{1,20})-(\d{1,20})$/;

export function formatCursor(c: Cursor): string {
  return `${c.xid}-${c.id}`;
}

/** The cursor in an SSE `Last-Event-ID`, or undefined when it is not one of ours. */
export function parseCursor(text: string | undefined): Cursor | undefined {
  const m = text ? CURSOR.exec(text.trim()) : null;
  if (!m?.[1] || !m[2]) return undefined;
  const c = { xid: BigInt(m[1]), id: BigInt(m[2]) };
  return c.xid < 2n ** 64n && c.id < 2n ** 63n ? c : undefined;
}

export function compareCursors(a: Cursor, b: Cursor): number {
  if (a.xid !== b.xid) return a.xid < b.xid ? -1 : 1;
  return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
}

export type ChangeRow = {
  xid: string;
  id: string;
  guild_id: string;
  topic: string;
  entity_id: string;
  kind: string;
  occurred_at: string;
};

export function toChange(row: ChangeRow): Change {
  return {
    cursor: formatCursor({ xid: BigInt(row.xid), id: BigInt(row.id) }),
    guildId: row.guild_id,
    topic: row.topic,
    entityId: row.entity_id,
    kind: row.kind,
    occurredAt: row.occurred_at,
  };
}

const COLUMNS = `c.xid::text as xid, c.id::text as id, c.guild_id::text as guild_id, c.topic, c.entity_id,
       c.kind, to_char(c.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at`;

/**
 * Where a reader that wants only what happens from now on starts: every transaction below the
 * snapshot's xmin has ended, so (xmin, 0) precedes everything still to come.
 */
export const HEAD = `select pg_snapshot_xmin(pg_current_snapshot())::text as xid`;

/**
 * Rows after $1/$2 in (xid, id) order, across guilds (the process-wide poller, as the system
 * role). `pending` marks rows of transactions that may still have company below them: the rows
 * before the first pending one are final; the rest are read again once the horizon moves.
 * $1 = xid, $2 = id, $3 = rows.
 */
export const READ_AFTER = `
with horizon as (select pg_snapshot_xmin(pg_current_snapshot()) as xmin)
select ${COLUMNS}, c.xid >= h.xmin as pending
from live.changes c, horizon h
where (c.xid, c.id) > ($1::xid8, $2::bigint)
order by c.xid, c.id
limit $3`;

/**
 * Replay for one resuming stream: a guild's rows of one topic in ($3/$4, $5/$6], where the upper
 * end is a position the poller already passed (so the range is final). $7 = rows.
 */
export const REPLAY = `
select ${COLUMNS}
from live.changes c
where c.guild_id = $1 and c.topic = $2
  and (c.xid, c.id) > ($3::xid8, $4::bigint) and (c.xid, c.id) <= ($5::xid8, $6::bigint)
order by c.xid, c.id
limit $7`;

/**
 * Whether a resuming stream's position can be replayed: not when retention removed rows after
 * it, nor when it names a transaction this database has not reached (a restored backup, or an id
 * from another deployment). $1 = xid, $2 = id.
 */
export const CHECK_POSITION = `
select ($1::xid8, $2::bigint) < (p.xid, p.id) as pruned,
       $1::xid8 >= pg_snapshot_xmax(pg_current_snapshot()) as future
from live.pruned p`;

/**
 * Retention: removes rows older than $1 seconds (at most $2 per call) and moves the pruned
 * position past the newest row removed. Runs as the system role.
 */
export const PRUNE = `
with gone as (
  delete from live.changes c
  using (select xid, id from live.changes
          where occurred_at < now() - $1 * interval '1 second'
          order by occurred_at limit $2) old
  where (c.xid, c.id) = (old.xid, old.id)
  returning c.xid, c.id
), newest as (
  select xid, id from gone order by xid desc, id desc limit 1
), moved as (
  update live.pruned p set xid = n.xid, id = n.id
  from newest n where (n.xid, n.id) > (p.xid, p.id)
)
select count(*)::int as removed from gone`;

export const INSERT_CHANGE = `
insert into live.changes (guild_id, topic, entity_id, kind) values ($1, $2, $3, $4)`;

/**
 * Records a change explicitly, in the caller's transaction (for changes no watched table sees;
 * tables watched by `live.capture()` record their own). Inside `withGuild`, only for that guild.
 */
export async function recordChange(
  tx: Executor,
  change: { guildId: string; topic: string; entityId: string; kind: string },
): Promise<void> {
  await run(tx, INSERT_CHANGE, [change.guildId, change.topic, change.entityId, change.kind]);
}
