/** Every games query of a guild sits under this key: one invalidation refreshes them all. */
export const gamesKey = (guildId: string) => ['guilds', guildId, 'games'] as const;
