import { createRoute } from '@tanstack/react-router';
import { GuildLayout } from '../pages/guild-layout.tsx';
import { GuildOverviewPage } from '../pages/guild-overview.tsx';
import { GuildSettingsPage } from '../settings/settings-page.tsx';
import { appRoute } from './app-route.tsx';

/**
 * A guild's pages, under /guilds/$guildId. The layout loads the guild (a member of another guild
 * gets a not-found page, whatever the child) and shows the tabs of guild-nav.ts.
 *
 * Extension point: a module's pages are routes added to `guildChildRoutes` (and a tab to
 * `GUILD_NAV`), e.g. the games module's list, calendar, detail and templates.
 */
export const guildRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'guilds/$guildId',
  component: GuildLayout,
});

const overviewRoute = createRoute({
  getParentRoute: () => guildRoute,
  path: '/',
  component: GuildOverviewPage,
});

const settingsRoute = createRoute({
  getParentRoute: () => guildRoute,
  path: 'settings',
  component: GuildSettingsPage,
});

export const guildChildRoutes = [overviewRoute, settingsRoute];
