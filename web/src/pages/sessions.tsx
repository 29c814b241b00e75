import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api, forgetSession, unwrap } from '../api/client.ts';
import { type Session, sessionsQuery } from '../api/queries.ts';
import { type MessageKey, useT } from '../i18n/i18n.ts';
import { Page } from '../ui/page.tsx';
import { Empty, ErrorState, errorText, Loading } from '../ui/states.tsx';
import { formatDateTime, formatRelative } from '../ui/time.ts';
import { describeUserAgent } from './user-agent.ts';

/** The signed-in person's sessions: where they are signed in, and signing out elsewhere. */
export function SessionsPage() {
  const { t } = useT();
  const sessions = useQuery(sessionsQuery);
  return (
    <Page title={t('dashboard.sessions.title')} intro={t('dashboard.sessions.intro')}>
      {sessions.isPending ? <Loading /> : null}
      {sessions.isError ? <ErrorState error={sessions.error} retry={() => sessions.refetch()} /> : null}
      {sessions.data?.length === 0 ? <Empty>{t('dashboard.sessions.empty')}</Empty> : null}
      {sessions.data && sessions.data.length > 0 ? (
        <ul className="session-list">
          {[...sessions.data]
            .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt))
            .map((s) => (
              <SessionItem key={s.id} session={s} />
            ))}
        </ul>
      ) : null}
    </Page>
  );
}

function SessionItem({ session }: { session: Session }) {
  const { t, locale } = useT();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const revoke = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.DELETE('/api/v1/auth/sessions/{sessionId}', {
          params: { path: { sessionId: session.id } },
        }),
      ),
    onSuccess: async () => {
      if (session.current) {
        forgetSession();
        queryClient.clear();
        await navigate({ to: '/sign-in' });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: sessionsQuery.queryKey });
    },
  });
  const device = describeUserAgent(session.userAgent);
  const title = device ? t('dashboard.sessions.device', device) : t('dashboard.sessions.unknownDevice');
  const via = VIA[session.via] ?? 'dashboard.sessions.via.other';
  return (
    <li className="card session">
      <div className="session-main">
        <p className="session-title">
          {title}
          {session.current ? (
            <span className="badge badge-accent">{t('dashboard.sessions.current')}</span>
          ) : null}
        </p>
        <dl className="session-facts">
          <div>
            <dt>{t('dashboard.sessions.signedInWith')}</dt>
            <dd>{t(via)}</dd>
          </div>
          {session.ip ? (
            <div>
              <dt>{t('dashboard.sessions.address')}</dt>
              <dd>{session.ip}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('dashboard.sessions.started')}</dt>
            <dd>{formatDateTime(session.createdAt, locale)}</dd>
          </div>
          <div>
            <dt>{t('dashboard.sessions.lastSeen')}</dt>
            <dd>
              <time dateTime={session.lastSeenAt} title={formatDateTime(session.lastSeenAt, locale)}>
                {formatRelative(session.lastSeenAt, locale)}
              </time>
            </dd>
          </div>
          <div>
            <dt>{t('dashboard.sessions.expires')}</dt>
            <dd>{formatDateTime(session.expiresAt, locale)}</dd>
          </div>
        </dl>
      </div>
      <div className="session-actions">
        <button
          type="button"
          className="button button-danger"
          onClick={() => revoke.mutate()}
          disabled={revoke.isPending}
          aria-label={session.current ? undefined : t('dashboard.sessions.revokeNamed', { device: title })}
        >
          {session.current ? t('dashboard.sessions.signOutHere') : t('dashboard.sessions.revoke')}
        </button>
        {revoke.isError ? (
          <p role="alert" className="inline-error">
            {errorText(revoke.error, t)}
          </p>
        ) : null}
      </div>
    </li>
  );
}

/** How a session began, as the API names it. */
const VIA: Partial<Record<string, MessageKey>> = {
  discord: 'dashboard.sessions.via.discord',
  demo: 'dashboard.sessions.via.demo',
};
