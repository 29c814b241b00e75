import { OverwriteType } from 'discord-api-types/v10';

/** The permission bits Guildhall checks (Discord's values). */
export const PermissionBits = {
  ADMINISTRATOR: 1n << 3n,
  MANAGE_GUILD: 1n << 5n,
  MANAGE_ROLES: 1n << 28n,
  ADD_REACTIONS: 1n << 6n,
  VIEW_CHANNEL: 1n << 10n,
  SEND_MESSAGES: 1n << 11n,
  EMBED_LINKS: 1n << 14n,
  SEND_MESSAGES_IN_THREADS: 1n << 38n,
  CREATE_PUBLIC_THREADS: 1n << 35n,
} as const;

export const ALL_PERMISSIONS = (1n << 53n) - 1n;

export type PermissionRole = { readonly id: string; readonly permissions: string };
export type PermissionOverwrite = {
  readonly id: string;
  readonly type: number;
  readonly allow: string;
  readonly deny: string;
};

/**
 * A member's permissions in a channel, as Discord computes them: @everyone (the role whose id is
 * the guild's) OR the member's roles; owner and ADMINISTRATOR have everything; then the channel's
 * overwrites for @everyone, for the member's roles (together) and for the member, in that order.
 */
export function channelPermissions(input: {
  guildId: string;
  ownerId: string;
  roles: readonly PermissionRole[];
  userId: string;
  memberRoleIds: readonly string[];
  overwrites: readonly PermissionOverwrite[];
}): bigint {
  if (input.userId === input.ownerId) return ALL_PERMISSIONS;
  const byId = new Map(input.roles.map((r) => [r.id, BigInt(r.permissions)]));
  let base = byId.get(input.guildId) ?? 0n;
  for (const id of input.memberRoleIds) base |= byId.get(id) ?? 0n;
  if (base & PermissionBits.ADMINISTRATOR) return ALL_PERMISSIONS;

  let perms = base;
  const everyone = input.overwrites.find((o) => o.id === input.guildId);
  if (everyone) perms = (perms & ~BigInt(everyone.deny)) | BigInt(everyone.allow);
  let allow = 0n;
  let deny = 0n;
  for (const o of input.overwrites) {
    if (o.type === OverwriteType.Role && o.id !== input.guildId && input.memberRoleIds.includes(o.id)) {
      allow |= BigInt(o.allow);
      deny |= BigInt(o.deny);
    }
  }
  perms = (perms & ~deny) | allow;
  const own = input.overwrites.find((o) => o.type === OverwriteType.Member && o.id === input.userId);
  if (own) perms = (perms & ~BigInt(own.deny)) | BigInt(own.allow);
  return perms;
}

/** What posting an announcement (embeds included) needs. */
export const POST_PERMISSIONS =
  PermissionBits.VIEW_CHANNEL | PermissionBits.SEND_MESSAGES | PermissionBits.EMBED_LINKS;

export function hasAll(perms: bigint, needed: bigint): boolean {
  return (perms & needed) === needed;
}
