import { useId } from 'react';
import { useT } from '../i18n/i18n.ts';
import { formatDateTime } from '../ui/time.ts';
import { instantOf, viewerZone, type WallTime, wallTimeIssue, wallTimeOf } from './zoned.ts';

/**
 * Date and time of a game's start as a wall clock in the game's zone (the guild's by default),
 * with the instant it means shown in the viewer's own zone when that differs — so a host in
 * New York planning a Berlin guild's raid sees both. Times the zone skips or repeats (daylight
 * saving changes) are pointed out instead of silently moved.
 */
export function ZonedDateTime({
  value,
  zone,
  onChange,
  disabled,
  error,
  dateLabelId,
}: {
  value: WallTime;
  zone: string;
  onChange: (wall: WallTime) => void;
  disabled?: boolean;
  error?: string | undefined;
  /** Ids are derived from it so the form's problem for `startsAt` can point here. */
  dateLabelId?: string;
}) {
  const { t, locale } = useT();
  const own = useId();
  const base = dateLabelId ?? own;
  const instant = instantOf(value, zone);
  const issue = wallTimeIssue(value, zone);
  const mine = viewerZone();
  const hintId = `${base}-hint`;
  const errorId = `${base}-error`;
  const describedBy = [error ? errorId : '', hintId].filter(Boolean).join(' ');
  const invalid = error ? true : undefined;
  return (
    <div className={error ? 'zoned field-invalid' : 'zoned'}>
      <div className="zoned-inputs">
        <div className="field">
          <label className="field-label" htmlFor={`${base}-date`}>
            {t('dashboard.games.form.date')}
          </label>
          <input
            id={`${base}-date`}
            type="date"
            required
            value={value.date}
            disabled={disabled}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(e) => onChange({ ...value, date: e.target.value })}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${base}-time`}>
            {t('dashboard.games.form.time')}
          </label>
          <input
            id={`${base}-time`}
            type="time"
            required
            step={300}
            value={value.time}
            disabled={disabled}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            onChange={(e) => onChange({ ...value, time: e.target.value })}
          />
        </div>
      </div>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      <p className="field-help" id={hintId} aria-live="polite">
        {issue === 'skipped' && instant
          ? t('dashboard.games.form.skipped', {
              zone,
              time: formatDateTime(instant, locale, { timeZone: zone, timeStyle: 'short' }),
            })
          : issue === 'ambiguous'
            ? t('dashboard.games.form.ambiguous', { zone })
            : instant && mine !== zone
              ? t('dashboard.games.form.yourTime', {
                  zone: mine,
                  time: formatDateTime(instant, locale, {
                    timeZone: mine,
                    dateStyle: 'full',
                    timeStyle: 'short',
                  }),
                })
              : instant
                ? t('dashboard.games.form.means', {
                    time: formatDateTime(instant, locale, {
                      timeZone: zone,
                      dateStyle: 'full',
                      timeStyle: 'short',
                    }),
                  })
                : null}
      </p>
    </div>
  );
}

export { wallTimeOf };
