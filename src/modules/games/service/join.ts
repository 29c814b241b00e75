import type { Bus } from '#platform/bus/bus.ts';
import { createCoalescer } from '#platform/coalescer.ts';
import type { Database, Tx } from '#platform/db/database.ts';
import { run } from '#platform/db/statement.ts';
import type { Scheduler } from '#platform/scheduler/scheduler.ts';
import { GamesError } from '../errors.ts';
import { PLAYER_JOINED } from '../events.ts';
import type { ParticipantState, ParticipationResult } from '../types.ts';
import { assertOpen, joinState, type LockedRow, toLocked } from './participation.ts';
import { GAME_COLUMNS, isUuid, pgArray } from './rows.ts';
import { scheduleJoinNotification, scheduleUserReminder } from './schedules.ts';

export type JoinRequest = {
  readonly userId: string;
  readonly note: string | null;
  readonly roleIds: readonly string[] | undefined;
  readonly actorKind: 'user' | 'token';
  readonly actorId: string;
  readonly requestId: string | null;
};

/**
 * One round trip before deciding: locks the game row (the latest committed counters) and fetches,
 * for the batch's users, their existing rows, their roles (ROLE_BASED only) and their reminder
 * preferences. The look-ups run on the statement's snapshot; a row another process committed
 * while this one waited for the lock is caught by the write's conflict check (then the batch is
 * retried).
 */
const JOIN_READ = `
select g.*,
  coalesce((select json_agg(json_build_object('u', p.user_id::text, 's', p.state))
              from games.participants p where p.game_id = $1::uuid and p.user_id = any ($2::bigint[])), '[]') as existing,
  case when g.signup_method = 'ROLE_BASED' then
    coalesce((select json_agg(json_build_object('u', m.user_id::text, 'r', m.role_ids::text[]))
                from core.guild_members m where m.guild_id = g.guild_id::bigint and m.user_id = any ($2::bigint[])), '[]')
  else '[]' end as members,
  coalesce((select json_agg(json_build_object('u', r.user_id::text, 'g', r.game_id is not null, 'm', r.muted, 'l', r.lead_minutes))
              from games.reminder_prefs r
             where r.user_id = any ($2::bigint[]) and (r.game_id = $1::uuid or r.game_id is null)), '[]') as prefs
from (select ${GAME_COLUMNS}, g.next_position from games.games g where g.id = $1::uuid for update) g`;

/**
 * The batch's writes in one statement: the participant rows (a declined row may be turned into a
 * join; any other existing row makes the count come short, which aborts the batch), the game's
 * counters and one audit entry per join.
 */
const JOIN_WRITE = `
with ch as (
  select * from unnest($2::bigint[], $3::text[], $4::int[], $5::text[], $6::bool[], $7::text[], $8::text[], $9::text[])
    as c(user_id, state, position, note, priority, actor_kind, actor_id, request_id)
), ins as (
  insert into games.participants (game_id, user_id, guild_id, state, position, note, priority, self_joined, starts_at)
  select $1::uuid, c.user_id, $10::bigint, c.state, c.position, c.note, c.priority, true,
         (select g.starts_at from games.games g where g.id = $1::uuid)
    from ch c
  on conflict (game_id, user_id) do update set
    state = excluded.state, position = excluded.position, note = excluded.note, priority = excluded.priority,
    self_joined = true, joined_at = now(), updated_at = now()
  where games.participants.state = 'declined'
  returning 1
), upd as (
  update games.games set next_position = $11, confirmed_count = $12, waitlist_count = $13, updated_at = now()
   where id = $1::uuid
), aud as (
  insert into core.audit_log (guild_id, actor_kind, actor_id, action, target, after, request_id)
  select $10::bigint, c.actor_kind, c.actor_id, 'games.join', 'game:' || $1,
         jsonb_build_object('userId', c.user_id::text, 'state', c.state, 'position', c.position), c.request_id
    from ch c
)
select count(*)::int as n from ins`;

type ReadRow = LockedRow & {
  existing: Array<{ u: string; s: ParticipantState }>;
  members: Array<{ u: string; r: string[] }>;
  prefs: Array<{ u: string; g: boolean; m: boolean; l: number | null }>;
};

type Outcome = { ok: true; result: ParticipationResult } | { ok: false; error: unknown };

class ConflictRetry extends Error {}

/**
 * Joins, grouped per game: while one transaction for a game is in flight, joins arriving for the
 * same game queue up and go together in the next one, in arrival order. Under a storm that turns
 * N lock waits into a handful of transactions (the game row's lock would otherwise serialise N
 * short transactions, each paying its round trips while every other one waits). The grouping is
 * platform/coalescer.ts, keyed by game.
 */
export function createJoiner(deps: {
  readonly db: Database;
  readonly bus: Bus;
  readonly scheduler: Scheduler;
  readonly maxBatch?: number;
}) {
  // One queue per game: joins arriving while the game's batch runs go together in the next.
  const batches = createCoalescer<JoinRequest & { guildId: string; gameId: string }, Outcome>({
    maxBatch: deps.maxBatch ?? 256,
    run: (_queue, items) => {
      const first = items[0];
      return first ? runBatch(first.guildId, first.gameId, [...items]) : Promise.resolve([]);
    },
  });

  async function runBatch(guildId: string, gameId: string, items: JoinRequest[]): Promise<Outcome[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await deps.db.withGuild(guildId, (tx) => joinBatch(tx, guildId, gameId, items));
      } catch (error) {
        if (error instanceof ConflictRetry && attempt < 3) continue;
        if (error instanceof ConflictRetry)
          return items.map(() => ({
            ok: false,
            error: new GamesError('ALREADY_JOINED', 'You are already signed up.'),
          }));
        return items.map(() => ({ ok: false, error }));
      }
    }
  }

  async function joinBatch(
    tx: Tx,
    guildId: string,
    gameId: string,
    items: JoinRequest[],
  ): Promise<Outcome[]> {
    const now = new Date();
    const [row] = await run<ReadRow>(tx, JOIN_READ, [gameId, pgArray(items.map((i) => i.userId))]);
    if (!row)
      return items.map(() => ({
        ok: false,
        error: new GamesError('GAME_NOT_FOUND', 'That game was not found.'),
      }));
    const game = toLocked(row);
    const states = new Map(row.existing.map((e) => [e.u, e.s]));
    const roles = new Map(row.members.map((m) => [m.u, m.r.map(String)]));
    let confirmed = game.confirmedCount;
    let waitlisted = game.waitlistCount;
    let next = game.nextPosition;
    const outcomes: Outcome[] = [];
    const accepted: Array<{
      item: JoinRequest;
      state: 'confirmed' | 'waitlisted';
      position: number;
      priority: boolean;
    }> = [];
    for (const item of items) {
      try {
        assertOpen(game);
        const existing = states.get(item.userId);
        if (existing && existing !== 'declined')
          throw new GamesError('ALREADY_JOINED', `You are already signed up for this game (${existing}).`, {
            params: { state: existing },
          });
        const held = item.roleIds ?? roles.get(item.userId) ?? [];
        const priority = game.signupRoleIds.some((r) => held.includes(r));
        const state = joinState(game, confirmed, priority, now);
        if (state === 'confirmed') confirmed += 1;
        else waitlisted += 1;
        next += 1;
        states.set(item.userId, state);
        accepted.push({ item, state, position: next, priority });
        outcomes.push({
          ok: true,
          result: {
            gameId,
            userId: item.userId,
            state,
            position: next,
            promoted: [],
            demoted: [],
            confirmedCount: 0,
            waitlistCount: 0,
          },
        });
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
    }
    if (accepted.length === 0) return outcomes;
    const [written] = await run<{ n: number }>(tx, JOIN_WRITE, [
      gameId,
      pgArray(accepted.map((a) => a.item.userId)),
      pgArray(accepted.map((a) => a.state)),
      pgArray(accepted.map((a) => a.position)),
      pgArray(accepted.map((a) => a.item.note)),
      pgArray(accepted.map((a) => a.priority)),
      pgArray(accepted.map((a) => a.item.actorKind)),
      pgArray(accepted.map((a) => a.item.actorId)),
      pgArray(accepted.map((a) => a.item.requestId)),
      guildId,
      next,
      confirmed,
      waitlisted,
    ]);
    // Someone's row appeared after our snapshot (a concurrent join in another process): redo.
    if (written?.n !== accepted.length) throw new ConflictRetry();
    await deps.bus.publish(
      tx,
      ...accepted.map((a) =>
        PLAYER_JOINED.of(
          { gameId, userId: a.item.userId, state: a.state },
          a.item.requestId ? { correlationId: a.item.requestId } : {},
        ),
      ),
    );
    if (game.signupInstructions)
      for (const a of accepted) await scheduleJoinNotification(tx, deps.scheduler, game, a.item.userId, now);
    for (const a of accepted) {
      const prefs = row.prefs.filter((p) => p.u === a.item.userId);
      const lead = prefs.find((p) => p.g)?.l ?? prefs.find((p) => !p.g)?.l ?? null;
      if (lead !== null && !prefs.some((p) => p.m))
        await scheduleUserReminder(tx, deps.scheduler, game, a.item.userId, lead, now);
    }
    return outcomes.map((o) =>
      o.ok ? { ok: true, result: { ...o.result, confirmedCount: confirmed, waitlistCount: waitlisted } } : o,
    );
  }

  return {
    join(guildId: string, gameId: string, request: JoinRequest): Promise<ParticipationResult> {
      if (!isUuid(gameId))
        return Promise.reject(new GamesError('GAME_NOT_FOUND', 'That game was not found.'));
      return batches.submit(`${guildId}:${gameId}`, { ...request, guildId, gameId }).then((o) => {
        if (o.ok) return o.result;
        throw o.error;
      });
    },
  };
}
