import { randomUUID } from 'node:crypto';
import type { AccessPolicy, Membership } from '#modules/core/access.ts';
import { audit } from '#modules/core/audit.ts';
import type { SettingsService } from '#modules/core/settings.ts';
import type { Bus } from '#platform/bus/bus.ts';
import type { OutgoingEvent } from '#platform/bus/events.ts';
import { type Database, rows, type Tx } from '#platform/db/database.ts';
import { run } from '#platform/db/statement.ts';
import { isDiscordError } from '#platform/discord/errors.ts';
import type { DiscordBots } from '#platform/discord/identities.ts';
import type { Principal } from '#platform/http/types.ts';
import type { Logger } from '#platform/log/logger.ts';
import type { Scheduler } from '#platform/scheduler/scheduler.ts';
import { GamesError } from '../errors.ts';
import {
  GAME_CREATED,
  GAME_UPDATED,
  PLAYER_DECLINED,
  PLAYER_DEMOTED,
  PLAYER_JOINED,
  PLAYER_LEFT,
  PLAYER_REMOVED,
  WAITLIST_PROMOTED,
} from '../events.ts';
import type {
  Actor,
  Game,
  GameFilter,
  GameInput,
  GamePatch,
  GameSummary,
  GamesConfig,
  ParticipantState,
  ParticipationResult,
  ReminderPreference,
} from '../types.ts';
import { cancelGame } from './cancel.ts';
import { readConfig, UPSERT_CONFIG } from './config.ts';
import type { GamesService } from './contract.ts';
import { createJoiner } from './join.ts';
import { listQuery } from './list-query.ts';
import { assertOpen, type LockedGame, lockGame, Roster, rebalance } from './participation.ts';
import { GAME_COLUMNS, type GameRow, isUuid, pgArray, readGame, toSummary } from './rows.ts';
import { scheduleGame, scheduleUserReminder } from './schedules.ts';
import { recordSeriesEdit } from './series.ts';
import { insertTemplate, listTemplates, readTemplate, replaceTemplate } from './templates.ts';
import {
  applyTemplate,
  checkLocked,
  checkOffsets,
  checkTimezone,
  type GameValues,
  resolveGame,
} from './validate.ts';

export type { GamesService } from './contract.ts';

export type GamesServiceDeps = {
  readonly db: Database;
  readonly bus: Bus;
  readonly scheduler: Scheduler;
  readonly access: AccessPolicy;
  readonly settings: SettingsService;
  readonly bots: DiscordBots;
  readonly log: Logger;
  /** The clock (tests move it). */
  readonly now?: () => Date;
};

const INSERT_GAME = `
insert into games.games (id, guild_id, title, description, activity, channel_id, host_id, starts_at, timezone,
  duration_minutes, min_players, max_players, signup_method, signup_role_ids, role_signup_until,
  reminder_offsets_minutes, min_players_check_minutes, join_notification_delay_minutes, signup_instructions,
  post_at, recurrence, series_id, series_index, template_id)
values ($1::uuid, $2::bigint, $3, $4, $5, $6::bigint, $7::bigint, $8::timestamptz, $9, $10, $11, $12, $13,
  $14::bigint[], $15::timestamptz, $16::int[], $17, $18, $19, $20::timestamptz, $21::jsonb, $22::uuid, $23, $24::uuid)
on conflict do nothing
returning ${GAME_COLUMNS.replaceAll('g.', '')}`;

const UPDATE_GAME = `
update games.games g set title = $2, description = $3, activity = $4, channel_id = $5::bigint, host_id = $6::bigint,
  starts_at = $7::timestamptz, timezone = $8, duration_minutes = $9, min_players = $10, max_players = $11,
  signup_method = $12, signup_role_ids = $13::bigint[], role_signup_until = $14::timestamptz,
  reminder_offsets_minutes = $15::int[], min_players_check_minutes = $16, join_notification_delay_minutes = $17,
  signup_instructions = $18, post_at = $19::timestamptz, recurrence = $20::jsonb, updated_at = now()
 where g.id = $1::uuid
returning ${GAME_COLUMNS}`;

const SELECT_PREFS = `
select r.game_id::text, r.muted, r.lead_minutes from games.reminder_prefs r
 where r.user_id = $1::bigint order by r.game_id nulls first, r.updated_at`;

const UPSERT_PREF = `
insert into games.reminder_prefs (guild_id, user_id, game_id, muted, lead_minutes)
values ($1::bigint, $2::bigint, $3::uuid, coalesce($4::boolean, false), $5::int)
on conflict (guild_id, user_id, game_id) do update set
  muted = coalesce($4::boolean, games.reminder_prefs.muted),
  lead_minutes = case when $6::boolean then $5::int else games.reminder_prefs.lead_minutes end,
  updated_at = now()
returning game_id::text, muted, lead_minutes`;

/** The user's upcoming games of this guild (or one of them), with the effective lead and mute. */
const USER_GAMES_PREFS = `
select g.id::text as id, g.guild_id::text as guild_id, g.starts_at, g.status,
       coalesce(pg.lead_minutes, pa.lead_minutes) as lead_minutes,
       coalesce(pg.muted, false) or coalesce(pa.muted, false) as muted
  from games.participants p
  join games.games g on g.id = p.game_id
  left join games.reminder_prefs pg on pg.guild_id = p.guild_id and pg.user_id = p.user_id and pg.game_id = p.game_id
  left join games.reminder_prefs pa on pa.guild_id = p.guild_id and pa.user_id = p.user_id and pa.game_id is null
 where p.user_id = $1::bigint and p.state <> 'declined' and g.status = 'SCHEDULED'
   and ($2::uuid is null or g.id = $2::uuid)`;

const LIST_LIMIT_DEFAULT = 25;
const LIST_LIMIT_MAX = 100;

function principalOf(actor: Actor): Principal | 'system' {
  if (actor === 'system') return 'system';
  return actor.principal ?? { userId: actor.userId, via: 'session', scopes: 'all', guildId: undefined };
}

const requestIdOf = (actor: Actor) => (actor === 'system' ? undefined : actor.requestId);
const correlation = (actor: Actor) => {
  const id = requestIdOf(actor);
  return id ? { correlationId: id } : {};
};

function encodeCursor(game: Pick<GameSummary, 'startsAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([game.startsAt, game.id])).toString('base64url');
}

function decodeCursor(cursor: string): { startsAt: string; id: string } {
  try {
    const [startsAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (typeof startsAt === 'string' && !Number.isNaN(Date.parse(startsAt)) && isUuid(id))
      return { startsAt, id };
  } catch {
    // fall through
  }
  throw new GamesError('INVALID_CURSOR', 'The page cursor is not valid; start from the first page.', {
    pointer: '/querystring/cursor',
  });
}

/** The input form of a game's current settings (what a patch is merged onto). */
function inputOf(game: GameSummary): GameInput {
  return {
    title: game.title,
    description: game.description,
    activity: game.activity,
    channelId: game.channelId,
    hostId: game.hostId,
    startsAt: game.startsAt,
    timezone: game.timezone,
    durationMinutes: game.durationMinutes,
    minPlayers: game.minPlayers,
    maxPlayers: game.maxPlayers,
    signupMethod: game.signupMethod,
    signupRoleIds: game.signupRoleIds,
    roleSignupUntil: game.roleSignupUntil,
    reminderOffsetsMinutes: game.reminderOffsetsMinutes,
    minPlayersCheckMinutes: game.minPlayersCheckMinutes,
    joinNotificationDelayMinutes: game.joinNotificationDelayMinutes,
    signupInstructions: game.signupInstructions,
    postAt: game.postAt,
    recurrence: game.recurrence,
  };
}

function valuesParams(v: GameValues): unknown[] {
  return [
    v.title,
    v.description,
    v.activity,
    v.channelId,
    v.hostId,
    v.startsAt.toISOString(),
    v.timezone,
    v.durationMinutes,
    v.minPlayers,
    v.maxPlayers,
    v.signupMethod,
    pgArray(v.signupRoleIds),
    v.roleSignupUntil?.toISOString() ?? null,
    pgArray(v.reminderOffsetsMinutes),
    v.minPlayersCheckMinutes,
    v.joinNotificationDelayMinutes,
    v.signupInstructions,
    v.postAt?.toISOString() ?? null,
    v.recurrence === null ? null : JSON.stringify(v.recurrence),
  ];
}

/** Fields whose change moves the game's schedules. */
const TIMED = [
  'startsAt',
  'durationMinutes',
  'reminderOffsetsMinutes',
  'postAt',
  'minPlayers',
  'minPlayersCheckMinutes',
  'signupMethod',
  'roleSignupUntil',
];
/** Fields whose change may move players between confirmed and waitlisted. */
const CAPACITY = ['maxPlayers', 'signupMethod', 'roleSignupUntil', 'signupRoleIds'];

/**
 * Inserts a game with its schedules, GAME_CREATED and the audit entry, in the caller's
 * transaction (a `withGuild` request or a consumer's `withSystem` creating a recurrence).
 * Returns undefined when a series instance with that index exists already.
 */
export async function insertGame(
  tx: Tx,
  deps: { readonly bus: Bus; readonly scheduler: Scheduler },
  guildId: string,
  values: GameValues,
  extra: {
    readonly actor: Actor;
    readonly now: Date;
    readonly seriesId?: string | null;
    readonly seriesIndex?: number;
    readonly templateId?: string | null;
    readonly id?: string;
  },
): Promise<GameSummary | undefined> {
  const id = extra.id ?? randomUUID();
  const [row] = await run<GameRow>(tx, INSERT_GAME, [
    id,
    guildId,
    ...valuesParams(values),
    extra.seriesId ?? (values.recurrence ? id : null),
    extra.seriesIndex ?? 0,
    extra.templateId ?? null,
  ]);
  if (!row) return undefined;
  const game = toSummary(row);
  await scheduleGame(tx, deps.scheduler, game, extra.now);
  await deps.bus.publish(tx, GAME_CREATED.of({ gameId: id }, { guildId, ...correlation(extra.actor) }));
  await audit(tx, {
    guildId,
    actor: principalOf(extra.actor),
    action: 'games.create',
    target: `game:${id}`,
    after: game,
    ...(requestIdOf(extra.actor) ? { requestId: requestIdOf(extra.actor) as string } : {}),
  });
  return game;
}

export function createGamesService(deps: GamesServiceDeps): GamesService & {
  /** For consumers: the locked-roster helpers in their own transaction. */
  readonly internals: { readonly now: () => Date };
} {
  const { db, bus, scheduler, access } = deps;
  const now = deps.now ?? (() => new Date());
  const joiner = createJoiner({ db, bus, scheduler });

  async function membershipOf(guildId: string, actor: Actor): Promise<Membership | undefined> {
    if (actor === 'system') return undefined;
    return actor.membership ?? (await access.membership(guildId, actor.userId));
  }

  /** Hosts of their own game and guild admins manage it; the system always may. */
  function assertManager(
    game: Pick<GameSummary, 'hostId'>,
    actor: Actor,
    membership: Membership | undefined,
  ) {
    if (actor === 'system' || actor.userId === game.hostId || membership?.admin) return;
    throw new GamesError('NOT_HOST', 'Only the host of this game or a server admin may do that.');
  }

  /**
   * May host: admins, core's `host` capability, the games config's host roles; when neither core
   * nor the games config names any host role, every member may host.
   */
  async function assertMayHost(guildId: string, actor: Actor, config: GamesConfig, membership?: Membership) {
    if (actor === 'system') return;
    const m = membership ?? (await membershipOf(guildId, actor));
    if (!m) throw new GamesError('NOT_ALLOWED_TO_HOST', 'You need a host role of this server to host games.');
    if (m.admin || m.capabilities.has('host')) return;
    if (config.hostRoleIds.some((r) => m.roleIds.includes(r))) return;
    const core = await deps.settings.get(guildId);
    if (config.hostRoleIds.length === 0 && (core.capabilityRoles.host ?? []).length === 0) return;
    throw new GamesError('NOT_ALLOWED_TO_HOST', 'You need a host role of this server to host games.');
  }

  /** The bot must be able to post in the channel, which must belong to this guild (and be allowed). */
  async function assertChannel(
    guildId: string,
    channelId: string,
    config: GamesConfig,
    pointer = '/body/channelId',
  ) {
    if (config.announcementChannelIds.length > 0 && !config.announcementChannelIds.includes(channelId))
      throw new GamesError('CHANNEL_NOT_ALLOWED', 'Games are announced only in the configured channels.', {
        pointer,
      });
    const discord = deps.bots.forModule('games').discord;
    const refuse = () =>
      new GamesError('CHANNEL_NOT_POSTABLE', 'Guildhall cannot post in that channel.', { pointer });
    try {
      const channel = await discord.getChannel(channelId);
      if (channel.guildId !== guildId) throw refuse();
      if (!(await discord.canPost(channelId))) throw refuse();
    } catch (error) {
      if (error instanceof GamesError) throw error;
      if (
        isDiscordError(error, 'DISCORD_UNKNOWN_CHANNEL') ||
        isDiscordError(error, 'DISCORD_MISSING_ACCESS') ||
        isDiscordError(error, 'DISCORD_MISSING_PERMISSIONS')
      )
        throw refuse();
      throw error;
    }
  }

  async function requireGame(tx: Tx, gameId: string): Promise<Game> {
    const game = await readGame(tx, gameId);
    if (!game) throw new GamesError('GAME_NOT_FOUND', 'That game was not found.');
    return game;
  }

  async function publishMoves(
    tx: Tx,
    guildId: string,
    gameId: string,
    moved: { promoted: string[]; demoted: string[] },
    actor: Actor,
  ) {
    const events: OutgoingEvent[] = [
      ...moved.promoted.map((userId) =>
        WAITLIST_PROMOTED.of({ gameId, userId }, { guildId, ...correlation(actor) }),
      ),
      ...moved.demoted.map((userId) =>
        PLAYER_DEMOTED.of({ gameId, userId }, { guildId, ...correlation(actor) }),
      ),
    ];
    await bus.publish(tx, ...events);
  }

  function result(
    roster: Roster,
    userId: string,
    moved: { promoted: string[]; demoted: string[] },
  ): ParticipationResult {
    const m = roster.find(userId);
    return {
      gameId: roster.game.id,
      userId,
      state: m?.state ?? null,
      position: m?.position ?? null,
      promoted: moved.promoted,
      demoted: moved.demoted,
      confirmedCount: roster.confirmed,
      waitlistCount: roster.waitlisted,
    };
  }

  /** A participation change under the game's lock, with its events and audit in one transaction. */
  async function change(
    guildId: string,
    gameId: string,
    actor: Actor,
    action: string,
    userId: string,
    fn: (roster: Roster, at: Date) => OutgoingEvent[],
  ): Promise<ParticipationResult> {
    if (!isUuid(gameId)) throw new GamesError('GAME_NOT_FOUND', 'That game was not found.');
    return db.withGuild(guildId, async (tx) => {
      const at = now();
      const roster = await Roster.load(tx, gameId);
      const before = roster.find(userId);
      const beforeState = before ? { state: before.state, position: before.position } : null;
      const events = fn(roster, at);
      const moved = rebalance(roster, at);
      await roster.save(tx);
      await bus.publish(tx, ...events);
      await publishMoves(tx, guildId, gameId, moved, actor);
      for (const promotedId of moved.promoted) await afterConfirm(tx, roster.game, promotedId, at);
      const after = roster.find(userId);
      const nowConfirmed = after && (after.state === 'confirmed' || after.state === 'host_added');
      const wasConfirmed =
        beforeState && (beforeState.state === 'confirmed' || beforeState.state === 'host_added');
      if (nowConfirmed && !wasConfirmed && !moved.promoted.includes(userId))
        await afterConfirm(tx, roster.game, userId, at);
      await audit(tx, {
        guildId,
        actor: principalOf(actor),
        action,
        target: `game:${gameId}`,
        before: { userId, ...beforeState },
        after: { userId, state: after?.state ?? null, promoted: moved.promoted, demoted: moved.demoted },
        ...(requestIdOf(actor) ? { requestId: requestIdOf(actor) as string } : {}),
      });
      return result(roster, userId, moved);
    });
  }

  /** A member who got a slot gets their own-lead reminder (when they set one). */
  async function afterConfirm(tx: Tx, game: LockedGame, userId: string, at: Date) {
    const [pref] = await run<{ lead_minutes: number | null; muted: boolean }>(tx, USER_GAMES_PREFS, [
      userId,
      game.id,
    ]);
    if (pref && pref.lead_minutes !== null && !pref.muted)
      await scheduleUserReminder(tx, scheduler, game, userId, pref.lead_minutes, at);
  }

  const service: GamesService = {
    async list(guildId, filter: GameFilter, cursor) {
      const limit = Math.min(Math.max(filter.limit ?? LIST_LIMIT_DEFAULT, 1), LIST_LIMIT_MAX);
      const query = listQuery(guildId, filter, cursor ? decodeCursor(cursor) : undefined, limit);
      const [page] = await db.withGuild(guildId, (tx) => rows<{ page: GameRow[] | string }>(tx, query), {
        readOnly: true,
      });
      const found: GameRow[] = typeof page?.page === 'string' ? JSON.parse(page.page) : (page?.page ?? []);
      const items = found.slice(0, limit).map(toSummary);
      const last = items.at(-1);
      return { items, nextCursor: found.length > limit && last ? encodeCursor(last) : null };
    },

    async get(guildId, gameId) {
      return db.withGuild(guildId, (tx) => requireGame(tx, gameId), { readOnly: true });
    },

    async create(guildId, actor, input) {
      const at = now();
      const { config, template } = await db.withGuild(guildId, async (tx) => ({
        config: await readConfig(tx, guildId),
        template: input.templateId ? await readTemplate(tx, input.templateId, '/body/templateId') : undefined,
      }));
      const membership = await membershipOf(guildId, actor);
      await assertMayHost(guildId, actor, config, membership);
      const merged = template ? applyTemplate(input, template) : input;
      if (actor === 'system' && !merged.hostId)
        throw new GamesError('INVALID_GAME_INPUT', 'A game needs a host.', {
          pointer: '/body/hostId',
          params: { detail: 'a game needs a host' },
        });
      const values = resolveGame(
        merged,
        {
          hostId: actor === 'system' ? (merged.hostId as string) : actor.userId,
          timezone: config.timezone,
          reminderOffsetsMinutes: config.defaultReminderOffsetsMinutes,
        },
        at,
      );
      if (actor !== 'system' && values.hostId !== actor.userId && !membership?.admin)
        throw new GamesError('NOT_ALLOWED_TO_HOST', 'Only server admins may create games for another host.', {
          pointer: '/body/hostId',
        });
      if (values.channelId) await assertChannel(guildId, values.channelId, config);
      else values.channelId = config.announcementChannelIds[0] ?? null;
      return db.withGuild(guildId, async (tx) => {
        const game = await insertGame(tx, { bus, scheduler }, guildId, values, {
          actor,
          now: at,
          templateId: template?.id ?? null,
        });
        if (!game) throw new Error('game id collision');
        return requireGame(tx, game.id);
      });
    },

    async update(guildId, actor, gameId, patch: GamePatch, scope = 'occurrence') {
      const at = now();
      const membership = await membershipOf(guildId, actor);
      const { current, config, locked } = await db.withGuild(guildId, async (tx) => {
        const game = await requireGame(tx, gameId);
        const template = game.templateId
          ? await readTemplate(tx, game.templateId).catch(() => undefined)
          : undefined;
        return { current: game, config: await readConfig(tx, guildId), locked: template?.locked ?? [] };
      });
      assertManager(current, actor, membership);
      if (
        patch.hostId !== undefined &&
        patch.hostId !== current.hostId &&
        actor !== 'system' &&
        !membership?.admin
      )
        throw new GamesError('NOT_ALLOWED_TO_HOST', 'Only server admins may hand a game to another host.', {
          pointer: '/body/hostId',
        });
      checkLocked(patch, locked, current as unknown as Record<string, unknown>);
      if (patch.channelId && patch.channelId !== current.channelId)
        await assertChannel(guildId, patch.channelId, config);
      return db.withGuild(guildId, async (tx) => {
        const roster = await Roster.load(tx, gameId);
        const game = roster.game;
        assertManager(game, actor, membership);
        if (game.status !== 'SCHEDULED')
          throw new GamesError(
            'GAME_CLOSED',
            `This game is ${game.status.toLowerCase()}; it cannot be edited.`,
            {
              params: { status: game.status.toLowerCase() },
            },
          );
        const base = inputOf(game);
        const merged: Record<string, unknown> = { ...base };
        for (const [k, v] of Object.entries(patch)) if (v !== undefined) merged[k] = v;
        if (patch.endsAt !== undefined) merged.durationMinutes = undefined;
        const startMoved =
          patch.startsAt !== undefined &&
          new Date(patch.startsAt).getTime() !== new Date(game.startsAt).getTime();
        const values = resolveGame(
          merged as GameInput,
          {
            hostId: game.hostId,
            timezone: game.timezone,
            reminderOffsetsMinutes: game.reminderOffsetsMinutes,
          },
          at,
          { startMayBePast: !startMoved },
        );
        const [row] = await run<GameRow>(tx, UPDATE_GAME, [gameId, ...valuesParams(values)]);
        if (!row) throw new GamesError('GAME_NOT_FOUND', 'That game was not found.');
        const updated = toSummary(row);
        const changed = (Object.keys(base) as Array<keyof GameInput>).filter(
          (k) =>
            JSON.stringify(base[k] ?? null) !==
            JSON.stringify((updated as Record<string, unknown>)[k] ?? null),
        );
        await recordSeriesEdit(tx, game, updated, changed, scope);
        if (changed.some((k) => TIMED.includes(k)))
          await scheduleGame(tx, scheduler, updated, at, { reschedule: true });
        let moved = { promoted: [] as string[], demoted: [] as string[] };
        if (changed.some((k) => CAPACITY.includes(k))) {
          const fresh = new Roster(
            { ...updated, nextPosition: roster.nextPosition, templateId: game.templateId },
            roster.members,
          );
          moved = rebalance(fresh, at);
          if (moved.promoted.length + moved.demoted.length > 0) await fresh.save(tx);
          for (const userId of moved.promoted) await afterConfirm(tx, fresh.game, userId, at);
        }
        if (changed.length > 0)
          await bus.publish(tx, GAME_UPDATED.of({ gameId, changed }, { guildId, ...correlation(actor) }));
        await publishMoves(tx, guildId, gameId, moved, actor);
        await audit(tx, {
          guildId,
          actor: principalOf(actor),
          action: 'games.update',
          target: `game:${gameId}`,
          before: Object.fromEntries(changed.map((k) => [k, base[k] ?? null])),
          after: Object.fromEntries(changed.map((k) => [k, (updated as Record<string, unknown>)[k] ?? null])),
          ...(requestIdOf(actor) ? { requestId: requestIdOf(actor) as string } : {}),
        });
        return requireGame(tx, gameId);
      });
    },

    async cancel(guildId, actor, gameId, reason, scope = 'occurrence') {
      if (!isUuid(gameId)) throw new GamesError('GAME_NOT_FOUND', 'That game was not found.');
      const membership = await membershipOf(guildId, actor);
      return db.withGuild(guildId, async (tx) => {
        const game = await lockGame(tx, gameId);
        assertManager(game, actor, membership);
        await cancelGame(tx, { bus, scheduler }, game, scope, {
          guildId,
          actor: principalOf(actor),
          requestId: requestIdOf(actor),
          reason: reason?.trim().slice(0, 500) || null,
        });
        return requireGame(tx, gameId);
      });
    },

    async clone(guildId, actor, gameId, overrides) {
      const source = await service.get(guildId, gameId);
      const input: Record<string, unknown> = { ...inputOf(source), postAt: null, roleSignupUntil: null };
      if (actor !== 'system') input.hostId = actor.userId;
      for (const [k, v] of Object.entries(overrides)) if (v !== undefined) input[k] = v;
      if (source.templateId) input.templateId = source.templateId;
      return service.create(guildId, actor, input as GameInput);
    },

    async join(guildId, userId, gameId, options = {}) {
      return joiner.join(guildId, gameId, {
        userId,
        note: options.note?.trim().slice(0, 200) || null,
        roleIds: options.roleIds,
        actorKind:
          options.actor !== undefined &&
          options.actor !== 'system' &&
          options.actor.principal?.via === 'token'
            ? 'token'
            : 'user',
        actorId:
          options.actor !== undefined && options.actor !== 'system' && options.actor.principal?.tokenId
            ? `${userId}:${options.actor.principal.tokenId}`
            : userId,
        requestId: (options.actor && options.actor !== 'system' && options.actor.requestId) || null,
      });
    },

    async leave(guildId, userId, gameId) {
      return change(guildId, gameId, { userId }, 'games.leave', userId, (roster) => {
        assertOpen(roster.game);
        const m = roster.find(userId);
        if (!m || m.state === 'declined')
          throw new GamesError('NOT_JOINED', 'You are not signed up for this game.');
        roster.remove(userId);
        return [PLAYER_LEFT.of({ gameId, userId }, { guildId })];
      });
    },

    async decline(guildId, userId, gameId) {
      return change(guildId, gameId, { userId }, 'games.decline', userId, (roster) => {
        assertOpen(roster.game);
        const m = roster.find(userId);
        if (m?.state === 'declined')
          throw new GamesError('ALREADY_JOINED', 'You already answered that you cannot come.', {
            params: { state: 'declined' },
          });
        if (m) m.state = 'declined';
        else roster.add({ userId, state: 'declined', note: null, priority: false, selfJoined: true });
        return [PLAYER_DECLINED.of({ gameId, userId }, { guildId })];
      });
    },

    async addParticipant(guildId, actor, gameId, userId, options = {}) {
      const membership = await membershipOf(guildId, actor);
      return change(guildId, gameId, actor, 'games.host_add', userId, (roster) => {
        assertManager(roster.game, actor, membership);
        assertOpen(roster.game);
        const m = roster.find(userId);
        const note = options.note?.trim().slice(0, 200) || null;
        if (m && (m.state === 'confirmed' || m.state === 'host_added'))
          throw new GamesError('ALREADY_JOINED', `That member is already signed up (${m.state}).`, {
            params: { state: m.state },
          });
        if (m) {
          m.state = 'host_added';
          m.selfJoined = false;
          if (note) m.note = note;
        } else roster.add({ userId, state: 'host_added', note, priority: false, selfJoined: false });
        return [
          PLAYER_JOINED.of({ gameId, userId, state: 'host_added' }, { guildId, ...correlation(actor) }),
        ];
      });
    },

    async removeParticipant(guildId, actor, gameId, userId) {
      const membership = await membershipOf(guildId, actor);
      return change(guildId, gameId, actor, 'games.host_remove', userId, (roster) => {
        assertManager(roster.game, actor, membership);
        assertOpen(roster.game);
        if (!roster.find(userId))
          throw new GamesError('PARTICIPANT_NOT_FOUND', 'That member is not signed up for this game.');
        roster.remove(userId);
        const by = actor === 'system' ? roster.game.hostId : actor.userId;
        return [PLAYER_REMOVED.of({ gameId, userId, by }, { guildId, ...correlation(actor) })];
      });
    },

    async promote(guildId, actor, gameId, userId) {
      const membership = await membershipOf(guildId, actor);
      return change(guildId, gameId, actor, 'games.promote', userId, (roster) => {
        assertManager(roster.game, actor, membership);
        assertOpen(roster.game);
        const m = roster.find(userId);
        if (!m) throw new GamesError('PARTICIPANT_NOT_FOUND', 'That member is not signed up for this game.');
        if (m.state !== 'waitlisted')
          throw new GamesError('NOT_WAITLISTED', 'That member is not on the waitlist.');
        if (roster.game.maxPlayers !== null && roster.confirmed >= roster.game.maxPlayers)
          throw new GamesError('GAME_FULL', 'This game has no free slot.');
        m.state = 'confirmed';
        return [WAITLIST_PROMOTED.of({ gameId, userId }, { guildId, ...correlation(actor) })];
      });
    },

    async setDiscordRefs(guildId, gameId, refs) {
      if (!isUuid(gameId)) throw new GamesError('GAME_NOT_FOUND', 'That game was not found.');
      await db.withGuild(guildId, (tx) => writeDiscordRefs(tx, gameId, refs));
    },

    async listTemplates(guildId) {
      return db.withGuild(guildId, (tx) => listTemplates(tx), { readOnly: true });
    },
    async getTemplate(guildId, templateId) {
      return db.withGuild(guildId, (tx) => readTemplate(tx, templateId), { readOnly: true });
    },
    async createTemplate(guildId, actor, input) {
      const config = await service.getConfig(guildId);
      await assertMayHost(guildId, actor, config);
      return db.withGuild(guildId, async (tx) => {
        const t = await insertTemplate(tx, guildId, input);
        await audit(tx, {
          guildId,
          actor: principalOf(actor),
          action: 'games.template.create',
          target: `template:${t.id}`,
          after: t,
        });
        return t;
      });
    },
    async updateTemplate(guildId, actor, templateId, input) {
      const config = await service.getConfig(guildId);
      await assertMayHost(guildId, actor, config);
      return db.withGuild(guildId, async (tx) => {
        const before = await readTemplate(tx, templateId);
        const t = await replaceTemplate(tx, templateId, input);
        await audit(tx, {
          guildId,
          actor: principalOf(actor),
          action: 'games.template.update',
          target: `template:${t.id}`,
          before,
          after: t,
        });
        return t;
      });
    },
    async deleteTemplate(guildId, actor, templateId) {
      const config = await service.getConfig(guildId);
      await assertMayHost(guildId, actor, config);
      await db.withGuild(guildId, async (tx) => {
        const before = await readTemplate(tx, templateId);
        await run(tx, `delete from games.templates where id = $1::uuid`, [templateId]);
        await audit(tx, {
          guildId,
          actor: principalOf(actor),
          action: 'games.template.delete',
          target: `template:${templateId}`,
          before,
        });
      });
    },

    async getConfig(guildId) {
      return db.withGuild(guildId, (tx) => readConfig(tx, guildId), { readOnly: true });
    },

    async putConfig(guildId, actor, input) {
      const membership = await membershipOf(guildId, actor);
      if (actor !== 'system' && !membership?.admin)
        throw new GamesError('NOT_GUILD_ADMIN', 'Only server admins may change the games configuration.');
      const current = await service.getConfig(guildId);
      const next = {
        announcementChannelIds: [...new Set(input.announcementChannelIds ?? current.announcementChannelIds)],
        hostRoleIds: [...new Set(input.hostRoleIds ?? current.hostRoleIds)],
        defaultReminderOffsetsMinutes: checkOffsets(
          input.defaultReminderOffsetsMinutes ?? current.defaultReminderOffsetsMinutes,
          'defaultReminderOffsetsMinutes',
        ),
        timezone: input.timezone === undefined ? undefined : checkTimezone(input.timezone),
        threadPerGame: input.threadPerGame ?? current.threadPerGame,
        tempRole: input.tempRole ?? current.tempRole,
      };
      const open = { ...current, announcementChannelIds: [] };
      for (const [i, channelId] of next.announcementChannelIds.entries())
        if (!current.announcementChannelIds.includes(channelId))
          await assertChannel(guildId, channelId, open, `/body/announcementChannelIds/${i}`);
      return db.withGuild(guildId, async (tx) => {
        const [stored] = await run<{ timezone: string | null }>(
          tx,
          `select timezone from games.guild_config where guild_id = $1::bigint`,
          [guildId],
        );
        await run(tx, UPSERT_CONFIG, [
          guildId,
          pgArray(next.announcementChannelIds),
          pgArray(next.hostRoleIds),
          pgArray(next.defaultReminderOffsetsMinutes),
          next.timezone ?? stored?.timezone ?? null,
          next.threadPerGame,
          next.tempRole,
          actor === 'system' ? null : actor.userId,
        ]);
        const after = await readConfig(tx, guildId);
        await audit(tx, {
          guildId,
          actor: principalOf(actor),
          action: 'games.config',
          target: 'games',
          before: current,
          after,
        });
        return after;
      });
    },

    async getReminderPreferences(guildId, userId) {
      const found = await db.withGuild(
        guildId,
        (tx) =>
          run<{ game_id: string | null; muted: boolean; lead_minutes: number | null }>(tx, SELECT_PREFS, [
            userId,
          ]),
        { readOnly: true },
      );
      return found.map((r) => ({ gameId: r.game_id, muted: r.muted, leadMinutes: r.lead_minutes }));
    },

    async setReminderPreference(guildId, userId, input) {
      const gameId = input.gameId ?? null;
      if (input.leadMinutes !== undefined && input.leadMinutes !== null)
        checkOffsets([input.leadMinutes], 'leadMinutes');
      if (gameId !== null && !isUuid(gameId))
        throw new GamesError('GAME_NOT_FOUND', 'That game was not found.', { pointer: '/body/gameId' });
      return db.withGuild(guildId, async (tx) => {
        const at = now();
        if (gameId !== null) {
          const [exists] = await run(tx, `select 1 from games.games where id = $1::uuid`, [gameId]);
          if (!exists)
            throw new GamesError('GAME_NOT_FOUND', 'That game was not found.', { pointer: '/body/gameId' });
        }
        const [row] = await run<{ game_id: string | null; muted: boolean; lead_minutes: number | null }>(
          tx,
          UPSERT_PREF,
          [
            guildId,
            userId,
            gameId,
            input.muted ?? null,
            input.leadMinutes ?? null,
            input.leadMinutes !== undefined,
          ],
        );
        // Their own reminders follow the new preference: scheduled, moved or dropped.
        const games = await run<{
          id: string;
          guild_id: string;
          starts_at: Date | string;
          status: GameSummary['status'];
          lead_minutes: number | null;
          muted: boolean;
        }>(tx, USER_GAMES_PREFS, [userId, gameId]);
        for (const g of games)
          await scheduleUserReminder(
            tx,
            scheduler,
            {
              id: g.id,
              guildId: g.guild_id,
              startsAt: new Date(g.starts_at).toISOString(),
              status: g.status,
            },
            userId,
            g.muted ? null : g.lead_minutes,
            at,
          );
        await audit(tx, {
          guildId,
          actor: principalOf({ userId }),
          action: 'games.reminder_preference',
          target: gameId ? `game:${gameId}` : 'games',
          after: row,
        });
        const pref: ReminderPreference = {
          gameId: row?.game_id ?? null,
          muted: row?.muted ?? false,
          leadMinutes: row?.lead_minutes ?? null,
        };
        return pref;
      });
    },

    async participantState(guildId, gameId, userId) {
      if (!isUuid(gameId)) return null;
      const [row] = await db.withGuild(guildId, (tx) =>
        run<{ state: ParticipantState }>(
          tx,
          `select state from games.participants where game_id = $1::uuid and user_id = $2::bigint`,
          [gameId, userId],
        ),
      );
      return row?.state ?? null;
    },
  };

  return { ...service, internals: { now } };
}

/** Where the announcement and the thread of a game live (the Discord side writes it in its own tx). */
export async function writeDiscordRefs(
  tx: Tx,
  gameId: string,
  refs: { readonly announcementMessageId?: string | null; readonly threadId?: string | null },
): Promise<void> {
  await run(
    tx,
    `update games.games set
       announcement_message_id = case when $2::boolean then $3::bigint else announcement_message_id end,
       thread_id = case when $4::boolean then $5::bigint else thread_id end
     where id = $1::uuid`,
    [
      gameId,
      refs.announcementMessageId !== undefined,
      refs.announcementMessageId ?? null,
      refs.threadId !== undefined,
      refs.threadId ?? null,
    ],
  );
}
