import { randomBytes } from 'node:crypto';
import type { APIEmbed, APIMessageTopLevelComponent } from 'discord-api-types/v10';
import { sql } from 'drizzle-orm';
import { type Database, rows } from '../db/database.ts';
import { snowflakeGenerator } from './snowflake.ts';

export type SandboxUser = {
  id: string;
  username: string;
  globalName?: string | null;
  avatar?: string | null;
  bot?: boolean;
  acceptsDms?: boolean;
};
export type SandboxRole = {
  id: string;
  name: string;
  permissions: string;
  position?: number;
  color?: number;
};
export type SandboxGuild = {
  id: string;
  name: string;
  icon?: string | null;
  ownerId: string;
  preferredLocale?: string;
  roles: readonly SandboxRole[];
};
export type SandboxChannel = {
  id: string;
  guildId: string;
  name: string;
  /** ChannelType; 0 (text) when omitted. */
  type?: number;
  parentId?: string | null;
  permissionOverwrites?: ReadonlyArray<{ id: string; type: number; allow: string; deny: string }>;
};

export type SandboxMessage = {
  id: string;
  bot: string;
  kind: 'message' | 'dm' | 'interaction_response' | 'followup';
  channelId: string;
  guildId: string | null;
  recipientId: string | null;
  authorId: string;
  content: string;
  embeds: APIEmbed[];
  components: APIMessageTopLevelComponent[];
  flags: number;
  reactions: string[];
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
};

const nextId = snowflakeGenerator(8);

/**
 * The sandbox's own administration: the demo seed (and the contract tests) create the guilds,
 * channels, people and memberships the log adapter then answers from, the way they would exist
 * on Discord; the dashboard lists what was sent and makes up interactions for its buttons.
 */
export function createSandbox(db: Database) {
  return {
    async upsertUser(user: SandboxUser): Promise<void> {
      await db.withSystem((tx) =>
        tx.execute(sql`insert into discord.sandbox_users (id, username, global_name, avatar, bot, accepts_dms)
          values (${user.id}, ${user.username}, ${user.globalName ?? null}, ${user.avatar ?? null}, ${user.bot ?? false}, ${user.acceptsDms ?? true})
          on conflict (id) do update set username = excluded.username, global_name = excluded.global_name,
            avatar = excluded.avatar, bot = excluded.bot, accepts_dms = excluded.accepts_dms`),
      );
    },
    async upsertGuild(guild: SandboxGuild): Promise<void> {
      const roles = guild.roles.map((r) => ({
        id: r.id,
        name: r.name,
        permissions: r.permissions,
        position: r.position ?? 0,
        color: r.color ?? 0,
        managed: false,
      }));
      await db.withSystem((tx) =>
        tx.execute(sql`insert into discord.sandbox_guilds (id, name, icon, owner_id, preferred_locale, roles)
          values (${guild.id}, ${guild.name}, ${guild.icon ?? null}, ${guild.ownerId}, ${guild.preferredLocale ?? 'en-US'}, ${JSON.stringify(roles)}::jsonb)
          on conflict (id) do update set name = excluded.name, icon = excluded.icon, owner_id = excluded.owner_id,
            preferred_locale = excluded.preferred_locale, roles = excluded.roles`),
      );
    },
    async upsertMember(
      guildId: string,
      userId: string,
      roleIds: readonly string[],
      nickname?: string | null,
    ) {
      await db.withSystem((tx) =>
        tx.execute(sql`insert into discord.sandbox_members (guild_id, user_id, role_ids, nickname)
          values (${guildId}, ${userId}, ${`{${roleIds.join(',')}}`}::bigint[], ${nickname ?? null})
          on conflict (guild_id, user_id) do update set role_ids = excluded.role_ids, nickname = excluded.nickname`),
      );
    },
    async removeMember(guildId: string, userId: string) {
      await db.withSystem((tx) =>
        tx.execute(
          sql`delete from discord.sandbox_members where guild_id = ${guildId} and user_id = ${userId}`,
        ),
      );
    },
    async upsertChannel(channel: SandboxChannel): Promise<void> {
      await db.withSystem((tx) =>
        tx.execute(sql`insert into discord.sandbox_channels (id, type, guild_id, name, parent_id, permission_overwrites)
          values (${channel.id}, ${channel.type ?? 0}, ${channel.guildId}, ${channel.name}, ${channel.parentId ?? null},
                  ${JSON.stringify(channel.permissionOverwrites ?? [])}::jsonb)
          on conflict (id) do update set type = excluded.type, name = excluded.name, parent_id = excluded.parent_id,
            permission_overwrites = excluded.permission_overwrites`),
      );
    },

    /**
     * Makes up an interaction (a demo member pressing a button or running a command in the
     * dashboard) so its handler can answer through the port: `respondToInteraction`,
     * `editOriginalResponse` and `followUp` accept the returned token.
     */
    async openInteraction(input: {
      bot: string;
      channelId: string;
      guildId: string | null;
      userId: string;
      messageId?: string | null;
    }): Promise<{ id: string; token: string }> {
      const id = nextId();
      const token = `sandbox.${randomBytes(24).toString('base64url')}`;
      await db.withSystem((tx) =>
        tx.execute(sql`insert into discord.sandbox_interactions (token, id, bot, channel_id, guild_id, user_id, message_id)
          values (${token}, ${id}, ${input.bot}, ${input.channelId}, ${input.guildId}, ${input.userId}, ${input.messageId ?? null})`),
      );
      return { id, token };
    },

    /**
     * What the bot sent, newest first. A viewer sees channel messages of their guilds, their own
     * DMs and the ephemeral answers meant for them (flag 64), never another member's.
     */
    async messages(
      filter: {
        channelId?: string;
        guildId?: string;
        recipientId?: string;
        viewerId?: string;
        includeDeleted?: boolean;
        limit?: number;
        before?: string;
      } = {},
    ): Promise<SandboxMessage[]> {
      const list = await db.withSystem((tx) =>
        rows<Record<string, unknown>>(
          tx,
          sql`select * from discord.sandbox_messages
               where (${filter.channelId ?? null}::bigint is null or channel_id = ${filter.channelId ?? null}::bigint)
                 and (${filter.guildId ?? null}::bigint is null or guild_id = ${filter.guildId ?? null}::bigint)
                 and (${filter.recipientId ?? null}::bigint is null or recipient_id = ${filter.recipientId ?? null}::bigint)
                 and (${filter.viewerId ?? null}::bigint is null
                      or (kind = 'dm' and recipient_id = ${filter.viewerId ?? null}::bigint)
                      or (kind <> 'dm' and (flags & 64 = 0 or recipient_id = ${filter.viewerId ?? null}::bigint)))
                 and (${filter.includeDeleted ?? false} or deleted_at is null)
                 and (${filter.before ?? null}::bigint is null or id < ${filter.before ?? null}::bigint)
               order by id desc
               limit ${Math.min(filter.limit ?? 100, 500)}`,
        ),
      );
      return list.map(toSandboxMessage);
    },

    async message(id: string): Promise<SandboxMessage | undefined> {
      const [row] = await db.withSystem((tx) =>
        rows<Record<string, unknown>>(tx, sql`select * from discord.sandbox_messages where id = ${id}`),
      );
      return row ? toSandboxMessage(row) : undefined;
    },

    /** A member's roles in a sandbox guild, or undefined when they are not in it. */
    async member(
      guildId: string,
      userId: string,
    ): Promise<{ roleIds: string[]; joinedAt: string } | undefined> {
      const [m] = await db.withSystem((tx) =>
        rows<{ role_ids: string[] | string; joined_at: Date | string }>(
          tx,
          sql`select role_ids, joined_at from discord.sandbox_members where guild_id = ${guildId} and user_id = ${userId}`,
        ),
      );
      if (!m) return undefined;
      const ids = Array.isArray(m.role_ids)
        ? m.role_ids.map(String)
        : m.role_ids
            .replace(/^\{|\}$/g, '')
            .split(',')
            .filter(Boolean);
      return { roleIds: ids, joinedAt: new Date(m.joined_at).toISOString() };
    },

    async user(userId: string) {
      const [u] = await db.withSystem((tx) =>
        rows<{
          id: string;
          username: string;
          global_name: string | null;
          avatar: string | null;
          bot: boolean;
        }>(
          tx,
          sql`select id, username, global_name, avatar, bot from discord.sandbox_users where id = ${userId}`,
        ),
      );
      return u;
    },

    async guild(guildId: string) {
      const [g] = await db.withSystem((tx) =>
        rows<{ id: string; name: string; owner_id: string; preferred_locale: string; roles: SandboxRole[] }>(
          tx,
          sql`select id, name, owner_id, preferred_locale, roles from discord.sandbox_guilds where id = ${guildId}`,
        ),
      );
      return g;
    },

    /** Channels of the guilds `userId` is in, and their DM channel, for the dashboard's channel list. */
    async channelsOf(userId: string) {
      return db.withSystem((tx) =>
        rows<{
          id: string;
          guild_id: string | null;
          name: string | null;
          type: number;
          parent_id: string | null;
        }>(
          tx,
          sql`select c.id, c.guild_id, c.name, c.type, c.parent_id from discord.sandbox_channels c
               where c.guild_id in (select guild_id from discord.sandbox_members where user_id = ${userId})
                  or c.recipient_id = ${userId}
               order by c.guild_id nulls first, c.id`,
        ),
      );
    },

    /** The guilds `userId` is in with their roles, and everyone in them: what their Discord client shows names from. */
    async surroundingsOf(userId: string) {
      return db.withSystem(async (tx) => {
        const guilds = await rows<{ id: string; name: string; roles: SandboxRole[] }>(
          tx,
          sql`select g.id, g.name, g.roles from discord.sandbox_guilds g
               where g.id in (select guild_id from discord.sandbox_members where user_id = ${userId})
               order by g.name`,
        );
        const people = await rows<{ id: string; username: string; global_name: string | null; bot: boolean }>(
          tx,
          sql`select u.id, u.username, u.global_name, u.bot from discord.sandbox_users u
               where u.id = ${userId} or u.id in (
                 select m.user_id from discord.sandbox_members m
                  where m.guild_id in (select guild_id from discord.sandbox_members where user_id = ${userId}))
               order by u.bot, u.username`,
        );
        return { guilds, people };
      });
    },

    async channel(channelId: string) {
      const [c] = await db.withSystem((tx) =>
        rows<{ id: string; guild_id: string | null; type: number; recipient_id: string | null }>(
          tx,
          sql`select id, guild_id, type, recipient_id from discord.sandbox_channels where id = ${channelId}`,
        ),
      );
      return c;
    },

    async calls(
      bot?: string,
    ): Promise<Array<{ bot: string; method: string; route: string; outcome: string }>> {
      return db.withSystem((tx) =>
        rows(
          tx,
          sql`select bot, method, route, outcome from discord.sandbox_calls
               where ${bot ?? null}::text is null or bot = ${bot ?? null} order by id`,
        ),
      );
    },
  };
}

export type Sandbox = ReturnType<typeof createSandbox>;

function iso(v: unknown): string | null {
  return v === null || v === undefined ? null : new Date(v as string).toISOString();
}

function toSandboxMessage(r: Record<string, unknown>): SandboxMessage {
  return {
    id: String(r.id),
    bot: String(r.bot),
    kind: r.kind as SandboxMessage['kind'],
    channelId: String(r.channel_id),
    guildId: r.guild_id === null ? null : String(r.guild_id),
    recipientId: r.recipient_id === null ? null : String(r.recipient_id),
    authorId: String(r.author_id),
    content: String(r.content),
    embeds: r.embeds as APIEmbed[],
    components: r.components as APIMessageTopLevelComponent[],
    flags: Number(r.flags),
    reactions: r.reactions as string[],
    createdAt: iso(r.created_at) as string,
    editedAt: iso(r.edited_at),
    deletedAt: iso(r.deleted_at),
  };
}
