import { and, eq, sql } from 'drizzle-orm';
import { type Database, rows } from '#platform/db/database.ts';
import { guildMembers, guildRoles, guilds, users } from './schema.ts';

export type GuildInput = { id: string; name: string; icon?: string | null; ownerId: string };
export type UserInput = {
  id: string;
  username: string;
  globalName?: string | null;
  avatar?: string | null;
  locale?: string | null;
};
export type RoleInput = {
  id: string;
  name: string;
  permissions: bigint | string;
  position?: number;
  color?: number;
};
export type MemberInput = {
  userId: string;
  nickname?: string | null;
  roleIds: readonly string[];
  joinedAt?: Date | null;
};

export type GuildSummary = {
  id: string;
  name: string;
  icon: string | null;
  ownerId: string;
  memberCount: number;
};

/**
 * The local copy of what Discord knows about guilds, people, roles and memberships. The gateway,
 * OAuth sign-ins and look-ups write it; the access policy and every module read it.
 */
export function createDirectory(db: Database, onGuildChanged?: (guildId: string) => void) {
  const directory = {
    async upsertUser(user: UserInput): Promise<void> {
      const values = {
        username: user.username,
        globalName: user.globalName ?? null,
        avatar: user.avatar ?? null,
        ...(user.locale !== undefined ? { locale: user.locale } : {}),
        updatedAt: new Date(),
      };
      await db.withSystem((tx) =>
        tx
          .insert(users)
          .values({ id: user.id, ...values })
          .onConflictDoUpdate({ target: users.id, set: values }),
      );
    },

    /** Writes a guild with its roles and (optionally) members in one transaction. */
    async syncGuild(
      guild: GuildInput,
      roles: readonly RoleInput[],
      members?: readonly MemberInput[],
    ): Promise<void> {
      await db.withSystem(async (tx) => {
        const values = {
          name: guild.name,
          icon: guild.icon ?? null,
          ownerId: guild.ownerId,
          botPresent: true,
          updatedAt: new Date(),
        };
        await tx
          .insert(guilds)
          .values({ id: guild.id, ...values })
          .onConflictDoUpdate({ target: guilds.id, set: values });
        await tx.delete(guildRoles).where(eq(guildRoles.guildId, guild.id));
        if (roles.length > 0) {
          await tx.insert(guildRoles).values(
            roles.map((r) => ({
              guildId: guild.id,
              id: r.id,
              name: r.name,
              permissions: BigInt(r.permissions),
              position: r.position ?? 0,
              color: r.color ?? 0,
            })),
          );
        }
        for (const m of members ?? []) {
          const set = { nickname: m.nickname ?? null, roleIds: [...m.roleIds], updatedAt: new Date() };
          await tx
            .insert(guildMembers)
            .values({ guildId: guild.id, userId: m.userId, joinedAt: m.joinedAt ?? null, ...set })
            .onConflictDoUpdate({ target: [guildMembers.guildId, guildMembers.userId], set });
        }
      });
    },

    /** The guild's own fields only (GUILD_UPDATE carries roles separately). */
    async upsertGuildInfo(guild: GuildInput): Promise<void> {
      const values = {
        name: guild.name,
        icon: guild.icon ?? null,
        ownerId: guild.ownerId,
        botPresent: true,
        updatedAt: new Date(),
      };
      await db.withSystem((tx) =>
        tx
          .insert(guilds)
          .values({ id: guild.id, ...values })
          .onConflictDoUpdate({ target: guilds.id, set: values }),
      );
    },

    async upsertRole(guildId: string, role: RoleInput): Promise<void> {
      const values = {
        name: role.name,
        permissions: BigInt(role.permissions),
        position: role.position ?? 0,
        color: role.color ?? 0,
      };
      await db.withSystem((tx) =>
        tx
          .insert(guildRoles)
          .values({ guildId, id: role.id, ...values })
          .onConflictDoUpdate({ target: [guildRoles.guildId, guildRoles.id], set: values }),
      );
    },

    async deleteRole(guildId: string, roleId: string): Promise<void> {
      await db.withSystem(async (tx) => {
        await tx.delete(guildRoles).where(and(eq(guildRoles.guildId, guildId), eq(guildRoles.id, roleId)));
        // Discord removes a deleted role from every member without a member event per member.
        await tx.execute(
          sql`update core.guild_members set role_ids = array_remove(role_ids, ${roleId}::bigint)
               where guild_id = ${guildId} and ${roleId}::bigint = any (role_ids)`,
        );
      });
    },

    /**
     * Members with their users, in one transaction (a GUILD_MEMBERS_CHUNK brings up to 1,000).
     * Guilds not yet known are skipped: a member event can arrive before GUILD_CREATE is stored.
     */
    async upsertMembers(
      guildId: string,
      members: ReadonlyArray<MemberInput & { user: UserInput }>,
    ): Promise<void> {
      if (members.length === 0) return;
      await db.withSystem(async (tx) => {
        const [known] = await tx.select({ id: guilds.id }).from(guilds).where(eq(guilds.id, guildId));
        if (!known) return;
        const now = new Date();
        await tx
          .insert(users)
          .values(
            members.map((m) => ({
              id: m.user.id,
              username: m.user.username,
              globalName: m.user.globalName ?? null,
              avatar: m.user.avatar ?? null,
              updatedAt: now,
            })),
          )
          .onConflictDoUpdate({
            target: users.id,
            set: {
              username: sql`excluded.username`,
              globalName: sql`excluded.global_name`,
              avatar: sql`excluded.avatar`,
              updatedAt: now,
            },
          });
        await tx
          .insert(guildMembers)
          .values(
            members.map((m) => ({
              guildId,
              userId: m.userId,
              nickname: m.nickname ?? null,
              roleIds: [...m.roleIds],
              joinedAt: m.joinedAt ?? null,
              updatedAt: now,
            })),
          )
          .onConflictDoUpdate({
            target: [guildMembers.guildId, guildMembers.userId],
            set: { nickname: sql`excluded.nickname`, roleIds: sql`excluded.role_ids`, updatedAt: now },
          });
      });
    },

    async upsertMember(guildId: string, member: MemberInput): Promise<void> {
      const set = { nickname: member.nickname ?? null, roleIds: [...member.roleIds], updatedAt: new Date() };
      await db.withSystem((tx) =>
        tx
          .insert(guildMembers)
          .values({ guildId, userId: member.userId, joinedAt: member.joinedAt ?? null, ...set })
          .onConflictDoUpdate({ target: [guildMembers.guildId, guildMembers.userId], set }),
      );
    },

    async removeMember(guildId: string, userId: string): Promise<void> {
      await db.withSystem((tx) =>
        tx
          .delete(guildMembers)
          .where(and(eq(guildMembers.guildId, guildId), eq(guildMembers.userId, userId))),
      );
    },

    /** The bot left the guild: keep the data, hide the guild. */
    async markGuildGone(guildId: string): Promise<void> {
      await db.withSystem((tx) =>
        tx.update(guilds).set({ botPresent: false, updatedAt: new Date() }).where(eq(guilds.id, guildId)),
      );
    },

    async getUser(userId: string) {
      const [user] = await db.withSystem((tx) => tx.select().from(users).where(eq(users.id, userId)));
      return user;
    },

    async getGuild(guildId: string): Promise<GuildSummary | undefined> {
      const [row] = await db.withGuild(guildId, (tx) =>
        rows<{ id: string; name: string; icon: string | null; owner_id: string; member_count: number }>(
          tx,
          sql`select g.id, g.name, g.icon, g.owner_id,
                     (select count(*)::int from core.guild_members m where m.guild_id = g.id) as member_count
                from core.guilds g where g.id = ${guildId} and g.bot_present`,
        ),
      );
      return row
        ? { id: row.id, name: row.name, icon: row.icon, ownerId: row.owner_id, memberCount: row.member_count }
        : undefined;
    },

    /** A guild's roles, highest first (as Discord lists them); `@everyone` has the guild's id. */
    async rolesOf(
      guildId: string,
    ): Promise<Array<{ id: string; name: string; color: number; position: number }>> {
      return db.withGuild(guildId, (tx) =>
        tx
          .select({
            id: guildRoles.id,
            name: guildRoles.name,
            color: guildRoles.color,
            position: guildRoles.position,
          })
          .from(guildRoles)
          .where(eq(guildRoles.guildId, guildId))
          .orderBy(sql`${guildRoles.position} desc`, guildRoles.id),
      );
    },

    /**
     * A guild's members as the dashboard names them (nickname, else display name, else username),
     * by that name; `query` narrows to names containing it.
     */
    async membersOf(
      guildId: string,
      options: { query?: string; limit: number },
    ): Promise<
      Array<{ id: string; username: string; displayName: string; avatar: string | null; roleIds: string[] }>
    > {
      const like = options.query ? `%${options.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      const list = await db.withGuild(guildId, (tx) =>
        rows<{
          user_id: string;
          username: string;
          display_name: string;
          avatar: string | null;
          role_ids: string[] | null;
        }>(
          tx,
          sql`select m.user_id, u.username, coalesce(m.nickname, u.global_name, u.username) as display_name,
                     u.avatar, m.role_ids::text[] as role_ids
                from core.guild_members m join core.users u on u.id = m.user_id
               where m.guild_id = ${guildId}
                 and (${like}::text is null
                      or coalesce(m.nickname, u.global_name, u.username) ilike ${like}
                      or u.username ilike ${like})
               order by lower(coalesce(m.nickname, u.global_name, u.username)), m.user_id
               limit ${options.limit}`,
        ),
      );
      return list.map((m) => ({
        id: String(m.user_id),
        username: m.username,
        displayName: m.display_name,
        avatar: m.avatar,
        roleIds: (m.role_ids ?? []).map(String),
      }));
    },

    /** Guilds the user shares with the bot. */
    async guildsOf(
      userId: string,
    ): Promise<Array<{ id: string; name: string; icon: string | null; owner: boolean }>> {
      const list = await db.withSystem((tx) =>
        rows<{ id: string; name: string; icon: string | null; owner_id: string }>(
          tx,
          sql`select g.id, g.name, g.icon, g.owner_id
                from core.guild_members m join core.guilds g on g.id = m.guild_id
               where m.user_id = ${userId} and g.bot_present
               order by g.name`,
        ),
      );
      return list.map((g) => ({ id: g.id, name: g.name, icon: g.icon, owner: g.owner_id === userId }));
    },
  };
  if (!onGuildChanged) return directory;
  // What this process just wrote, it forgets at once; the database's hint tells the others.
  const then =
    <A extends unknown[]>(write: (...args: A) => Promise<void>, guildOf: (...args: A) => string) =>
    async (...args: A) => {
      try {
        await write(...args);
      } finally {
        onGuildChanged(guildOf(...args));
      }
    };
  return {
    ...directory,
    syncGuild: then(directory.syncGuild, (guild) => guild.id),
    upsertGuildInfo: then(directory.upsertGuildInfo, (guild) => guild.id),
    upsertRole: then(directory.upsertRole, (guildId) => guildId),
    deleteRole: then(directory.deleteRole, (guildId) => guildId),
    upsertMembers: then(directory.upsertMembers, (guildId) => guildId),
    upsertMember: then(directory.upsertMember, (guildId) => guildId),
    removeMember: then(directory.removeMember, (guildId) => guildId),
    markGuildGone: then(directory.markGuildGone, (guildId) => guildId),
  };
}

export type Directory = ReturnType<typeof createDirectory>;
