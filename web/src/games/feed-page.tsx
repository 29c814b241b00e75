import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import { useT } from '../i18n/i18n.ts';
import { Page } from '../ui/page.tsx';
import { ErrorState, InlineError, Loading } from '../ui/states.tsx';
import { formatDateTime } from '../ui/time.ts';
import { calendarFeedQuery } from './queries.ts';

/**
 * The viewer's private calendar feed: create it, copy its address (shown once: only a hash of the
 * token is stored), replace it with a new one, or turn it off.
 */
export function CalendarFeedPage() {
  const { t, locale } = useT();
  const queryClient = useQueryClient();
  const feed = useQuery(calendarFeedQuery);
  const [confirm, setConfirm] = useState<'rotate' | 'revoke'>();
  const [copied, setCopied] = useState(false);
  const [fresh, setFresh] = useState<string>();
  const create = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/me/calendar-feed')),
    onSuccess: (created) => {
      setFresh(created.url);
      setCopied(false);
    },
    onSettled: () => {
      setConfirm(undefined);
      return queryClient.invalidateQueries({ queryKey: calendarFeedQuery.queryKey });
    },
  });
  const revoke = useMutation({
    mutationFn: async () => unwrap(await api.DELETE('/api/v1/me/calendar-feed')),
    onSuccess: () => setFresh(undefined),
    onSettled: () => {
      setConfirm(undefined);
      return queryClient.invalidateQueries({ queryKey: calendarFeedQuery.queryKey });
    },
  });
  const busy = create.isPending || revoke.isPending;
  const current = feed.data?.feed;

  return (
    <Page title={t('dashboard.games.feed.title')} intro={t('dashboard.games.feed.intro')}>
      {feed.isPending ? <Loading /> : null}
      {feed.isError ? <ErrorState error={feed.error} retry={() => feed.refetch()} /> : null}
      {feed.isSuccess && !current ? (
        <div className="card">
          <p>{t('dashboard.games.feed.none')}</p>
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => create.mutate()}
          >
            {t('dashboard.games.feed.create')}
          </button>
        </div>
      ) : null}
      {current ? (
        <div className="card feed">
          {fresh ? (
            <>
              <div className="field">
                <label className="field-label" htmlFor="feed-url">
                  {t('dashboard.games.feed.url')}
                </label>
                <span className="feed-url">
                  <input
                    id="feed-url"
                    readOnly
                    value={fresh}
                    aria-describedby="feed-once"
                    onFocus={(e) => e.currentTarget.select()}
                  />
                  <button
                    type="button"
                    className="button"
                    onClick={async () => {
                      await navigator.clipboard?.writeText(fresh).catch(() => undefined);
                      setCopied(true);
                    }}
                  >
                    {t('dashboard.games.feed.copy')}
                  </button>
                </span>
                <p className="field-help" id="feed-once">
                  {t('dashboard.games.feed.once')}
                </p>
              </div>
              <p className="form-status" role="status">
                {copied ? t('dashboard.games.feed.copied') : ''}
              </p>
            </>
          ) : (
            <p>{t('dashboard.games.feed.active', { prefix: current.prefix })}</p>
          )}
          <p className="field-help">{t('dashboard.games.feed.secret')}</p>
          <p className="muted small">
            {t('dashboard.games.feed.created', { time: formatDateTime(current.createdAt, locale) })}
            {' · '}
            {current.lastUsedAt
              ? t('dashboard.games.feed.lastUsed', { time: formatDateTime(current.lastUsedAt, locale) })
              : t('dashboard.games.feed.neverUsed')}
          </p>
          {confirm ? (
            <div className="confirm" role="alertdialog" aria-labelledby="feed-confirm">
              <p id="feed-confirm">
                {confirm === 'rotate'
                  ? t('dashboard.games.feed.rotateConfirm')
                  : t('dashboard.games.feed.revokeConfirm')}
              </p>
              <div className="actions-row">
                <button
                  type="button"
                  className="button button-danger"
                  disabled={busy}
                  onClick={() => (confirm === 'rotate' ? create.mutate() : revoke.mutate())}
                >
                  {confirm === 'rotate' ? t('dashboard.games.feed.rotate') : t('dashboard.games.feed.revoke')}
                </button>
                <button type="button" className="button" onClick={() => setConfirm(undefined)}>
                  {t('dashboard.common.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <div className="actions-row">
              <button type="button" className="button" onClick={() => setConfirm('rotate')}>
                {t('dashboard.games.feed.rotate')}
              </button>
              <button type="button" className="button button-danger" onClick={() => setConfirm('revoke')}>
                {t('dashboard.games.feed.revoke')}
              </button>
            </div>
          )}
        </div>
      ) : null}
      <InlineError error={create.error ?? revoke.error} />
    </Page>
  );
}
