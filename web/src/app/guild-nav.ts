import type { Guild } from '../api/queries.ts';
import type { MessageKey } from '../i18n/i18n.ts';

/**
 * The tabs of a guild's pages, in order, each shown only to those it is for.
 *
 * Extension point: a module adds its tab here together with its routes in guild-routes.tsx
 * (the games module: Games, Calendar, Templates, before Settings).
 */
export type GuildTab = {
  /** Relative to /guilds/$guildId ('' is the overview). */
  readonly to:
    | '/guilds/$guildId'
    | '/guilds/$guildId/settings'
    | '/guilds/$guildId/games'
    | '/guilds/$guildId/games/calendar'
    | '/guilds/$guildId/games/templates'
    | '/guilds/$guildId/games/reminders'
    | '/guilds/$guildId/games/settings';
  readonly label: MessageKey;
  readonly visible: (guild: Guild) => boolean;
  /** Active only on exactly this path (the overview), not on its children. */
  readonly exact?: boolean;
};

export const GUILD_NAV: readonly GuildTab[] = [
  { to: '/guilds/$guildId', label: 'dashboard.guild.overview', visible: () => true, exact: true },
  { to: '/guilds/$guildId/games', label: 'dashboard.games.nav.games', visible: () => true, exact: true },
  { to: '/guilds/$guildId/games/calendar', label: 'dashboard.games.nav.calendar', visible: () => true },
  { to: '/guilds/$guildId/games/templates', label: 'dashboard.games.nav.templates', visible: () => true },
  { to: '/guilds/$guildId/games/reminders', label: 'dashboard.games.nav.reminders', visible: () => true },
  { to: '/guilds/$guildId/settings', label: 'dashboard.guild.settings', visible: (g) => g.you.admin },
  {
    to: '/guilds/$guildId/games/settings',
    label: 'dashboard.games.nav.settings',
    visible: (g) => g.you.admin,
  },
];
