import { useT } from '../i18n/i18n.ts';
import type { LiveState } from './live.ts';

/** Whether the page is hearing live changes; screen readers hear when that changes. */
export function LiveBadge({ state }: { state: LiveState }) {
  const { t } = useT();
  return (
    <span className={`live live-${state}`} role="status" data-live={state}>
      <span className="live-dot" aria-hidden="true" />
      {state === 'open'
        ? t('dashboard.games.list.live')
        : state === 'retrying'
          ? t('dashboard.games.list.offline')
          : ''}
    </span>
  );
}
