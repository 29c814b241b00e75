import { sql } from 'drizzle-orm';
import type { HintedMemo } from '#platform/cache/hinted-memo.ts';
import { createCoalescer } from '#platform/coalescer.ts';
import { type Database, rows } from '#platform/db/database.ts';
import type { Authorizer } from '#platform/discord/interactions/dispatcher.ts';
import { forbidden, notFound } from '#platform/errors.ts';
import type { Principal } from '#platform/http/types.ts';

/** Discord permission bits that make a member a guild admin. */
export const PERMISSIONS = { ADMINISTRATOR: 1n << 3n, MANAGE_GUILD: 1n << 5n } as const;

/** Capabilities granted by per-guild configurable roles. Admins have all of them. */
export const CAPABILITIES = ['host', 'moderator', 'verifier'] as const;
export type Capability = (typeof CAPABILITIES)[number];

export type Membership = {
  readonly guildId: string;
  readonly userId: string;
  readonly owner: boolean;
  readonly admin: boolean;
  readonly roleIds: readonly string[];
  readonly permissions: bigint;
  readonly capabilities: ReadonlySet<Capability>;
};

type MembershipRow = {
  owner_id: string;
  role_ids: string[] | string;
  permissions: string;
  capability_roles: Record<string, string[]> | null;
};

/**
 * One permission policy for the API and the bot: the guild owner and members holding
 * ADMINISTRATOR or MANAGE_GUILD are admins; other capabilities come from the roles configured in
 * guild settings. Membership and roles come from core.guild_members / core.guild_roles, which the
 * gateway and Discord look-ups keep current.
 */
export function membershipFromRow(guildId: string, userId: string, row: MembershipRow): Membership {
  const roleIds = Array.isArray(row.role_ids) ? row.role_ids.map(String) : parseArray(row.role_ids);
  const permissions = BigInt(row.permissions);
  const owner = row.owner_id === userId;
  const admin = owner || (permissions & (PERMISSIONS.ADMINISTRATOR | PERMISSIONS.MANAGE_GUILD)) !== 0n;
  const capabilities = new Set<Capability>();
  for (const capability of CAPABILITIES) {
    const granted = row.capability_roles?.[capability] ?? [];
    if (admin || granted.some((roleId) => roleIds.includes(roleId))) capabilities.add(capability);
  }
  // Shared by every request that hits the memo: nobody may change it in place.
  return Object.freeze({
    guildId,
    userId,
    owner,
    admin,
    roleIds: Object.freeze(roleIds),
    permissions,
    capabilities,
  });
}

function parseArray(v: string): string[] {
  const inner = v.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',') : [];
}

/**
 * Members' permissions, for several users of one guild at once: the OR of @everyone (whose id is
 * the guild's) and every role held. One statement for a burst of first requests.
 */
const MEMBERSHIPS_SQL = (guildId: string, userIds: readonly string[]) => sql`
  select m.user_id::text as user_id,
         g.owner_id,
         m.role_ids,
         coalesce((select bit_or(r.permissions) from core.guild_roles r
                    where r.guild_id = g.id and (r.id = g.id or r.id = any (m.role_ids))), 0)::text as permissions,
         s.capability_roles
    from core.guilds g
    join core.guild_members m on m.guild_id = g.id and m.user_id = any (${`{${userIds.join(',')}}`}::bigint[])
    left join core.guild_settings s on s.guild_id = g.id
   where g.id = ${guildId} and g.bot_present`;

/** What Discord says about a member (through the cached port), when a bot token is configured. */
export type DiscordMembershipSource = (
  guildId: string,
  userId: string,
) => Promise<{
  ownerId: string;
  roles: ReadonlyArray<{ id: string; permissions: string }>;
  memberRoleIds: readonly string[];
} | null>;

export type AccessPolicyOptions = {
  readonly fromDiscord?: DiscordMembershipSource;
  /**
   * Reuse of a member's answer in this process, grouped by guild on ACCESS_CHANNEL (see
   * migrations/0003_access_hints.sql); without it every check asks the database.
   */
  readonly memo?: HintedMemo<Membership | null>;
};

const SNOWFLAKE = /^\d{1,20}$/;

/** The NOTIFY channel of core's triggers on guilds, members, roles and settings (payload: guild id). */
export const ACCESS_CHANNEL = 'guildhall_access';

export function createAccessPolicy(db: Database, options: AccessPolicyOptions = {}) {
  const memo = options.memo;

  // Look-ups of one guild's members arriving while one is running go together in the next.
  const fromDirectory = createCoalescer<string, Membership | null>({
    run: async (guildId, userIds) => {
      // Someone else's malformed id must not fail the batch: it is simply nobody's membership.
      const ids = [...new Set(userIds.filter((id) => SNOWFLAKE.test(id)))];
      const found =
        ids.length === 0
          ? []
          : await db.withGuild(guildId, (tx) =>
              rows<MembershipRow & { user_id: string }>(tx, MEMBERSHIPS_SQL(guildId, ids)),
            );
      const byUser = new Map(found.map((row) => [row.user_id, row]));
      return userIds.map((userId) => {
        const row = byUser.get(userId);
        return row ? membershipFromRow(guildId, userId, row) : null;
      });
    },
  });

  // Every API request and interaction asks this first.
  async function membership(guildId: string, userId: string): Promise<Membership | undefined> {
    if (!memo) return load(guildId, userId);
    const m = await memo.get(
      guildId,
      `${guildId}:${userId}`,
      async () => (await load(guildId, userId)) ?? null,
      // Not a member: not kept, so a member who just joined is never told otherwise.
      (found) => found !== null,
    );
    return m ?? undefined;
  }

  async function load(guildId: string, userId: string): Promise<Membership | undefined> {
    if (options.fromDiscord) {
      const found = await options.fromDiscord(guildId, userId);
      if (!found) return undefined;
      // Roles and ownership from Discord; which roles grant which capability is ours.
      const [settings] = await db.withGuild(guildId, (tx) =>
        rows<{ capability_roles: Record<string, string[]> | null }>(
          tx,
          sql`select capability_roles from core.guild_settings where guild_id = ${guildId}`,
        ),
      );
      let permissions = 0n;
      for (const role of found.roles)
        if (role.id === guildId || found.memberRoleIds.includes(role.id))
          permissions |= BigInt(role.permissions);
      return membershipFromRow(guildId, userId, {
        owner_id: found.ownerId,
        role_ids: [...found.memberRoleIds],
        permissions: permissions.toString(),
        capability_roles: settings?.capability_roles ?? null,
      });
    }
    return (await fromDirectory.submit(guildId, userId)) ?? undefined;
  }

  return {
    membership,
    /** Forgets what is known of a guild's members now (a change made by this process). */
    forgetGuild: (guildId: string) => memo?.drop(guildId),
    /**
     * The caller's membership of `guildId`, or 404 when they are not a member (which also hides
     * whether the guild exists) or hold a token restricted to another guild.
     */
    async requireMember(principal: Principal, guildId: string): Promise<Membership> {
      if (principal.guildId && principal.guildId !== guildId) throw notFound('Guild', 'GUILD_NOT_FOUND');
      const m = await membership(guildId, principal.userId);
      if (!m) throw notFound('Guild', 'GUILD_NOT_FOUND');
      return m;
    },
    async requireAdmin(principal: Principal, guildId: string): Promise<Membership> {
      const m = await this.requireMember(principal, guildId);
      if (!m.admin)
        throw forbidden(
          'Only the guild owner and members with Manage Server may do that.',
          'NOT_GUILD_ADMIN',
        );
      return m;
    },
    async requireCapability(
      principal: Principal,
      guildId: string,
      capability: Capability,
    ): Promise<Membership> {
      const m = await this.requireMember(principal, guildId);
      if (!m.capabilities.has(capability))
        throw forbidden(
          `You need the ${capability} role of this guild to do that.`,
          `NOT_${capability.toUpperCase()}`,
        );
      return m;
    },
  };
}

export type AccessPolicy = ReturnType<typeof createAccessPolicy>;

/**
 * The same policy for the bot: the command framework's requirements (admin, a capability)
 * decided by `access`, answered as catalogue keys for the ephemeral explanation.
 */
export function discordAuthorizer(access: AccessPolicy): Authorizer {
  return async ({ guildId, userId, requirement }) => {
    const m = await access.membership(guildId, userId);
    if (!m) return { key: 'discord.errors.notMember' };
    if (requirement.admin && !m.admin) return { key: 'discord.errors.notAdmin' };
    if (requirement.capability && !m.capabilities.has(requirement.capability as Capability))
      return { key: 'discord.errors.missingCapability', params: { capability: requirement.capability } };
    return undefined;
  };
}
