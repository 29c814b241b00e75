import { ChannelType } from 'discord-api-types/v10';
import { sql } from 'drizzle-orm';
import { rows, type Tx } from '../db/database.ts';
import { discordError } from './errors.ts';
import type {
  CommandScope,
  DiscordChannel,
  DiscordGuild,
  DiscordMember,
  DiscordMessage,
  DiscordRole,
  MessagePayload,
} from './port.ts';

/** The sandbox's rows and how they read as the port's types (used by the log adapter). */
export type MessageRow = {
  id: string;
  channel_id: string;
  guild_id: string | null;
  author_id: string;
  content: string;
  embeds: DiscordMessage['embeds'];
  components: DiscordMessage['components'];
  flags: number;
  created_at: Date | string;
  edited_at: Date | string | null;
  deleted_at: Date | string | null;
};

export function commandsRoute(scope: CommandScope) {
  return scope.guildId
    ? `/applications/{app}/guilds/${scope.guildId}/commands`
    : '/applications/{app}/commands';
}

/** What Discord would refuse with 50035: an empty message, or one past its limits. */
export function validate(message: MessagePayload) {
  const empty =
    !message.content && (message.embeds?.length ?? 0) === 0 && (message.components?.length ?? 0) === 0;
  const tooLong = (message.content?.length ?? 0) > 2000 || (message.embeds?.length ?? 0) > 10;
  if (tooLong || (empty && message.content !== undefined)) throw discordError(50035, 400);
}

export function isThread(type: number) {
  return (
    type === ChannelType.PublicThread ||
    type === ChannelType.PrivateThread ||
    type === ChannelType.AnnouncementThread
  );
}

export type ChannelRow = {
  id: string;
  type: number;
  guild_id: string | null;
  name: string | null;
  parent_id: string | null;
  permission_overwrites: DiscordChannel['permissionOverwrites'];
  recipient_id: string | null;
  archived: boolean;
  locked: boolean;
};

export type GuildRow = {
  id: string;
  name: string;
  icon: string | null;
  owner_id: string;
  preferred_locale: string;
  roles: DiscordRole[];
};

export type MemberRow = {
  user_id: string;
  nickname: string | null;
  role_ids: string[] | string;
  joined_at: Date | string;
  username: string;
  global_name: string | null;
  avatar: string | null;
  bot: boolean;
};

export async function guildRow(tx: Tx, guildId: string): Promise<GuildRow> {
  const [g] = await rows<GuildRow>(tx, sql`select * from discord.sandbox_guilds where id = ${guildId}`);
  if (!g) throw discordError(10004, 404);
  return g;
}

export function toGuild(g: GuildRow): DiscordGuild {
  return { id: g.id, name: g.name, icon: g.icon, ownerId: g.owner_id, preferredLocale: g.preferred_locale };
}

export function toChannel(c: ChannelRow): DiscordChannel {
  return {
    id: c.id,
    type: c.type,
    guildId: c.guild_id,
    name: c.name,
    parentId: c.parent_id,
    permissionOverwrites: c.permission_overwrites,
    ...(isThread(c.type) ? { archived: c.archived } : {}),
  };
}

export function toMember(m: MemberRow): DiscordMember {
  return {
    userId: m.user_id,
    user: { id: m.user_id, username: m.username, globalName: m.global_name, avatar: m.avatar, bot: m.bot },
    nickname: m.nickname,
    roleIds: parseIds(m.role_ids),
    joinedAt: new Date(m.joined_at).toISOString(),
  };
}

export function parseIds(v: string[] | string): string[] {
  if (Array.isArray(v)) return v.map(String);
  const inner = v.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',') : [];
}

export function iso(v: Date | string | null): string | null {
  return v === null ? null : new Date(v).toISOString();
}

export function toMessage(r: MessageRow): DiscordMessage {
  return {
    id: r.id,
    channelId: r.channel_id,
    guildId: r.guild_id,
    authorId: r.author_id,
    content: r.content,
    embeds: r.embeds,
    components: r.components,
    flags: r.flags,
    createdAt: iso(r.created_at) as string,
    editedAt: iso(r.edited_at),
  };
}
