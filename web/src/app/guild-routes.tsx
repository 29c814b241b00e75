import { createRoute } from '@tanstack/react-router';
import { CalendarPage, validateCalendarSearch } from '../games/calendar-page.tsx';
import { EditGamePage, NewGamePage, validateNewGameSearch } from '../games/game-form-pages.tsx';
import { GamePage } from '../games/game-page.tsx';
import { GamesListPage, validateGamesSearch } from '../games/games-list-page.tsx';
import { GamesSettingsPage } from '../games/games-settings-page.tsx';
import { RemindersPage } from '../games/reminders-page.tsx';
import { TemplatesPage } from '../games/templates-page.tsx';
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

/** The games module's pages, under /guilds/$guildId/games. */
const gamesRoute = createRoute({ getParentRoute: () => guildRoute, path: 'games' });

const gamesListRoute = createRoute({
  getParentRoute: () => gamesRoute,
  path: '/',
  validateSearch: validateGamesSearch,
  component: GamesListPage,
});

const calendarRoute = createRoute({
  getParentRoute: () => gamesRoute,
  path: 'calendar',
  validateSearch: validateCalendarSearch,
  component: CalendarPage,
});

const newGameRoute = createRoute({
  getParentRoute: () => gamesRoute,
  path: 'new',
  validateSearch: validateNewGameSearch,
  component: NewGamePage,
});

const templatesRoute = createRoute({
  getParentRoute: () => gamesRoute,
  path: 'templates',
  component: TemplatesPage,
});
const gamesSettingsRoute = createRoute({
  getParentRoute: () => gamesRoute,
  path: 'settings',
  component: GamesSettingsPage,
});
const remindersRoute = createRoute({
  getParentRoute: () => gamesRoute,
  path: 'reminders',
  component: RemindersPage,
});

const gameRoute = createRoute({ getParentRoute: () => gamesRoute, path: '$gameId' });
const gameDetailRoute = createRoute({ getParentRoute: () => gameRoute, path: '/', component: GamePage });
const editGameRoute = createRoute({ getParentRoute: () => gameRoute, path: 'edit', component: EditGamePage });

export const guildChildRoutes = [
  overviewRoute,
  settingsRoute,
  gamesRoute.addChildren([
    gamesListRoute,
    calendarRoute,
    newGameRoute,
    templatesRoute,
    gamesSettingsRoute,
    remindersRoute,
    gameRoute.addChildren([gameDetailRoute, editGameRoute]),
  ]),
];
