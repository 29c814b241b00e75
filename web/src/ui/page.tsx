import { type ReactNode, useEffect } from 'react';
import { useT } from '../i18n/i18n.ts';

/** A page's heading (and the window title, which screen readers announce on navigation). */
export function Page({
  title,
  intro,
  actions,
  children,
  wide = false,
}: {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  const { t } = useT();
  useEffect(() => {
    document.title = `${title} · ${t('dashboard.app.name')}`;
  }, [title, t]);
  return (
    <div className={wide ? 'page page-wide' : 'page'}>
      <header className="page-header">
        <div>
          <h1>{title}</h1>
          {intro ? <p className="page-intro">{intro}</p> : null}
        </div>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      {children}
    </div>
  );
}
