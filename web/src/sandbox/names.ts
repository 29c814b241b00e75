import type { SandboxWorld } from '../api/queries.ts';

/** What a Discord client shows instead of ids: people, roles, channels and guilds by id. */
export type Names = {
  person(id: string): { name: string; bot: boolean } | undefined;
  role(id: string): { name: string; color: number } | undefined;
  channel(id: string): { name: string; guildId: string | null } | undefined;
  guild(id: string): string | undefined;
};

export function namesOf(world: SandboxWorld | undefined): Names {
  const people = new Map(
    (world?.people ?? []).map((p) => [p.id, { name: p.globalName ?? p.username, bot: p.bot }]),
  );
  const roles = new Map(
    (world?.guilds ?? []).flatMap((g) =>
      g.roles.map((r) => [r.id, { name: r.name, color: r.color }] as const),
    ),
  );
  const channels = new Map(
    (world?.channels ?? []).map((c) => [c.id, { name: c.name ?? '', guildId: c.guildId }]),
  );
  const guilds = new Map((world?.guilds ?? []).map((g) => [g.id, g.name]));
  return {
    person: (id) => people.get(id),
    role: (id) => roles.get(id),
    channel: (id) => channels.get(id),
    guild: (id) => guilds.get(id),
  };
}

/** `#5865f2` from Discord's integer colours (0 means "none"). */
export function cssColor(color: number | undefined | null): string | undefined {
  return color ? `#${color.toString(16).padStart(6, '0')}` : undefined;
}
