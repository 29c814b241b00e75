import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { api, rememberCsrfToken, unwrap } from '../api/client.ts';
import { authStatusQuery, type DemoUser, demoUsersQuery } from '../api/queries.ts';
import { hasMessage, type MessageKey, useT } from '../i18n/i18n.ts';
import { ErrorState, errorText, Loading } from '../ui/states.tsx';

const route = getRouteApi('/sign-in');

/**
 * Signing in: with Discord when OAuth2 is configured, and as a demo person when the server runs
 * the loopback demo (no Discord credentials); both when both are there.
 */
export function SignInPage() {
  const { t } = useT();
  const { returnTo = '/' } = route.useSearch();
  const status = useQuery(authStatusQuery);
  useEffect(() => {
    document.title = `${t('dashboard.signIn.title')} · ${t('dashboard.app.name')}`;
  }, [t]);

  return (
    <main className="sign-in" id="main">
      <div className="sign-in-card">
        <div className="sign-in-brand">
          <img src="/favicon.svg" alt="" width="48" height="48" />
          <span>{t('dashboard.app.name')}</span>
        </div>
        <h1>{t('dashboard.signIn.title')}</h1>
        <p className="muted">{t('dashboard.app.tagline')}</p>
        {status.isPending ? <Loading /> : null}
        {status.isError ? <ErrorState error={status.error} retry={() => status.refetch()} /> : null}
        {status.data?.discord ? (
          <a
            className="button button-primary button-large"
            href={`/api/v1/auth/discord/login?returnTo=${encodeURIComponent(returnTo)}`}
          >
            {t('dashboard.signIn.discord')}
          </a>
        ) : null}
        {status.data?.demo ? <DemoSignIn returnTo={returnTo} /> : null}
        {status.data && !status.data.discord && !status.data.demo ? (
          <p className="notice">{t('dashboard.signIn.notConfigured')}</p>
        ) : null}
      </div>
    </main>
  );
}

function DemoSignIn({ returnTo }: { returnTo: string }) {
  const { t } = useT();
  const users = useQuery(demoUsersQuery);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signIn = useMutation({
    mutationFn: async (userId: string) => unwrap(await api.POST('/api/v1/auth/demo', { body: { userId } })),
    onSuccess: async (session) => {
      rememberCsrfToken(session.csrfToken);
      // Someone else now: nothing cached for the previous person may show.
      queryClient.clear();
      await navigate({ to: returnTo });
    },
  });

  return (
    <section className="demo" aria-labelledby="demo-title">
      <h2 id="demo-title">{t('dashboard.signIn.demoTitle')}</h2>
      <p className="muted">{t('dashboard.signIn.demoIntro')}</p>
      {users.isPending ? <Loading /> : null}
      {users.isError ? <ErrorState error={users.error} retry={() => users.refetch()} /> : null}
      <ul className="demo-users">
        {users.data?.map((user) => (
          <li key={user.id}>
            <button
              type="button"
              className="demo-user"
              disabled={signIn.isPending}
              aria-busy={signIn.isPending && signIn.variables === user.id}
              onClick={() => signIn.mutate(user.id)}
            >
              <span className="avatar" aria-hidden="true">
                {user.globalName.slice(0, 1)}
              </span>
              <span>
                <span className="demo-user-name">
                  {t('dashboard.signIn.demoAs', { name: user.globalName })}
                </span>
                <span className="demo-user-role">{describe(user, t)}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {signIn.isError ? (
        <p role="alert" className="inline-error">
          {errorText(signIn.error, t)}
        </p>
      ) : null}
    </section>
  );
}

/** Who a demo person is, from the catalogue when it knows them (the API's text is English only). */
function describe(user: DemoUser, t: (key: MessageKey) => string): string {
  const key = `dashboard.signIn.demoRoles.${user.username}`;
  return hasMessage(key) ? t(key as MessageKey) : user.role;
}
