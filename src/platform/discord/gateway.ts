import type {
  APIGuildMember,
  APIInteraction,
  APIRole,
  GatewayGuildCreateDispatchData,
  GatewayGuildDeleteDispatchData,
  GatewayGuildMemberAddDispatchData,
  GatewayGuildMemberRemoveDispatchData,
  GatewayGuildMembersChunkDispatchData,
  GatewayGuildMemberUpdateDispatchData,
  GatewayGuildRoleDeleteDispatchData,
  GatewayGuildRoleModifyDispatchData,
  GatewayGuildUpdateDispatchData,
} from 'discord-api-types/v10';
import type { Cache } from '../cache/cache.ts';
import type { Logger } from '../log/logger.ts';
import { discordInvalidation } from './cached.ts';
import type { Bot } from './identities.ts';

/** Where gateway changes go: core's directory (the runtime passes it in; platform cannot import it). */
export type DirectorySink = {
  upsertGuild(
    guild: { id: string; name: string; icon: string | null; ownerId: string },
    roles:
      | ReadonlyArray<{ id: string; name: string; permissions: string; position: number; color: number }>
      | undefined,
  ): Promise<void>;
  upsertRole(
    guildId: string,
    role: { id: string; name: string; permissions: string; position: number; color: number },
  ): Promise<void>;
  deleteRole(guildId: string, roleId: string): Promise<void>;
  upsertMembers(guildId: string, members: readonly GatewayMember[]): Promise<void>;
  removeMember(guildId: string, userId: string): Promise<void>;
  guildGone(guildId: string): Promise<void>;
};

export type GatewayMember = {
  userId: string;
  user: { id: string; username: string; globalName: string | null; avatar: string | null };
  nickname: string | null;
  roleIds: string[];
  joinedAt: Date | null;
};

/** The dispatch events Guildhall listens to (everything else is left to discord.js). */
export const GATEWAY_EVENTS = [
  'GUILD_CREATE',
  'GUILD_UPDATE',
  'GUILD_DELETE',
  'GUILD_ROLE_CREATE',
  'GUILD_ROLE_UPDATE',
  'GUILD_ROLE_DELETE',
  'GUILD_MEMBER_ADD',
  'GUILD_MEMBER_UPDATE',
  'GUILD_MEMBER_REMOVE',
  'GUILD_MEMBERS_CHUNK',
  'CHANNEL_UPDATE',
  'CHANNEL_DELETE',
  'THREAD_UPDATE',
  'THREAD_DELETE',
  'INTERACTION_CREATE',
] as const;
export type GatewayEvent = (typeof GATEWAY_EVENTS)[number];

const role = (r: APIRole) => ({
  id: r.id,
  name: r.name,
  permissions: r.permissions,
  position: r.position,
  color: r.color,
});

function member(
  m: Pick<APIGuildMember, 'nick' | 'roles' | 'joined_at'> & { user: APIGuildMember['user'] },
): GatewayMember {
  const u = m.user;
  return {
    userId: u.id,
    user: { id: u.id, username: u.username, globalName: u.global_name ?? null, avatar: u.avatar ?? null },
    nickname: m.nick ?? null,
    roleIds: [...m.roles],
    joinedAt: m.joined_at ? new Date(m.joined_at) : null,
  };
}

/**
 * What the bot does with gateway events, as plain functions of the raw dispatch payloads that
 * discord.js's WebSocketManager emits (`client.ws.on('GUILD_CREATE', data)`): guild, role and
 * member changes go into the directory and invalidate the cached look-ups; interactions go to the
 * same dispatcher as HTTP interactions, answered through the callback endpoint. Kept apart from the
 * connection so tests feed it events directly.
 */
export function createGatewayHandlers(deps: { sink: DirectorySink; cache: Cache; log: Logger }) {
  const invalidate = discordInvalidation(deps.cache);
  const log = deps.log.child({ component: 'gateway' });

  return {
    async handle(bot: Bot, event: string, data: unknown): Promise<void> {
      switch (event as GatewayEvent) {
        case 'GUILD_CREATE':
        case 'GUILD_UPDATE': {
          const g = data as GatewayGuildCreateDispatchData | GatewayGuildUpdateDispatchData;
          if ((g as { unavailable?: boolean }).unavailable) return;
          await deps.sink.upsertGuild(
            { id: g.id, name: g.name, icon: g.icon, ownerId: g.owner_id },
            g.roles?.map(role),
          );
          const members = (g as GatewayGuildCreateDispatchData).members;
          if (members?.length)
            await deps.sink.upsertMembers(
              g.id,
              members.filter((m) => m.user).map((m) => member(m as never)),
            );
          await invalidate.guild(g.id);
          return;
        }
        case 'GUILD_DELETE': {
          const g = data as GatewayGuildDeleteDispatchData;
          // An outage makes guilds "unavailable" for a while; only a real removal hides the guild.
          if (g.unavailable) return;
          await deps.sink.guildGone(g.id);
          await invalidate.guild(g.id);
          return;
        }
        case 'GUILD_ROLE_CREATE':
        case 'GUILD_ROLE_UPDATE': {
          const r = data as GatewayGuildRoleModifyDispatchData;
          await deps.sink.upsertRole(r.guild_id, role(r.role));
          await invalidate.guild(r.guild_id);
          return;
        }
        case 'GUILD_ROLE_DELETE': {
          const r = data as GatewayGuildRoleDeleteDispatchData;
          await deps.sink.deleteRole(r.guild_id, r.role_id);
          await invalidate.guild(r.guild_id);
          return;
        }
        case 'GUILD_MEMBER_ADD':
        case 'GUILD_MEMBER_UPDATE': {
          const m = data as GatewayGuildMemberAddDispatchData | GatewayGuildMemberUpdateDispatchData;
          await deps.sink.upsertMembers(m.guild_id, [member(m as never)]);
          await invalidate.member(m.guild_id, m.user.id);
          return;
        }
        case 'GUILD_MEMBER_REMOVE': {
          const m = data as GatewayGuildMemberRemoveDispatchData;
          await deps.sink.removeMember(m.guild_id, m.user.id);
          await invalidate.member(m.guild_id, m.user.id);
          return;
        }
        case 'GUILD_MEMBERS_CHUNK': {
          const c = data as GatewayGuildMembersChunkDispatchData;
          await deps.sink.upsertMembers(
            c.guild_id,
            c.members.map((m) => member(m as never)),
          );
          return;
        }
        case 'CHANNEL_UPDATE':
        case 'CHANNEL_DELETE':
        case 'THREAD_UPDATE':
        case 'THREAD_DELETE':
          await invalidate.channel((data as { id: string }).id);
          return;
        case 'INTERACTION_CREATE': {
          const interaction = data as APIInteraction;
          await bot.dispatcher.dispatch(interaction, (response) =>
            bot.discord.respondToInteraction(interaction.id, interaction.token, response),
          );
          return;
        }
        default:
          log.debug({ event }, 'gateway event ignored');
      }
    },
  };
}

export type GatewayHandlers = ReturnType<typeof createGatewayHandlers>;

export type GatewayConnection = { readonly bot: string; stop(): Promise<void> };

/**
 * Connects one bot identity with discord.js: minimal intents (Guilds, plus the privileged
 * GuildMembers when `memberIntent`), caches limited to what discord.js itself needs (no messages,
 * members or users kept beyond the bot's own), and the raw dispatch events routed to `handlers`.
 */
export async function connectGateway(options: {
  bot: Bot;
  handlers: GatewayHandlers;
  apiUrl: string;
  memberIntent: boolean;
  log: Logger;
}): Promise<GatewayConnection> {
  const { Client, GatewayIntentBits, Options } = await import('discord.js');
  const { bot, handlers } = options;
  const log = options.log.child({ discord: bot.name, component: 'gateway' });
  if (!bot.token) throw new Error(`bot identity ${bot.name} has no token`);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, ...(options.memberIntent ? [GatewayIntentBits.GuildMembers] : [])],
    rest: { api: options.apiUrl },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      ReactionManager: 0,
      PresenceManager: 0,
      GuildMessageManager: 0,
      DMMessageManager: 0,
      ThreadMemberManager: 0,
      VoiceStateManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildInviteManager: 0,
      GuildScheduledEventManager: 0,
      // The directory in the database is the member list; discord.js keeps only the bot itself.
      GuildMemberManager: { maxSize: 0, keepOverLimit: (m) => m.id === m.client.user.id },
      UserManager: { maxSize: 0, keepOverLimit: (u) => u.id === u.client.user.id },
    }),
    sweepers: Options.DefaultSweeperSettings,
  });

  for (const event of GATEWAY_EVENTS) {
    client.ws.on(event as never, (data: unknown) => {
      handlers.handle(bot, event, data).catch((err) => log.error({ err, event }, 'gateway event failed'));
      // A member list for each guild as it becomes available (chunks arrive as GUILD_MEMBERS_CHUNK).
      if (event === 'GUILD_CREATE' && options.memberIntent) {
        const id = (data as { id: string }).id;
        client.guilds.cache
          .get(id)
          ?.members.fetch({ time: 120_000 })
          .catch((err) => log.warn({ err, guildId: id }, 'requesting the member list failed'));
      }
    });
  }
  client.on('error', (err) => log.error({ err }, 'discord.js error'));
  client.on('shardDisconnect', (e, shard) => log.warn({ code: e.code, shard }, 'gateway disconnected'));
  client.once('clientReady', (c) =>
    log.info({ user: c.user.tag, guilds: c.guilds.cache.size }, 'gateway connected'),
  );
  try {
    await client.login(bot.token);
  } catch (error) {
    // A refused token or intent (4004, 4014) must not leave a half-open client behind.
    await client.destroy().catch(() => {});
    throw error;
  }
  return {
    bot: bot.name,
    async stop() {
      await client.destroy();
    },
  };
}
