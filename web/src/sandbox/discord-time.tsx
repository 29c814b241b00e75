import { useT } from '../i18n/i18n.ts';
import { formatDateTime, formatRelative } from '../ui/time.ts';

const STYLES: Record<string, Intl.DateTimeFormatOptions> = {
  t: { timeStyle: 'short' },
  T: { timeStyle: 'medium' },
  d: { dateStyle: 'short' },
  D: { dateStyle: 'long' },
  f: { dateStyle: 'long', timeStyle: 'short' },
  F: { dateStyle: 'full', timeStyle: 'short' },
};

/**
 * `<t:unix:style>` as Discord shows it: in the reader's own time zone (the browser's) and
 * language, with the full date and time on hover; `R` is relative ("in 2 hours").
 */
export function DiscordTime({ unix, style = 'f' }: { unix: number; style?: string }) {
  const { locale } = useT();
  const at = new Date(unix * 1000);
  if (Number.isNaN(at.getTime())) return <span>{`<t:${unix}:${style}>`}</span>;
  const full = formatDateTime(at, locale, STYLES.F);
  const text =
    style === 'R' ? formatRelative(at, locale) : formatDateTime(at, locale, STYLES[style] ?? STYLES.f);
  return (
    <time className="md-time" dateTime={at.toISOString()} title={full}>
      {text}
    </time>
  );
}
