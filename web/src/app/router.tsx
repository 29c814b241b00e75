import { createRoute, createRouter, redirect } from '@tanstack/react-router';
import { authStatusQuery } from '../api/queries.ts';
import { CalendarFeedPage } from '../games/feed-page.tsx';
import { GuildPickerPage } from '../pages/guild-picker.tsx';
import { SessionsPage } from '../pages/sessions.tsx';
import { SignInPage } from '../pages/sign-in.tsx';
import { SandboxPage } from '../sandbox/sandbox-page.tsx';
import { appRoute, rootRoute } from './app-route.tsx';
import { guildChildRoutes, guildRoute } from './guild-routes.tsx';
import { queryClient, whenSignedOut } from './query-client.ts';
import { safeReturnTo } from './return-to.ts';
import { RoutePending } from './root.tsx';

/**
 * The route tree, in code: routes are few, and their params and search params are typed from here
 * (`/guilds/$guildId`, `?actAs=`), which file-based routing would need a code generator for.
 *
 *   /sign-in                          sign in (Discord or the demo)
 *   / (signed in, in the app shell)   guild picker
 *   /sessions                         your sessions
 *   /calendar-feed                    your calendar feed link (games you joined, every guild)
 *   /sandbox                          the Discord sandbox (demo only)
 *   /guilds/$guildId/…                a guild's pages: see guild-routes.tsx
 */

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sign-in',
  validateSearch: (search: Record<string, unknown>): { returnTo?: string } =>
    search.returnTo === undefined ? {} : { returnTo: safeReturnTo(search.returnTo) },
  // Already signed in: straight on to where the person was going.
  beforeLoad: async ({ context, search }) => {
    if ((await context.queryClient.ensureQueryData(authStatusQuery)).signedIn)
      throw redirect({ to: search.returnTo ?? '/' });
  },
  component: SignInPage,
});

const guildPickerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: GuildPickerPage,
});

const sessionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'sessions',
  component: SessionsPage,
});

const calendarFeedRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'calendar-feed',
  component: CalendarFeedPage,
});

export type SandboxSearch = { actAs?: string; channel?: string };

const ID = /^[0-9]{15,21}$/;

const sandboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'sandbox',
  validateSearch: (search: Record<string, unknown>): SandboxSearch => ({
    ...(typeof search.actAs === 'string' && ID.test(search.actAs) ? { actAs: search.actAs } : {}),
    ...(typeof search.channel === 'string' && ID.test(search.channel) ? { channel: search.channel } : {}),
  }),
  component: SandboxPage,
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([
    guildPickerRoute,
    sessionsRoute,
    calendarFeedRoute,
    sandboxRoute,
    guildRoute.addChildren(guildChildRoutes),
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  defaultPendingComponent: RoutePending,
  // Loading states are the pages' own; the router need not wait before showing them.
  defaultPreloadStaleTime: 0,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

whenSignedOut(() => {
  const here = router.state.location;
  if (here.pathname === '/sign-in') return;
  queryClient.clear();
  void router.navigate({ to: '/sign-in', search: { returnTo: here.href } });
});
