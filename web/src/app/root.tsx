import { type ErrorComponentProps, Outlet, useRouter } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.ts';
import { ErrorState, Loading } from '../ui/states.tsx';

export function Root() {
  return <Outlet />;
}

/** A route that failed to load (not a query inside a page, which shows its own error). */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const { t } = useT();
  const router = useRouter();
  // Trying again means loading the route again (its sign-in check may have failed), not just re-rendering.
  const retry = () => {
    reset();
    void router.invalidate();
  };
  return (
    <main className="page" id="main">
      <ErrorState error={error} retry={retry} title={t('dashboard.errors.pageFailed')} />
    </main>
  );
}

/** While a route checks the session (shown only when that takes longer than a moment). */
export function RoutePending() {
  return (
    <main className="page" id="main">
      <Loading />
    </main>
  );
}
