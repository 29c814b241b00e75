import { audit } from '#modules/core/audit.ts';
import type { Bus } from '#platform/bus/bus.ts';
import type { Tx } from '#platform/db/database.ts';
import { run } from '#platform/db/statement.ts';
import type { Principal } from '#platform/http/types.ts';
import type { Scheduler } from '#platform/scheduler/scheduler.ts';
import { GAME_CANCELLED, GAME_UPDATED } from '../events.ts';
import { jobKeys, SERIES_NEXT_JOB } from '../jobs.ts';
import type { CancelScope, GameSummary } from '../types.ts';
import { assertOpen } from './participation.ts';
import { endOf, unscheduleGame } from './schedules.ts';

export type CancelContext = {
  readonly guildId: string;
  readonly actor: Principal | 'system';
  readonly requestId: string | undefined;
  /** Trimmed, at most 500 characters; null for none. */
  readonly reason: string | null;
};

const CANCEL_GAME = `
update games.games set status = 'CANCELLED', cancel_reason = $2, cancel_scope = $3, updated_at = now()
 where id = $1::uuid`;

/** A cancelled occurrence becomes the end of its series ("cancel the series" after "cancel this one"). */
const WIDEN_TO_SERIES = `
update games.games set cancel_scope = 'series', updated_at = now() where id = $1::uuid`;

/**
 * The later instances of a series that are still open, locked in series order (the lock order of
 * every path that touches several instances). Normally none or one: the next instance is created
 * only when the current one ends.
 */
const LATER_OPEN = `
select g.id::text, g.status from games.games g
 where g.series_id = $1::uuid and g.series_index > $2 and g.status in ('SCHEDULED', 'IN_PROGRESS')
 order by g.series_index
   for update`;

/**
 * Cancels a game (its row locked by the caller) in the caller's transaction.
 *
 * - `occurrence`: this instance only. A recurring game keeps one job, `series-next` at the time
 *   the instance would have ended, which creates the next instance as completion would have: the
 *   series goes on on schedule.
 * - `series`: this instance and every later open one; nothing more is created. On a game that
 *   does not repeat it is the same as `occurrence`. On an occurrence cancelled before, it widens
 *   that cancellation (its `series-next` job goes) instead of refusing: "cancel this week's" and
 *   later "no, stop the whole thing" is a normal sequence.
 *
 * Anything else on a closed game is GAME_CLOSED, like every change of a closed game.
 */
export async function cancelGame(
  tx: Tx,
  deps: { readonly bus: Bus; readonly scheduler: Scheduler },
  game: GameSummary,
  requested: CancelScope,
  ctx: CancelContext,
): Promise<void> {
  const scope: CancelScope = game.recurrence === null ? 'occurrence' : requested;
  const widening = game.status === 'CANCELLED' && game.cancelScope === 'occurrence' && scope === 'series';
  if (widening) {
    await run(tx, WIDEN_TO_SERIES, [game.id]);
    await deps.scheduler.cancel(tx, jobKeys.seriesNext(game.id));
    // Everyone was told of the cancellation already: only views refresh (no second DM).
    await deps.bus.publish(
      tx,
      GAME_UPDATED.of({ gameId: game.id, changed: ['cancelScope'] }, eventOptions(ctx)),
    );
    await audit(tx, {
      ...auditBase(ctx, game.id),
      before: { status: game.status, cancelScope: game.cancelScope },
      after: { status: 'CANCELLED', cancelScope: 'series' },
    });
  } else {
    assertOpen(game);
    await closeOne(tx, deps, game, scope, ctx);
    if (scope === 'occurrence' && game.recurrence !== null)
      await deps.scheduler.schedule(tx, {
        key: jobKeys.seriesNext(game.id),
        kind: SERIES_NEXT_JOB,
        // Past already (cancelled while running late): fires at once.
        dueAt: endOf(game),
        guildId: game.guildId,
        payload: { gameId: game.id },
      });
  }
  if (scope !== 'series') return;
  const later = await run<{ id: string; status: GameSummary['status'] }>(tx, LATER_OPEN, [
    game.seriesId ?? game.id,
    game.seriesIndex,
  ]);
  for (const instance of later) await closeOne(tx, deps, instance, 'series', ctx);
}

/** One instance: status, every pending job gone, GAME_CANCELLED (DMs, announcement) and the audit entry. */
async function closeOne(
  tx: Tx,
  deps: { readonly bus: Bus; readonly scheduler: Scheduler },
  game: Pick<GameSummary, 'id' | 'status'>,
  scope: CancelScope,
  ctx: CancelContext,
): Promise<void> {
  await run(tx, CANCEL_GAME, [game.id, ctx.reason, scope]);
  await unscheduleGame(tx, deps.scheduler, game.id);
  await deps.bus.publish(
    tx,
    GAME_CANCELLED.of(
      { gameId: game.id, scope, ...(ctx.reason ? { reason: ctx.reason } : {}) },
      eventOptions(ctx),
    ),
  );
  await audit(tx, {
    ...auditBase(ctx, game.id),
    before: { status: game.status },
    after: { status: 'CANCELLED', cancelScope: scope, reason: ctx.reason },
  });
}

const eventOptions = (ctx: CancelContext) => ({
  guildId: ctx.guildId,
  ...(ctx.requestId ? { correlationId: ctx.requestId } : {}),
});

const auditBase = (ctx: CancelContext, gameId: string) => ({
  guildId: ctx.guildId,
  actor: ctx.actor,
  action: 'games.cancel',
  target: `game:${gameId}`,
  ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
});
