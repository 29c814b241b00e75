import { createHash } from 'node:crypto';
import type { Tx } from '#platform/db/database.ts';
import { run } from '#platform/db/statement.ts';
import { isDiscordError } from '#platform/discord/errors.ts';
import type { Discord, MessagePayload } from '#platform/discord/port.ts';
import type { I18n, Params } from '#platform/i18n/i18n.ts';
import type { Logger } from '#platform/log/logger.ts';
import type { RepeatedProblems } from '#platform/log/repeated.ts';
import { readConfig } from '../service/config.ts';
import { writeDiscordRefs } from '../service/index.ts';
import { readGame, textArray } from '../service/rows.ts';
import { type Game, isConfirmed } from '../types.ts';
import {
  type AnnouncementRow,
  ENSURE_ANNOUNCEMENT,
  FORGET_MESSAGE,
  GUILD_LOCALE,
  LOCK_ANNOUNCEMENT,
  SAVE_HASH,
  SAVE_MESSAGE,
  SAVE_ROLE,
  SAVE_THREAD,
  USER_LOCALE,
} from './queries.ts';
import { renderAnnouncement, renderHash, whenText } from './render.ts';

export type SyncDeps = {
  /** The port of the identity that serves the games module. */
  readonly discord: () => Discord;
  readonly i18n: I18n;
  /**
   * What the bot cannot do in a guild (post in its channel, manage roles, open threads) is logged
   * once per guild and kind until it works again, not on every event.
   */
  readonly problems: RepeatedProblems;
  readonly now?: () => Date;
};

/** Discord's nonce: at most 25 characters, the same for the same purpose. */
export function nonceFor(...parts: readonly string[]): string {
  return createHash('sha256').update(parts.join(':')).digest('base64url').slice(0, 25);
}

/** Discord answers that no retry will change: the channel is gone or closed to the bot. */
const HOPELESS = [
  'DISCORD_UNKNOWN_CHANNEL',
  'DISCORD_MISSING_ACCESS',
  'DISCORD_MISSING_PERMISSIONS',
  'DISCORD_INVALID_REQUEST',
] as const;
const hopeless = (error: unknown) => HOPELESS.some((code) => isDiscordError(error, code));

export type GuildView = {
  readonly locale: string;
  readonly channelIds: string[];
  readonly threadPerGame: boolean;
  readonly tempRole: boolean;
};

export async function guildView(tx: Tx, guildId: string): Promise<GuildView> {
  const [settings] = await run<{ locale: string }>(tx, GUILD_LOCALE, [guildId]);
  const config = await readConfig(tx, guildId);
  return {
    locale: settings?.locale ?? 'en',
    channelIds: config.announcementChannelIds,
    threadPerGame: config.threadPerGame,
    tempRole: config.tempRole,
  };
}

/** The user's language when we know it (from their sign-in), else the guild's. */
export async function localeFor(tx: Tx, userId: string, guildLocale: string, i18n: I18n): Promise<string> {
  const [user] = await run<{ locale: string | null }>(tx, USER_LOCALE, [userId]);
  return i18n.resolve(user?.locale, guildLocale);
}

/**
 * Sends one DM; a member who does not accept DMs (or left Discord) is skipped, not retried. The
 * nonce makes a retried delivery return the DM already sent instead of a second one.
 */
export async function sendDm(
  deps: SyncDeps,
  log: Logger,
  userId: string,
  message: MessagePayload,
  nonce: string,
): Promise<boolean> {
  try {
    await deps.discord().sendDm(userId, { ...message, nonce, enforceNonce: true });
    return true;
  } catch (error) {
    if (isDiscordError(error, 'DISCORD_CANNOT_DM') || isDiscordError(error, 'DISCORD_UNKNOWN_USER')) {
      log.info({ userId, code: (error as { code: string }).code }, 'DM not delivered: skipped');
      return false;
    }
    throw error;
  }
}

/** DM text parameters every game message uses: its title and its start as Discord timestamps. */
export function gameParams(game: Pick<Game, 'title' | 'startsAt'>): Params {
  return { title: game.title, when: whenText(game.startsAt) };
}

export type Synced = {
  readonly game: Game | undefined;
  readonly row: AnnouncementRow | undefined;
  readonly view: GuildView | undefined;
  readonly outcome: 'posted' | 'edited' | 'unchanged' | 'reposted' | 'skipped' | 'no-game';
};

/**
 * Brings a game's announcement up to date with the game as it is now: posts it when due and not
 * posted yet, edits it when its render changed, reposts it when it was deleted in Discord, and
 * keeps the temporary role's members in step. Every game event ends here; which event it was
 * matters little, because the game is read afresh after the row lock is taken.
 */
export async function syncAnnouncement(deps: SyncDeps, tx: Tx, log: Logger, gameId: string): Promise<Synced> {
  await run(tx, ENSURE_ANNOUNCEMENT, [gameId]);
  const [row] = await run<AnnouncementRow>(tx, LOCK_ANNOUNCEMENT, [gameId]);
  const game = row ? await readGame(tx, gameId) : undefined;
  if (!row || !game) return { game: undefined, row: undefined, view: undefined, outcome: 'no-game' };
  const view = await guildView(tx, game.guildId);
  const t = deps.i18n.forLocale(view.locale);
  const payload = renderAnnouncement(game, t);
  const hash = renderHash(payload);
  const now = deps.now?.() ?? new Date();
  const closed = game.status === 'CANCELLED' || game.status === 'COMPLETED';
  const glog = log.child({ guildId: game.guildId, gameId });
  const discord = deps.discord();

  await syncRole(deps, tx, glog, game, row, view);

  if (!row.message_id) {
    const due = !game.postAt || new Date(game.postAt) <= now;
    const channelId = game.channelId ?? view.channelIds[0] ?? null;
    if (!due || closed || !channelId) {
      if (!channelId) glog.info('no announcement channel for this game: not posted');
      return { game, row, view, outcome: 'skipped' };
    }
    try {
      // The nonce is the game's, not the event's: whichever delivery posts first, a retry
      // after a crash before the commit gets the same message back.
      const sent = await discord.sendMessage(channelId, {
        ...payload,
        nonce: nonceFor('post', gameId),
        enforceNonce: true,
      });
      await run(tx, SAVE_MESSAGE, [gameId, channelId, sent.id, hash, 0]);
      await writeDiscordRefs(tx, gameId, { announcementMessageId: sent.id });
      deps.problems.resolved(glog, game.guildId, 'announcement');
      glog.info({ messageId: sent.id, channelId }, 'announcement posted');
      return { game, row: { ...row, message_id: sent.id, channel_id: channelId }, view, outcome: 'posted' };
    } catch (error) {
      if (!hopeless(error)) throw error;
      deps.problems.report(
        glog,
        game.guildId,
        'announcement',
        { err: error, channelId },
        'cannot post the announcement in its channel: given up',
      );
      return { game, row, view, outcome: 'skipped' };
    }
  }

  const channelId = row.channel_id as string;
  if (game.channelId && game.channelId !== channelId && !closed)
    return moveAnnouncement(deps, tx, glog, { game, row, view }, payload, hash, game.channelId);
  if (row.render_hash === hash) return { game, row, view, outcome: 'unchanged' };
  try {
    await discord.editMessage(channelId, row.message_id, payload);
    await run(tx, SAVE_HASH, [gameId, hash]);
    deps.problems.resolved(glog, game.guildId, 'announcement');
    return { game, row, view, outcome: 'edited' };
  } catch (error) {
    if (!isDiscordError(error, 'DISCORD_UNKNOWN_MESSAGE')) {
      if (!hopeless(error)) throw error;
      deps.problems.report(
        glog,
        game.guildId,
        'announcement',
        { err: error, channelId },
        'cannot edit the announcement: given up',
      );
      return { game, row, view, outcome: 'skipped' };
    }
  }
  // Deleted in Discord. A game that still runs gets its announcement back; a closed one does not.
  if (closed) {
    await run(tx, FORGET_MESSAGE, [gameId]);
    return { game, row: { ...row, message_id: null }, view, outcome: 'skipped' };
  }
  try {
    const sent = await discord.sendMessage(channelId, {
      ...payload,
      nonce: nonceFor('repost', gameId, row.message_id),
      enforceNonce: true,
    });
    await run(tx, SAVE_MESSAGE, [gameId, channelId, sent.id, hash, 1]);
    await writeDiscordRefs(tx, gameId, { announcementMessageId: sent.id });
    glog.info({ messageId: sent.id, previous: row.message_id }, 'announcement was deleted: reposted');
    return { game, row: { ...row, message_id: sent.id }, view, outcome: 'reposted' };
  } catch (error) {
    if (!hopeless(error)) throw error;
    deps.problems.report(
      glog,
      game.guildId,
      'announcement',
      { err: error, channelId },
      'cannot repost the announcement: given up',
    );
    await run(tx, FORGET_MESSAGE, [gameId]);
    return { game, row, view, outcome: 'skipped' };
  }
}

/**
 * The game moved to another channel: its announcement is posted there and the old one deleted
 * (posted first, so a failure leaves the old one in place for the next delivery to retry).
 */
async function moveAnnouncement(
  deps: SyncDeps,
  tx: Tx,
  log: Logger,
  current: { game: Game; row: AnnouncementRow; view: GuildView },
  payload: MessagePayload,
  hash: string,
  to: string,
): Promise<Synced> {
  const { game, row, view } = current;
  const discord = deps.discord();
  try {
    const sent = await discord.sendMessage(to, {
      ...payload,
      nonce: nonceFor('move', game.id, row.message_id ?? '', to),
      enforceNonce: true,
    });
    await discord.deleteMessage(row.channel_id as string, row.message_id as string).catch((error) => {
      if (!isDiscordError(error, 'DISCORD_UNKNOWN_MESSAGE') && !hopeless(error)) throw error;
    });
    await run(tx, SAVE_MESSAGE, [game.id, to, sent.id, hash, 0]);
    await writeDiscordRefs(tx, game.id, { announcementMessageId: sent.id });
    log.info({ messageId: sent.id, channelId: to, from: row.channel_id }, 'announcement moved');
    return { game, row: { ...row, message_id: sent.id, channel_id: to }, view, outcome: 'reposted' };
  } catch (error) {
    if (!hopeless(error)) throw error;
    deps.problems.report(
      log,
      game.guildId,
      'announcement',
      { err: error, channelId: to },
      'cannot move the announcement: left where it is',
    );
    return { game, row, view, outcome: 'skipped' };
  }
}

/**
 * The temporary role (guild option): created with the announcement, given to confirmed players
 * and taken from those who leave, deleted once the game is over or cancelled. Failures (the bot
 * lacks Manage Roles) are logged: the role is a convenience, never a reason to retry the event.
 */
async function syncRole(
  deps: SyncDeps,
  tx: Tx,
  log: Logger,
  game: Game,
  row: AnnouncementRow,
  view: GuildView,
): Promise<void> {
  if (row.role_deleted) return;
  const discord = deps.discord();
  const closed = game.status === 'CANCELLED' || game.status === 'COMPLETED';
  try {
    if (closed) {
      if (!row.role_id) return;
      await discord.deleteRole(game.guildId, row.role_id).catch((error) => {
        if (!isDiscordError(error, 'DISCORD_UNKNOWN_ROLE')) throw error;
      });
      await run(tx, SAVE_ROLE, [game.id, row.role_id, '{}', true]);
      return;
    }
    if (!view.tempRole) return;
    const due = !game.postAt || new Date(game.postAt) <= (deps.now?.() ?? new Date());
    if (!due) return;
    let roleId = row.role_id;
    if (!roleId) {
      const t = deps.i18n.forLocale(view.locale);
      const role = await discord.createRole(game.guildId, {
        name: t('games.discord.role.name', { title: game.title }),
        mentionable: true,
      });
      roleId = role.id;
    }
    const had = new Set(textArray(row.role_member_ids));
    const want = new Set(game.participants.filter((p) => isConfirmed(p.state)).map((p) => p.userId));
    const kept = new Set(had);
    for (const userId of want)
      if (!had.has(userId)) {
        await discord.addMemberRole(game.guildId, userId, roleId).then(
          () => kept.add(userId),
          (error) => {
            if (!isDiscordError(error, 'DISCORD_UNKNOWN_MEMBER')) throw error;
          },
        );
      }
    for (const userId of had)
      if (!want.has(userId)) {
        await discord.removeMemberRole(game.guildId, userId, roleId).catch((error) => {
          if (!isDiscordError(error, 'DISCORD_UNKNOWN_MEMBER')) throw error;
        });
        kept.delete(userId);
      }
    await run(tx, SAVE_ROLE, [game.id, roleId, `{${[...kept].join(',')}}`, false]);
    row.role_id = roleId;
    deps.problems.resolved(log, game.guildId, 'temp-role');
  } catch (error) {
    if (!hopeless(error) && !isDiscordError(error, 'DISCORD_UNKNOWN_ROLE')) throw error;
    deps.problems.report(log, game.guildId, 'temp-role', { err: error }, 'temporary role not kept in step');
  }
}

/**
 * The game's thread (guild option), made at the first reminder on the announcement with the
 * confirmed players in it; archived when the game is over.
 */
export async function ensureThread(
  deps: SyncDeps,
  tx: Tx,
  log: Logger,
  gameId: string,
  offsetMinutes?: number,
): Promise<void> {
  const synced = await syncAnnouncement(deps, tx, log, gameId);
  const { game, row, view } = synced;
  if (!game || !row || !view?.threadPerGame || row.thread_id || !row.message_id || !row.channel_id) return;
  if (game.status !== 'SCHEDULED' && game.status !== 'IN_PROGRESS') return;
  // A reminder for an earlier start (the game moved later since) is not yet the first reminder.
  const now = (deps.now?.() ?? new Date()).getTime();
  if (offsetMinutes !== undefined && now + 60_000 < Date.parse(game.startsAt) - offsetMinutes * 60_000)
    return;
  const t = deps.i18n.forLocale(view.locale);
  const discord = deps.discord();
  try {
    const date = new Date(game.startsAt).toISOString().slice(0, 10);
    const thread = await discord.createThread(row.channel_id, {
      name: t('games.discord.thread.name', { title: game.title, date }).slice(0, 100),
      messageId: row.message_id,
      autoArchiveMinutes: 1440,
    });
    for (const p of game.participants.filter((x) => isConfirmed(x.state)))
      await discord.addThreadMember(thread.id, p.userId).catch((error) => {
        if (!isDiscordError(error, 'DISCORD_UNKNOWN_MEMBER')) throw error;
      });
    await run(tx, SAVE_THREAD, [gameId, thread.id, false]);
    await writeDiscordRefs(tx, gameId, { threadId: thread.id });
    deps.problems.resolved(log, game.guildId, 'thread');
    log.info({ gameId, threadId: thread.id }, 'game thread created');
  } catch (error) {
    if (!hopeless(error)) throw error;
    deps.problems.report(
      log,
      game.guildId,
      'thread',
      { err: error, gameId },
      'cannot create the game thread',
    );
  }
}

/** Archives the thread of a finished or cancelled game. */
export async function archiveThread(
  deps: SyncDeps,
  tx: Tx,
  log: Logger,
  row: AnnouncementRow,
): Promise<void> {
  if (!row.thread_id || row.thread_archived) return;
  try {
    await deps.discord().archiveThread(row.thread_id, { locked: true });
  } catch (error) {
    if (!hopeless(error)) throw error;
    log.warn({ err: error, threadId: row.thread_id }, 'cannot archive the game thread');
  }
  await run(tx, SAVE_THREAD, [row.game_id, row.thread_id, true]);
}

/**
 * Keeps one player's place in the game's thread in step with their answer as it is now (not as
 * the event said: a late delivery must not undo a newer answer). Confirmed players are in it;
 * who left, can't come or was removed is taken out; a waitlisted player stays where they are
 * (pushed back by a host-added player, they are still part of the game and likely to play).
 */
export async function threadFollows(deps: SyncDeps, log: Logger, synced: Synced, userId: string) {
  const row = synced.row;
  if (!synced.game || !row?.thread_id || row.thread_archived) return;
  const state = synced.game.participants.find((p) => p.userId === userId)?.state ?? null;
  if (state === 'waitlisted') return;
  const discord = deps.discord();
  const change = isConfirmed(state ?? 'declined')
    ? discord.addThreadMember(row.thread_id, userId)
    : discord.removeThreadMember(row.thread_id, userId);
  await change.catch((error) => {
    if (!hopeless(error) && !isDiscordError(error, 'DISCORD_UNKNOWN_MEMBER')) throw error;
    log.info({ err: error, userId, state }, 'could not bring the game thread in step with the player');
  });
}
