import type { Cache } from '../cache/cache.ts';
import type { Discord } from './port.ts';
import { canPostWith } from './rest.ts';

/** The tag under which every cached look-up about one guild is stored. */
export const guildTag = (guildId: string) => `guild:${guildId}`;

export const cacheKeys = {
  guild: (guildId: string) => `discord.guild:${guildId}`,
  roles: (guildId: string) => `discord.roles:${guildId}`,
  channel: (channelId: string) => `discord.channel:${channelId}`,
  member: (guildId: string, userId: string) => `discord.member:${guildId}:${userId}`,
} as const;

/**
 * The port with its look-ups (guild, roles, channel, member) answered from the cache. Every
 * permission check would otherwise cost three Discord requests; the gateway invalidates entries
 * when Discord reports a change, and without a gateway the TTLs bound how stale they get.
 * A "not a member" answer is cached too (as null), so a stranger pressing buttons costs nothing.
 */
export function cachedDiscord(discord: Discord, cache: Cache): Discord {
  const bot = discord.identity;
  const cached: Discord = {
    ...discord,
    getCurrentGuilds: () =>
      cache.getOrLoad(`discord.guilds:${bot}`, () => discord.getCurrentGuilds(), { tags: ['bot-guilds'] }),
    getGuild: (guildId) =>
      cache.getOrLoad(`${cacheKeys.guild(guildId)}:${bot}`, () => discord.getGuild(guildId), {
        tags: [guildTag(guildId)],
      }),
    getRoles: (guildId) =>
      cache.getOrLoad(`${cacheKeys.roles(guildId)}:${bot}`, () => discord.getRoles(guildId), {
        tags: [guildTag(guildId)],
      }),
    getChannel: (channelId) =>
      cache.getOrLoad(`${cacheKeys.channel(channelId)}:${bot}`, () => discord.getChannel(channelId), {
        tags: [`channel:${channelId}`],
      }),
    getMember: (guildId, userId) =>
      cache.getOrLoad(
        `${cacheKeys.member(guildId, userId)}:${bot}`,
        () => discord.getMember(guildId, userId),
        {
          tags: [guildTag(guildId), `member:${guildId}:${userId}`],
        },
      ),
    async createRole(guildId, role) {
      const created = await discord.createRole(guildId, role);
      await cache.invalidateTag(guildTag(guildId));
      return created;
    },
    async deleteRole(guildId, roleId) {
      await discord.deleteRole(guildId, roleId);
      await cache.invalidateTag(guildTag(guildId));
    },
    async addMemberRole(guildId, userId, roleId) {
      await discord.addMemberRole(guildId, userId, roleId);
      await cache.invalidateTag(`member:${guildId}:${userId}`);
    },
    async removeMemberRole(guildId, userId, roleId) {
      await discord.removeMemberRole(guildId, userId, roleId);
      await cache.invalidateTag(`member:${guildId}:${userId}`);
    },
    async archiveThread(threadId, options) {
      await discord.archiveThread(threadId, options);
      await cache.invalidateTag(`channel:${threadId}`);
    },
    canPost: (channelId) => canPostWith(cached, channelId),
  };
  return cached;
}

/** What the gateway calls when Discord reports a change. */
export function discordInvalidation(cache: Cache) {
  return {
    guild: async (guildId: string) => {
      await cache.invalidateTag(guildTag(guildId));
      await cache.invalidateTag('bot-guilds');
    },
    member: (guildId: string, userId: string) => cache.invalidateTag(`member:${guildId}:${userId}`),
    channel: (channelId: string) => cache.invalidateTag(`channel:${channelId}`),
  };
}
