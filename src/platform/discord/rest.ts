import { DefaultRestOptions, DiscordAPIError, HTTPError, RateLimitError, REST } from '@discordjs/rest';
import {
  type APIApplicationCommand,
  type APIChannel,
  type APIGuild,
  type APIGuildMember,
  type APIInteractionResponse,
  type APIMessage,
  type APIRole,
  type APIThreadChannel,
  type APIUser,
  ChannelType,
  type RESTPostAPIChannelMessageJSONBody,
  type RESTPutAPIApplicationCommandsJSONBody,
  Routes,
} from 'discord-api-types/v10';
import type { Logger } from '../log/logger.ts';
import { tracedRequest } from '../telemetry/hooks.ts';
import { DiscordError, discordError } from './errors.ts';
import { channelPermissions, hasAll, PermissionBits, POST_PERMISSIONS } from './permissions.ts';
import type {
  CommandScope,
  CreateThread,
  Discord,
  DiscordChannel,
  DiscordGuild,
  DiscordMember,
  DiscordMessage,
  DiscordRole,
  DiscordUser,
  MessagePayload,
} from './port.ts';

export type RestDiscordOptions = {
  readonly identity: string;
  readonly token: string;
  readonly applicationId: string | undefined;
  /** `DISCORD_API_URL`, e.g. https://discord.com/api (the version is appended). */
  readonly apiUrl: string;
  readonly log: Logger;
  /** Tests raise it to keep 500-message runs short; Discord's default is 50. */
  readonly globalRequestsPerSecond?: number;
  readonly timeoutMs?: number;
};

/**
 * The real adapter. One `REST` client per bot identity, so each token has its own per-route
 * buckets and its own global limit, as Discord counts them. @discordjs/rest queues requests per
 * bucket, waits out `X-RateLimit-Reset-After` before the limit is hit, and retries 429s after
 * `Retry-After`; 5xx and network failures are retried `retries` times.
 */
export function createRestDiscord(options: RestDiscordOptions): Discord & { readonly rest: REST } {
  const rest = new REST({
    api: options.apiUrl,
    version: '10',
    retries: 3,
    timeout: options.timeoutMs ?? 15_000,
    globalRequestsPerSecond: options.globalRequestsPerSecond ?? 50,
    makeRequest: tracedRequest(DefaultRestOptions.makeRequest),
  }).setToken(options.token);
  const log = options.log.child({ discord: options.identity });
  rest.on('rateLimited', (info) =>
    log.debug({ route: info.route, global: info.global, retryAfter: info.retryAfter }, 'discord rate limit'),
  );

  let me: Promise<DiscordUser> | undefined;
  let appId: Promise<string> | undefined;
  const dmChannels = new Map<string, string>();

  async function call<T>(run: () => Promise<unknown>): Promise<T> {
    try {
      return (await run()) as T;
    } catch (error) {
      throw toDiscordError(error);
    }
  }

  const currentUser = () => {
    me ??= call<APIUser>(() => rest.get(Routes.user('@me'))).then(toUser);
    me.catch(() => {
      me = undefined;
    });
    return me;
  };
  const applicationId = () => {
    if (options.applicationId) return Promise.resolve(options.applicationId);
    // A bot's user id is its application id for every application made since 2019.
    appId ??= currentUser().then((u) => u.id);
    return appId;
  };

  const port: Discord & { readonly rest: REST } = {
    kind: 'rest',
    identity: options.identity,
    rest,
    applicationId,
    currentUser,

    async sendMessage(channelId, message) {
      const m = await call<APIMessage>(() =>
        rest.post(Routes.channelMessages(channelId), { body: toBody(message) }),
      );
      return toMessage(m);
    },
    async editMessage(channelId, messageId, message) {
      const m = await call<APIMessage>(() =>
        rest.patch(Routes.channelMessage(channelId, messageId), { body: toBody(message) }),
      );
      return toMessage(m);
    },
    async deleteMessage(channelId, messageId) {
      await call(() => rest.delete(Routes.channelMessage(channelId, messageId)));
    },
    async getMessage(channelId, messageId) {
      return toMessage(await call<APIMessage>(() => rest.get(Routes.channelMessage(channelId, messageId))));
    },
    async sendDm(userId, message) {
      let channelId = dmChannels.get(userId);
      if (!channelId) {
        const channel = await call<APIChannel>(() =>
          rest.post(Routes.userChannels(), { body: { recipient_id: userId } }),
        );
        channelId = channel.id;
        dmChannels.set(userId, channelId);
      }
      const id = channelId;
      return toMessage(
        await call<APIMessage>(() => rest.post(Routes.channelMessages(id), { body: toBody(message) })),
      );
    },

    async createThread(channelId, thread: CreateThread) {
      const body = {
        name: thread.name.slice(0, 100),
        auto_archive_duration: thread.autoArchiveMinutes ?? 1440,
        ...(thread.messageId
          ? {}
          : { type: thread.private ? ChannelType.PrivateThread : ChannelType.PublicThread }),
      };
      const route = thread.messageId
        ? Routes.threads(channelId, thread.messageId)
        : Routes.threads(channelId);
      return toChannel(await call<APIThreadChannel>(() => rest.post(route, { body })));
    },
    async addThreadMember(threadId, userId) {
      await call(() => rest.put(Routes.threadMembers(threadId, userId)));
    },
    async removeThreadMember(threadId, userId) {
      try {
        await call(() => rest.delete(Routes.threadMembers(threadId, userId)));
      } catch (error) {
        // Discord answers Unknown Member for someone who is not in the thread (or left the
        // guild): what the caller wanted is true already.
        if (!(error instanceof DiscordError && error.code === 'DISCORD_UNKNOWN_MEMBER')) throw error;
      }
    },
    async archiveThread(threadId, opts = {}) {
      await call(() =>
        rest.patch(Routes.channel(threadId), { body: { archived: true, locked: opts.locked ?? false } }),
      );
    },

    async addReaction(channelId, messageId, emoji) {
      await call(() =>
        rest.put(Routes.channelMessageOwnReaction(channelId, messageId, encodeURIComponent(emoji))),
      );
    },
    async removeOwnReaction(channelId, messageId, emoji) {
      await call(() =>
        rest.delete(Routes.channelMessageOwnReaction(channelId, messageId, encodeURIComponent(emoji))),
      );
    },

    async getCurrentGuilds() {
      const list = await call<Array<{ id: string; name: string; icon: string | null }>>(() =>
        rest.get(Routes.userGuilds(), { query: new URLSearchParams({ limit: '200' }) }),
      );
      return list.map((g) => ({ id: g.id, name: g.name, icon: g.icon }));
    },
    async getGuild(guildId) {
      return toGuild(await call<APIGuild>(() => rest.get(Routes.guild(guildId))));
    },
    async getRoles(guildId) {
      return (await call<APIRole[]>(() => rest.get(Routes.guildRoles(guildId)))).map(toRole);
    },
    async getChannel(channelId) {
      return toChannel(await call<APIChannel>(() => rest.get(Routes.channel(channelId))));
    },
    async getGuildChannels(guildId) {
      return (await call<APIChannel[]>(() => rest.get(Routes.guildChannels(guildId)))).map(toChannel);
    },
    async getMember(guildId, userId) {
      try {
        return toMember(await call<APIGuildMember>(() => rest.get(Routes.guildMember(guildId, userId))));
      } catch (error) {
        if (error instanceof DiscordError && error.code === 'DISCORD_UNKNOWN_MEMBER') return null;
        throw error;
      }
    },
    async createRole(guildId, role) {
      const body = {
        name: role.name.slice(0, 100),
        permissions: role.permissions ?? '0',
        color: role.color ?? 0,
        mentionable: role.mentionable ?? false,
      };
      return toRole(await call<APIRole>(() => rest.post(Routes.guildRoles(guildId), { body })));
    },
    async deleteRole(guildId, roleId) {
      await call(() => rest.delete(Routes.guildRole(guildId, roleId)));
    },
    async addMemberRole(guildId, userId, roleId) {
      await call(() => rest.put(Routes.guildMemberRole(guildId, userId, roleId)));
    },
    async removeMemberRole(guildId, userId, roleId) {
      await call(() => rest.delete(Routes.guildMemberRole(guildId, userId, roleId)));
    },
    async canPost(channelId) {
      return canPostWith(port, channelId);
    },

    async getCommands(scope: CommandScope = {}) {
      const app = await applicationId();
      const route = scope.guildId
        ? Routes.applicationGuildCommands(app, scope.guildId)
        : Routes.applicationCommands(app);
      return call<APIApplicationCommand[]>(() => rest.get(route));
    },
    async overwriteCommands(commands: RESTPutAPIApplicationCommandsJSONBody, scope: CommandScope = {}) {
      const app = await applicationId();
      const route = scope.guildId
        ? Routes.applicationGuildCommands(app, scope.guildId)
        : Routes.applicationCommands(app);
      return call<APIApplicationCommand[]>(() => rest.put(route, { body: commands }));
    },

    async respondToInteraction(interactionId, token, response: APIInteractionResponse) {
      await call(() =>
        rest.post(Routes.interactionCallback(interactionId, token), { body: response, auth: false }),
      );
    },
    async editOriginalResponse(token, message) {
      const app = await applicationId();
      return toMessage(
        await call<APIMessage>(() =>
          rest.patch(Routes.webhookMessage(app, token), { body: toBody(message), auth: false }),
        ),
      );
    },
    async deleteOriginalResponse(token) {
      const app = await applicationId();
      await call(() => rest.delete(Routes.webhookMessage(app, token), { auth: false }));
    },
    async followUp(token, message) {
      const app = await applicationId();
      return toMessage(
        await call<APIMessage>(() =>
          rest.post(Routes.webhook(app, token), { body: toBody(message), auth: false }),
        ),
      );
    },
  };
  return port;
}

/**
 * Whether the bot may post in a channel: the bot's member, the guild's roles and the channel's
 * overwrites (a thread's come from its parent, and it needs "send messages in threads").
 * Shared by both adapters so they answer alike.
 */
export async function canPostWith(
  port: Pick<Discord, 'getChannel' | 'getGuild' | 'getRoles' | 'getMember' | 'currentUser'>,
  channelId: string,
): Promise<boolean> {
  let channel: DiscordChannel;
  try {
    channel = await port.getChannel(channelId);
  } catch (error) {
    if (
      error instanceof DiscordError &&
      ['DISCORD_UNKNOWN_CHANNEL', 'DISCORD_MISSING_ACCESS'].includes(error.code)
    )
      return false;
    throw error;
  }
  if (!channel.guildId) return channel.type === ChannelType.DM;
  const isThread = [
    ChannelType.PublicThread,
    ChannelType.PrivateThread,
    ChannelType.AnnouncementThread,
  ].includes(channel.type);
  const source = isThread && channel.parentId ? await port.getChannel(channel.parentId) : channel;
  const [guild, roles, me] = await Promise.all([
    port.getGuild(channel.guildId),
    port.getRoles(channel.guildId),
    port.currentUser(),
  ]);
  const member = await port.getMember(channel.guildId, me.id);
  if (!member) return false;
  const perms = channelPermissions({
    guildId: guild.id,
    ownerId: guild.ownerId,
    roles,
    userId: me.id,
    memberRoleIds: member.roleIds,
    overwrites: source.permissionOverwrites,
  });
  const needed = isThread
    ? PermissionBits.VIEW_CHANNEL | PermissionBits.SEND_MESSAGES_IN_THREADS | PermissionBits.EMBED_LINKS
    : POST_PERMISSIONS;
  return hasAll(perms, needed) && !(isThread && channel.archived);
}

function toBody(message: MessagePayload): RESTPostAPIChannelMessageJSONBody {
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    ...(message.embeds !== undefined ? { embeds: [...message.embeds] } : {}),
    ...(message.components !== undefined ? { components: [...message.components] } : {}),
    ...(message.flags !== undefined ? { flags: message.flags } : {}),
    ...(message.nonce !== undefined ? { nonce: message.nonce } : {}),
    ...(message.nonce !== undefined && message.enforceNonce ? { enforce_nonce: true } : {}),
    // Nobody is pinged unless the caller says so: announcements must not mass-mention by accident.
    allowed_mentions: message.allowedMentions ?? { parse: [] },
  } as RESTPostAPIChannelMessageJSONBody;
}

export function toMessage(m: APIMessage): DiscordMessage {
  return {
    id: m.id,
    channelId: m.channel_id,
    guildId: (m as { guild_id?: string }).guild_id ?? null,
    authorId: m.author.id,
    content: m.content,
    embeds: m.embeds ?? [],
    components: (m.components ?? []) as DiscordMessage['components'],
    flags: m.flags ?? 0,
    createdAt: m.timestamp,
    editedAt: m.edited_timestamp,
  };
}

export function toUser(u: APIUser): DiscordUser {
  return {
    id: u.id,
    username: u.username,
    globalName: u.global_name ?? null,
    avatar: u.avatar,
    bot: u.bot ?? false,
  };
}

function toGuild(g: APIGuild): DiscordGuild {
  return {
    id: g.id,
    name: g.name,
    icon: g.icon,
    ownerId: g.owner_id,
    preferredLocale: g.preferred_locale,
  };
}

export function toRole(r: APIRole): DiscordRole {
  return {
    id: r.id,
    name: r.name,
    permissions: r.permissions,
    position: r.position,
    color: r.color,
    managed: r.managed,
  };
}

export function toChannel(c: APIChannel): DiscordChannel {
  const any = c as Partial<{
    guild_id: string;
    name: string | null;
    parent_id: string | null;
    permission_overwrites: DiscordChannel['permissionOverwrites'];
    thread_metadata: { archived: boolean };
  }>;
  return {
    id: c.id,
    type: c.type,
    guildId: any.guild_id ?? null,
    name: any.name ?? null,
    parentId: any.parent_id ?? null,
    permissionOverwrites: any.permission_overwrites ?? [],
    ...(any.thread_metadata ? { archived: any.thread_metadata.archived } : {}),
  };
}

export function toMember(m: APIGuildMember): DiscordMember {
  const user = m.user as APIUser;
  return {
    userId: user.id,
    user: toUser(user),
    nickname: m.nick ?? null,
    roleIds: m.roles,
    joinedAt: m.joined_at ?? null,
  };
}

function toDiscordError(error: unknown): Error {
  if (error instanceof DiscordError) return error;
  if (error instanceof DiscordAPIError) {
    const code = typeof error.code === 'number' ? error.code : 0;
    return discordError(code, error.status, error);
  }
  if (error instanceof HTTPError) return discordError(0, error.status, error);
  if (error instanceof RateLimitError) return discordError(0, 429, error);
  // Network failures and timeouts (after @discordjs/rest's retries).
  return new DiscordError(
    'DISCORD_UNAVAILABLE',
    `Discord could not be reached: ${(error as Error).message}`,
    {
      cause: error,
    },
  );
}
