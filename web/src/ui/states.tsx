import { ApiError, NetworkError } from '../api/problem.ts';
import { type Translate, useT } from '../i18n/i18n.ts';

/** While something loads: a spinner with words for screen readers too. */
export function Loading({ label }: { label?: string }) {
  const { t } = useT();
  return (
    <div className="state state-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t('dashboard.common.loading')}</span>
    </div>
  );
}

/** What went wrong, in words a person can act on. */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof NetworkError) return t('dashboard.errors.network');
  if (error instanceof ApiError) return error.message;
  return t('dashboard.errors.unexpected');
}

/** A failed load: the reason, the request id to quote, and a way to try again. */
export function ErrorState({ error, retry, title }: { error: unknown; retry?: () => void; title?: string }) {
  const { t } = useT();
  const requestId = error instanceof ApiError ? error.problem?.requestId : undefined;
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{title ?? t('dashboard.errors.title')}</p>
      <p>{errorText(error, t)}</p>
      {requestId ? <p className="muted small">{t('dashboard.errors.reference', { requestId })}</p> : null}
      {retry ? (
        <button type="button" className="button" onClick={retry}>
          {t('dashboard.common.retry')}
        </button>
      ) : null}
    </div>
  );
}

/** A failed action, next to the control that started it; nothing when there is no error. */
export function InlineError({ error }: { error: unknown }) {
  const { t } = useT();
  if (error === null || error === undefined) return null;
  return (
    <p className="inline-error" role="alert">
      {errorText(error, t)}
    </p>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}
