import type { Database, Executor } from '../db/database.ts';
import { run } from '../db/statement.ts';
import type { FailureInfo } from './errors.ts';
import type { Envelope } from './events.ts';
import type { TransportKind } from './transport.ts';

/** A dead letter as it is recorded, before it has an id. */
export type NewDeadLetter = {
  readonly consumer: string;
  readonly transport: TransportKind;
  /** What could be read of the envelope (for the columns operators filter on). */
  readonly envelope: Envelope | undefined;
  /** The message as it came: parsed JSON, or a string/Buffer when it was not JSON at all. */
  readonly body: unknown;
  readonly failure: FailureInfo;
  readonly attempts: number;
  readonly failedAt?: Date;
};

/**
 * Upserts by (consumer, message id): the same message dead-lettered twice (a redelivered
 * `.dlq` message, a replay that failed again) stays one row with the latest failure.
 */
export const INSERT_DEAD_LETTERS = `
insert into bus.dead_letters
  (consumer, transport, message_id, type, version, guild_id, message, raw, error_code, error, stack, attempts, failed_at)
select consumer, transport, message_id, type, version, guild_id, message, raw, error_code, error, stack, attempts,
       coalesce(failed_at, now())
from jsonb_to_recordset($1::jsonb) as d(
  consumer text, transport text, message_id uuid, type text, version integer, guild_id bigint,
  message jsonb, raw text, error_code text, error text, stack text, attempts integer, failed_at timestamptz)
on conflict (consumer, message_id) do update set
  transport = excluded.transport, type = excluded.type, version = excluded.version,
  guild_id = excluded.guild_id, message = excluded.message, raw = excluded.raw,
  error_code = excluded.error_code, error = excluded.error, stack = excluded.stack,
  attempts = excluded.attempts, failed_at = excluded.failed_at`;

export async function recordDeadLetters(
  executor: Executor,
  letters: readonly NewDeadLetter[],
): Promise<void> {
  if (letters.length === 0) return;
  const rows = letters.map((l) => {
    const message = jsonOrUndefined(l.body);
    return {
      consumer: l.consumer,
      transport: l.transport,
      message_id: l.envelope?.id ?? null,
      type: l.envelope?.type || null,
      version: l.envelope?.version || null,
      guild_id: l.envelope?.guildId ?? null,
      message: message === undefined ? null : message,
      raw: message === undefined ? rawText(l.body) : null,
      error_code: l.failure.code,
      error: l.failure.message,
      stack: l.failure.stack ?? null,
      attempts: l.attempts,
      failed_at: (l.failedAt ?? new Date()).toISOString(),
    };
  });
  await run(executor, INSERT_DEAD_LETTERS, [JSON.stringify(rows)]);
}

function jsonOrUndefined(body: unknown): unknown {
  if (body === undefined) return undefined;
  if (Buffer.isBuffer(body) || typeof body === 'string') return undefined;
  return body;
}

function rawText(body: unknown): string | null {
  if (body === undefined || body === null) return null;
  // Postgres text cannot hold NUL; keep the rest readable.
  const text = Buffer.isBuffer(body) ? body.toString('utf8') : String(body);
  return text.replaceAll('\u0000', '\uFFFD').slice(0, 1_000_000);
}

export type DeadLetterFilter = {
  /** Consumer (queue) name. */
  readonly queue?: string | undefined;
  readonly type?: string | undefined;
  /** Failed before this instant. */
  readonly olderThan?: Date | undefined;
  /** Failed after this instant. */
  readonly newerThan?: Date | undefined;
};

export type DeadLetterSummary = {
  readonly id: string;
  readonly queue: string;
  readonly transport: TransportKind;
  readonly messageId: string | null;
  readonly type: string | null;
  readonly version: number | null;
  readonly guildId: string | null;
  readonly errorCode: string;
  readonly error: string;
  readonly attempts: number;
  readonly failedAt: Date;
  readonly replayable: boolean;
};

export type DeadLetter = DeadLetterSummary & {
  readonly message: unknown;
  readonly raw: string | null;
  readonly stack: string | null;
};

type Row = {
  id: string;
  consumer: string;
  transport: TransportKind;
  message_id: string | null;
  type: string | null;
  version: number | null;
  guild_id: string | null;
  error_code: string;
  error: string;
  attempts: number;
  failed_at: Date | string;
  replayable: boolean;
  message?: unknown;
  raw?: string | null;
  stack?: string | null;
};

/** The same filter in every statement: nulls mean "any". $1 queue, $2 type, $3 older, $4 newer. */
const MATCHES = `
  ($1::text is null or consumer = $1)
  and ($2::text is null or type = $2)
  and ($3::timestamptz is null or failed_at < $3)
  and ($4::timestamptz is null or failed_at > $4)`;

const SUMMARY_COLUMNS = `id, consumer, transport, message_id, type, version, guild_id, error_code,
  left(error, 500) as error, attempts, failed_at, message is not null as replayable`;

export const LIST_DEAD_LETTERS = `
select ${SUMMARY_COLUMNS} from bus.dead_letters
where ${MATCHES} and ($5::bigint is null or id < $5)
order by id desc
limit $6`;

export const COUNT_DEAD_LETTERS = `
select consumer, type, count(*)::int as count, min(failed_at) as oldest, max(failed_at) as newest
from bus.dead_letters where ${MATCHES}
group by consumer, type order by consumer, type`;

export const GET_DEAD_LETTER = `
select ${SUMMARY_COLUMNS}, message, raw, stack, error as full_error from bus.dead_letters where id = $1`;

/** Ids matching a filter, oldest first, in pages (replays go in the order things failed). */
export const MATCHING_IDS = `
select id from bus.dead_letters where ${MATCHES} and id > $5 order by id limit $6`;

/**
 * A replay puts the original message back into the outbox, addressed to the one consumer that
 * failed it (with a fresh attempt count), and removes the dead letter, in one transaction: it is
 * replayed once, whatever crashes. The relay then delivers it as any other message, on either
 * transport.
 */
export const REPLAY_DEAD_LETTERS = `
with d as (
  delete from bus.dead_letters where id = any($1::bigint[]) and message is not null
  returning consumer, guild_id, type, message
)
insert into bus.outbox (guild_id, type, message, target, attempt)
select guild_id, coalesce(type, message->>'type', ''), message, consumer, 0 from d
returning seq`;

export const PURGE_DEAD_LETTERS = `delete from bus.dead_letters where id = any($1::bigint[]) returning id`;

export const DEAD_LETTER_COUNTS = `select consumer, count(*)::int as count from bus.dead_letters group by consumer`;

export type DeadLetterGroup = {
  readonly queue: string;
  readonly type: string | null;
  readonly count: number;
  readonly oldest: Date;
  readonly newest: Date;
};

export type BulkProgress = (done: number, total: number) => void;

/** The operator's view of dead letters: the same for both transports. */
export type DeadLetters = {
  list(filter?: DeadLetterFilter, page?: { limit?: number; before?: string }): Promise<DeadLetterSummary[]>;
  summary(filter?: DeadLetterFilter): Promise<DeadLetterGroup[]>;
  get(id: string): Promise<DeadLetter | undefined>;
  /** Replays these ids; returns how many were replayed (the rest were missing or not replayable). */
  replay(ids: readonly string[]): Promise<number>;
  /** Replays everything the filter matches, in batches, oldest first. */
  replayMatching(filter: DeadLetterFilter, onProgress?: BulkProgress): Promise<number>;
  purge(ids: readonly string[]): Promise<number>;
  purgeMatching(filter: DeadLetterFilter, onProgress?: BulkProgress): Promise<number>;
};

const BATCH = 500;

export function createDeadLetters(db: Database): DeadLetters {
  const filterParams = (f: DeadLetterFilter = {}) => [
    f.queue ?? null,
    f.type ?? null,
    f.olderThan?.toISOString() ?? null,
    f.newerThan?.toISOString() ?? null,
  ];
  const ids = (list: readonly string[]) => {
    const clean = list.filter((id) => /^\d{1,18}$/.test(id));
    return `{${clean.join(',')}}`;
  };
  const bulk = async (
    filter: DeadLetterFilter,
    apply: (batch: string[]) => Promise<number>,
    onProgress: BulkProgress | undefined,
  ) => {
    const groups = await db.withSystem((tx) =>
      run<{ count: number }>(tx, COUNT_DEAD_LETTERS, filterParams(filter)),
    );
    const total = groups.reduce((n, g) => n + g.count, 0);
    let done = 0;
    let seen = 0;
    let after = '0';
    onProgress?.(0, total);
    for (;;) {
      const page = await db.withSystem((tx) =>
        run<{ id: string }>(tx, MATCHING_IDS, [...filterParams(filter), after, BATCH]),
      );
      if (page.length === 0) break;
      after = page[page.length - 1]?.id ?? after;
      done += await apply(page.map((r) => String(r.id)));
      seen += page.length;
      onProgress?.(Math.min(seen, total), total);
      if (page.length < BATCH) break;
    }
    return done;
  };
  const replay = async (list: readonly string[]) =>
    db.withSystem(async (tx) => (await run(tx, REPLAY_DEAD_LETTERS, [ids(list)])).length);
  const purge = async (list: readonly string[]) =>
    db.withSystem(async (tx) => (await run(tx, PURGE_DEAD_LETTERS, [ids(list)])).length);

  return {
    async list(filter = {}, page = {}) {
      const limit = Math.min(Math.max(page.limit ?? 50, 1), 1000);
      const rows = await db.withSystem((tx) =>
        run<Row>(tx, LIST_DEAD_LETTERS, [...filterParams(filter), page.before ?? null, limit]),
      );
      return rows.map(summaryOf);
    },
    async summary(filter = {}) {
      const rows = await db.withSystem((tx) =>
        run<{
          consumer: string;
          type: string | null;
          count: number;
          oldest: Date | string;
          newest: Date | string;
        }>(tx, COUNT_DEAD_LETTERS, filterParams(filter)),
      );
      return rows.map((r) => ({
        queue: r.consumer,
        type: r.type,
        count: r.count,
        oldest: new Date(r.oldest),
        newest: new Date(r.newest),
      }));
    },
    async get(id) {
      if (!/^\d{1,18}$/.test(id)) return undefined;
      const [row] = await db.withSystem((tx) => run<Row & { full_error: string }>(tx, GET_DEAD_LETTER, [id]));
      if (!row) return undefined;
      return {
        ...summaryOf(row),
        error: row.full_error,
        message: row.message ?? null,
        raw: row.raw ?? null,
        stack: row.stack ?? null,
      };
    },
    replay,
    replayMatching: (filter, onProgress) => bulk(filter, replay, onProgress),
    purge,
    purgeMatching: (filter, onProgress) => bulk(filter, purge, onProgress),
  };
}

function summaryOf(row: Row): DeadLetterSummary {
  return {
    id: String(row.id),
    queue: row.consumer,
    transport: row.transport,
    messageId: row.message_id,
    type: row.type,
    version: row.version,
    guildId: row.guild_id === null ? null : String(row.guild_id),
    errorCode: row.error_code,
    error: row.error,
    attempts: row.attempts,
    failedAt: new Date(row.failed_at),
    replayable: row.replayable,
  };
}
