import { type ErrorComponentProps, Outlet } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.ts';
import { ErrorState } from '../ui/states.tsx';

export function Root() {
  return <Outlet />;
}

/** A route that failed to load (not a query inside a page, which shows its own error). */
export function RouteError({ error, reset }: ErrorComponentProps) {
  const { t } = useT();
  return (
    <main className="page" id="main">
      <ErrorState error={error} retry={reset} title={t('dashboard.errors.pageFailed')} />
    </main>
  );
}
