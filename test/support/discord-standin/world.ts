import type {
  APIApplicationCommand,
  APIChannel,
  APIEmbed,
  APIGuild,
  APIGuildMember,
  APIMessage,
  APIRole,
  APIUser,
} from 'discord-api-types/v10';
import { snowflakeGenerator } from '#platform/discord/snowflake.ts';

/** The stand-in's Discord: one world shared by every bot token, as on Discord. */
export type StandinUser = {
  id: string;
  username: string;
  globalName?: string | null;
  acceptsDms?: boolean;
  bot?: boolean;
};
export type StandinRole = { id: string; name: string; permissions: string; position?: number };
export type StandinGuild = {
  id: string;
  name: string;
  ownerId: string;
  roles: StandinRole[];
  preferredLocale?: string;
};
export type StandinChannel = {
  id: string;
  guildId: string | null;
  name: string | null;
  type: number;
  parentId?: string | null;
  recipientId?: string;
  permissionOverwrites?: Array<{ id: string; type: number; allow: string; deny: string }>;
  archived?: boolean;
  locked?: boolean;
  memberIds?: string[];
};

export type StoredMessage = APIMessage & { deleted?: boolean };

export const nextId = snowflakeGenerator(3);

export class World {
  readonly users = new Map<string, StandinUser>();
  readonly guilds = new Map<string, StandinGuild>();
  /** guildId -> userId -> role ids */
  readonly members = new Map<
    string,
    Map<string, { roles: string[]; nick: string | null; joinedAt: string }>
  >();
  readonly channels = new Map<string, StandinChannel>();
  readonly messages = new Map<string, StoredMessage>();
  /** `${authorId}:${nonce}` -> the message sent with it (for `enforce_nonce`). */
  readonly nonces = new Map<string, { id: string; at: number }>();
  /** `${appId}:${guildId ?? 'global'}` -> commands */
  readonly commands = new Map<string, APIApplicationCommand[]>();

  addUser(user: StandinUser) {
    this.users.set(user.id, user);
    return this;
  }
  addGuild(guild: StandinGuild) {
    this.guilds.set(guild.id, guild);
    if (!this.members.has(guild.id)) this.members.set(guild.id, new Map());
    return this;
  }
  addMember(guildId: string, userId: string, roles: string[] = [], nick: string | null = null) {
    this.members.get(guildId)?.set(userId, { roles, nick, joinedAt: new Date().toISOString() });
    return this;
  }
  removeMember(guildId: string, userId: string) {
    this.members.get(guildId)?.delete(userId);
  }
  addChannel(channel: StandinChannel) {
    this.channels.set(channel.id, channel);
    return this;
  }

  apiUser(id: string): APIUser {
    const u = this.users.get(id);
    return {
      id,
      username: u?.username ?? `user${id.slice(-4)}`,
      global_name: u?.globalName ?? null,
      avatar: null,
      discriminator: '0',
      ...(u?.bot ? { bot: true } : {}),
    };
  }

  apiGuild(g: StandinGuild): APIGuild {
    return {
      id: g.id,
      name: g.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: g.ownerId,
      region: '',
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: g.roles.map((r) => this.apiRole(r)),
      emojis: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: (g.preferredLocale ?? 'en-US') as APIGuild['preferred_locale'],
      public_updates_channel_id: null,
      nsfw_level: 0,
      stickers: [],
      premium_progress_bar_enabled: false,
      hub_type: null,
      safety_alerts_channel_id: null,
      incidents_data: null,
    } as unknown as APIGuild;
  }

  apiRole(r: StandinRole): APIRole {
    return {
      id: r.id,
      name: r.name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: r.position ?? 0,
      permissions: r.permissions,
      managed: false,
      mentionable: false,
      flags: 0,
    } as unknown as APIRole;
  }

  apiMember(guildId: string, userId: string): APIGuildMember | undefined {
    const m = this.members.get(guildId)?.get(userId);
    if (!m) return undefined;
    return {
      user: this.apiUser(userId),
      nick: m.nick,
      avatar: null,
      banner: null,
      roles: m.roles,
      joined_at: m.joinedAt,
      deaf: false,
      mute: false,
      flags: 0,
    } as unknown as APIGuildMember;
  }

  apiChannel(c: StandinChannel): APIChannel {
    const thread = c.type === 11 || c.type === 12 || c.type === 10;
    return {
      id: c.id,
      type: c.type,
      ...(c.guildId ? { guild_id: c.guildId } : {}),
      name: c.name,
      ...(c.parentId !== undefined ? { parent_id: c.parentId } : {}),
      ...(c.guildId && !thread ? { permission_overwrites: c.permissionOverwrites ?? [], position: 0 } : {}),
      ...(c.recipientId ? { recipients: [this.apiUser(c.recipientId)] } : {}),
      ...(thread
        ? {
            thread_metadata: {
              archived: c.archived ?? false,
              locked: c.locked ?? false,
              auto_archive_duration: 1440,
              archive_timestamp: new Date().toISOString(),
            },
            member_count: c.memberIds?.length ?? 0,
          }
        : {}),
    } as unknown as APIChannel;
  }

  makeMessage(
    channelId: string,
    authorId: string,
    body: Record<string, unknown>,
    extra: Partial<APIMessage> = {},
  ) {
    const channel = this.channels.get(channelId);
    const message = {
      id: nextId(),
      channel_id: channelId,
      ...(channel?.guildId ? { guild_id: channel.guildId } : {}),
      author: this.apiUser(authorId),
      content: (body.content as string | undefined) ?? '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: (body.embeds as APIEmbed[] | undefined) ?? [],
      components: (body.components as APIMessage['components']) ?? [],
      pinned: false,
      type: 0,
      flags: (body.flags as number | undefined) ?? 0,
      ...extra,
    } as StoredMessage;
    this.messages.set(message.id, message);
    return message;
  }
}
