import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, redirect } from '@tanstack/react-router';
import { ApiError } from '../api/problem.ts';
import { authStatusQuery, meQuery } from '../api/queries.ts';
import { NotFoundPage } from '../pages/not-found.tsx';
import { Root, RouteError } from './root.tsx';
import { AppShell } from './shell.tsx';

/** The two routes everything hangs from; in a file of their own so route files can import them. */
export type RouterContext = { queryClient: QueryClient };

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Root,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteError,
});

/** Every page but sign-in: needs a session, and sits in the app shell. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const toSignIn = redirect({ to: '/sign-in', search: { returnTo: location.href } });
    if (!(await context.queryClient.ensureQueryData(authStatusQuery)).signedIn) throw toSignIn;
    try {
      await context.queryClient.ensureQueryData(meQuery);
    } catch (error) {
      // The session ended since the status was fetched.
      if (error instanceof ApiError && error.status === 401) throw toSignIn;
      throw error;
    }
  },
  component: AppShell,
});
