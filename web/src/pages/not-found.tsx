import { Link } from '@tanstack/react-router';
import { useT } from '../i18n/i18n.ts';
import { Page } from '../ui/page.tsx';

/** An address no page answers to. */
export function NotFoundPage() {
  const { t } = useT();
  return (
    <main id="main" className="page">
      <Page title={t('dashboard.errors.notFoundTitle')}>
        <p>{t('dashboard.errors.notFoundText')}</p>
        <Link to="/">{t('dashboard.errors.toGuilds')}</Link>
      </Page>
    </main>
  );
}
