/** A guild's icon from Discord's CDN, or its initials when it has none (every demo guild). */
export function GuildIcon({
  guild,
  size = 48,
}: {
  guild: { id: string; name: string; icon: string | null };
  size?: number;
}) {
  if (guild.icon)
    return (
      <img
        className="guild-icon"
        src={`https://cdn.discordapp.com/icons/${guild.id}/${guild.icon}.png?size=${size * 2}`}
        alt=""
        width={size}
        height={size}
      />
    );
  const initials = guild.name
    .split(/\s+/)
    .map((w) => w[0])
    .join('')
    .slice(0, 3);
  return (
    <span className="guild-icon guild-icon-initials" aria-hidden="true" style={{ width: size, height: size }}>
      {initials}
    </span>
  );
}
