import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/problem.ts';

let onSignedOut: () => void = () => {};

/** What to do when the API says the session is gone (set by the router: go to the sign-in page). */
export function whenSignedOut(handler: () => void) {
  onSignedOut = handler;
}

const unauthenticated = (error: unknown) => error instanceof ApiError && error.status === 401;

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a network blip or a 5xx might.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      staleTime: 15_000,
    },
  },
  queryCache: new QueryCache({ onError: (error) => unauthenticated(error) && onSignedOut() }),
  mutationCache: new MutationCache({ onError: (error) => unauthenticated(error) && onSignedOut() }),
});
