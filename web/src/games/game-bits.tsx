import type { MessageKey } from '../i18n/i18n.ts';
import { useT } from '../i18n/i18n.ts';
import { formatDateTime } from '../ui/time.ts';

/** A game's status as a coloured badge. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useT();
  return (
    <span className={`badge status status-${status.toLowerCase()}`}>
      {t(`dashboard.games.status.${status}` as MessageKey)}
    </span>
  );
}

/** "12 Dec 2026, 20:00" in the viewer's zone, with the instant as machine-readable datetime. */
export function When({
  at,
  zone,
  style = 'medium',
}: {
  at: string;
  zone: string;
  style?: 'medium' | 'full';
}) {
  const { locale } = useT();
  return (
    <time dateTime={at}>
      {formatDateTime(at, locale, { timeZone: zone, dateStyle: style, timeStyle: 'short' })}
    </time>
  );
}

/** "3 of 10 playing · 2 waiting". */
export function Headcount({
  confirmed,
  max,
  waiting,
}: {
  confirmed: number;
  max: number | null;
  waiting: number;
}) {
  const { t } = useT();
  return (
    <span className="headcount">
      {max
        ? t('dashboard.games.list.playersOf', { confirmed, max })
        : t('dashboard.games.list.players', { confirmed })}
      {waiting > 0 ? ` · ${t('dashboard.games.list.waitlist', { count: waiting })}` : ''}
    </span>
  );
}
