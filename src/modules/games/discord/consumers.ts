import type { Static, TSchema } from 'typebox';
import type { Envelope, EventDefinition } from '#platform/bus/events.ts';
import { defineConsumer, type HandlerContext, type Subscription } from '#platform/bus/subscription.ts';
import { sandboxWithin } from '#platform/discord/log.ts';
import {
  GAME_CANCELLED,
  GAME_CREATED,
  GAME_POST_DUE,
  GAME_STATUS_CHANGED,
  GAME_UPDATED,
  NOTIFICATION_DUE,
  NOTIFICATION_SEND_DM,
  PLAYER_DECLINED,
  PLAYER_DEMOTED,
  PLAYER_JOINED,
  PLAYER_LEFT,
  PLAYER_REMOVED,
  WAITLIST_PROMOTED,
} from '../events.ts';
import { readGame } from '../service/rows.ts';
import type { Game } from '../types.ts';
import { whenText } from './render.ts';
import {
  archiveThread,
  ensureThread,
  gameParams,
  guildView,
  localeFor,
  nonceFor,
  type SyncDeps,
  type Synced,
  sendDm,
  syncAnnouncement,
  threadFollows,
} from './sync.ts';

/**
 * Discord effects have no transaction to roll back, so one message per transaction: a failed
 * commit then repeats one message's effects (and nonces make even those come back, not twice).
 */
const OPTIONS = { batchSize: 1, maxAttempts: 8 } as const;

type GamePayload = { gameId: string };

function consumer<S extends TSchema>(
  action: string,
  event: EventDefinition<S>,
  handler: (event: Envelope<Static<S>>, ctx: HandlerContext) => Promise<void>,
): Subscription {
  // In the embedded mode the sandbox's calls join the handler's transaction (see sandboxWithin).
  return defineConsumer(
    `discord.games.${action}`,
    event,
    (e, ctx) => sandboxWithin(ctx.tx, () => handler(e, ctx)),
    OPTIONS,
  ) as unknown as Subscription;
}

/** Every consumer of the Discord side: the announcement, DMs, thread and temporary role. */
export function discordConsumers(deps: SyncDeps): Subscription[] {
  const sync = (event: Envelope<GamePayload>, ctx: HandlerContext) =>
    syncAnnouncement(deps, ctx.tx, ctx.log, event.payload.gameId);

  /** A DM about `game` to `userId`, in their language, at most once per event and user. */
  const dmAbout = async (
    ctx: HandlerContext,
    event: Envelope<unknown>,
    synced: Synced,
    userId: string,
    key: string,
    extra: Record<string, string> = {},
  ) => {
    const game = synced.game as Game;
    const locale = await localeFor(ctx.tx, userId, synced.view?.locale ?? 'en', deps.i18n);
    const t = deps.i18n.forLocale(locale);
    const link =
      synced.row?.message_id && synced.row.channel_id
        ? `\nhttps://discord.com/channels/${game.guildId}/${synced.row.channel_id}/${synced.row.message_id}`
        : '';
    await sendDm(
      deps,
      ctx.log,
      userId,
      { content: `${t(`games.discord.dm.${key}`, { ...gameParams(game), ...extra })}${link}` },
      nonceFor('dm', event.id, userId),
    );
  };

  const syncOnly = async (event: Envelope<GamePayload>, ctx: HandlerContext) => {
    await sync(event, ctx);
  };

  /** The announcement, then the player's place in the thread (joined, left, can't come). */
  const syncAndThread = async (event: Envelope<GamePayload & { userId: string }>, ctx: HandlerContext) => {
    const synced = await sync(event, ctx);
    await threadFollows(deps, ctx.log, synced, event.payload.userId);
  };

  const stateOf = (synced: Synced, userId: string) =>
    synced.game?.participants.find((p) => p.userId === userId)?.state ?? null;

  return [
    consumer('announce-created', GAME_CREATED, syncOnly),
    consumer('announce-post-due', GAME_POST_DUE, syncOnly),
    consumer('announce-updated', GAME_UPDATED, syncOnly),
    consumer('announce-joined', PLAYER_JOINED, syncAndThread),
    consumer('announce-left', PLAYER_LEFT, syncAndThread),
    consumer('announce-declined', PLAYER_DECLINED, syncAndThread),
    consumer('announce-removed', PLAYER_REMOVED, async (event, ctx) => {
      const synced = await sync(event, ctx);
      await threadFollows(deps, ctx.log, synced, event.payload.userId);
      // Re-added since? Then the removal is old news.
      if (synced.game && stateOf(synced, event.payload.userId) === null)
        await dmAbout(ctx, event, synced, event.payload.userId, 'removed');
    }),
    consumer('announce-promoted', WAITLIST_PROMOTED, async (event, ctx) => {
      const synced = await sync(event, ctx);
      const state = stateOf(synced, event.payload.userId);
      if (synced.game?.status !== 'SCHEDULED') return;
      if (state !== 'confirmed' && state !== 'host_added') return;
      await dmAbout(ctx, event, synced, event.payload.userId, 'promoted');
      await threadFollows(deps, ctx.log, synced, event.payload.userId);
    }),
    consumer('announce-demoted', PLAYER_DEMOTED, async (event, ctx) => {
      const synced = await sync(event, ctx);
      if (synced.game?.status === 'SCHEDULED' && stateOf(synced, event.payload.userId) === 'waitlisted')
        await dmAbout(ctx, event, synced, event.payload.userId, 'demoted');
    }),
    consumer('announce-status', GAME_STATUS_CHANGED, async (event, ctx) => {
      const synced = await sync(event, ctx);
      const to = synced.game?.status;
      if (synced.row && (to === 'COMPLETED' || to === 'CANCELLED'))
        await archiveThread(deps, ctx.tx, ctx.log, synced.row);
    }),
    consumer('announce-cancelled', GAME_CANCELLED, async (event, ctx) => {
      const synced = await sync(event, ctx);
      const game = synced.game;
      if (game?.status !== 'CANCELLED') return;
      if (synced.row) await archiveThread(deps, ctx.tx, ctx.log, synced.row);
      const reason = event.payload.reason?.trim();
      // A recurring game's players should know whether next week is still on.
      const series = event.payload.scope === 'series' && game.seriesId !== null;
      const key = `${series ? 'cancelledSeries' : 'cancelled'}${reason ? 'Reason' : ''}` as const;
      for (const p of game.participants) {
        if (p.state === 'declined' || p.userId === game.hostId) continue;
        await dmAbout(ctx, event, synced, p.userId, key, reason ? { reason } : {});
      }
    }),
    consumer('thread-at-reminder', NOTIFICATION_DUE, async (event, ctx) => {
      // The game-wide reminder (not a member's own lead time) opens the thread.
      if (event.payload.kind !== 'reminder' || event.payload.userId) return;
      await ensureThread(deps, ctx.tx, ctx.log, event.payload.gameId, event.payload.offsetMinutes);
    }),
    consumer('send-dm', NOTIFICATION_SEND_DM, async (event, ctx) => {
      const p = event.payload;
      const log = ctx.log.child({ userId: p.userId, messageKey: p.messageKey });
      if (!deps.i18n.has('en', p.messageKey)) {
        log.error('NOTIFICATION_SEND_DM names a message the catalogue lacks: not sent');
        return;
      }
      const guildId = p.guildId ?? event.guildId;
      const view = guildId ? await guildView(ctx.tx, guildId) : undefined;
      const locale = await localeFor(ctx.tx, p.userId, view?.locale ?? 'en', deps.i18n);
      const params: Record<string, string | number> = { ...p.params };
      const game = p.gameId ? await readGame(ctx.tx, p.gameId) : undefined;
      if (game) {
        params.title ??= game.title;
        params.when ??= whenText(game.startsAt);
      } else if (typeof params.startsAt === 'string' && !params.when) params.when = whenText(params.startsAt);
      const text = deps.i18n.t(locale, p.messageKey, params);
      await sendDm(deps, log, p.userId, { content: text.slice(0, 2000) }, nonceFor('dm', event.id, p.userId));
    }),
  ];
}
