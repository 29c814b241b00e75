import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { api, forgetSession, unwrap } from '../api/client.ts';
import { authStatusQuery, meQuery } from '../api/queries.ts';
import { type Locale, SUPPORTED_LOCALES, setLocale, useT } from '../i18n/i18n.ts';
import { setTheme, THEMES, type Theme, useTheme } from '../theme/theme.ts';
import { errorText } from '../ui/states.tsx';

/**
 * The frame of every signed-in page: brand, main navigation, language, theme and the user, with
 * the navigation folded behind a menu button on narrow screens.
 *
 * Extension point: pages of the whole account (not of one guild), such as the calendar feed
 * link, add an entry to the main navigation here; a guild's pages go to guild-nav.ts instead.
 */
export function AppShell() {
  const { t } = useT();
  const status = useQuery(authStatusQuery);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const [menuOpen, setMenuOpen] = useState(false);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every navigation, which pathname stands for
  useEffect(() => {
    setMenuOpen(false);
    // After navigating, start reading (and tabbing) at the new page, not at the old link.
    if (first.current) first.current = false;
    else main.current?.focus({ preventScroll: true });
  }, [pathname]);

  const guildsActive = pathname === '/' || pathname.startsWith('/guilds/');
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('dashboard.shell.skip')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>{t('dashboard.app.name')}</span>
        </Link>
        <button
          type="button"
          className="button button-quiet menu-button"
          aria-expanded={menuOpen}
          aria-controls="topnav"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {t('dashboard.shell.menu')}
        </button>
        <div id="topnav" className={menuOpen ? 'topnav topnav-open' : 'topnav'}>
          <nav aria-label={t('dashboard.shell.mainNav')}>
            <ul className="topnav-links">
              <li>
                <Link to="/" aria-current={guildsActive ? 'page' : undefined} activeOptions={{ exact: true }}>
                  {t('dashboard.shell.guilds')}
                </Link>
              </li>
              {status.data?.demo ? (
                <li>
                  <Link to="/sandbox">{t('dashboard.shell.sandbox')}</Link>
                </li>
              ) : null}
              <li>
                <Link to="/sessions">{t('dashboard.shell.sessions')}</Link>
              </li>
              <li>
                <Link to="/calendar-feed">{t('dashboard.games.feed.nav')}</Link>
              </li>
            </ul>
          </nav>
          <div className="topbar-tools">
            <LanguageSelect />
            <ThemeSelect />
            <Account />
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

function LanguageSelect() {
  const { t, locale } = useT();
  const queryClient = useQueryClient();
  return (
    <label className="compact-control">
      <span className="compact-label">{t('dashboard.shell.language')}</span>
      <select
        value={locale}
        onChange={async (e) => {
          await setLocale(e.target.value as Locale);
          // The API answers some texts (errors, command descriptions) in the dashboard's language.
          await queryClient.invalidateQueries();
        }}
      >
        {SUPPORTED_LOCALES.map((l) => (
          <option key={l} value={l}>
            {t(`dashboard.locales.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

function ThemeSelect() {
  const { t } = useT();
  const theme = useTheme();
  return (
    <label className="compact-control">
      <span className="compact-label">{t('dashboard.shell.theme')}</span>
      <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
        {THEMES.map((th) => (
          <option key={th} value={th}>
            {t(`dashboard.shell.themes.${th}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

function Account() {
  const { t } = useT();
  const me = useQuery(meQuery);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/auth/logout')),
    onSuccess: async () => {
      forgetSession();
      queryClient.clear();
      await navigate({ to: '/sign-in' });
    },
  });
  const name = me.data ? (me.data.user.globalName ?? me.data.user.username) : '';
  return (
    <div className="account">
      <span className="account-name" title={name}>
        {name}
      </span>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => signOut.mutate()}
        disabled={signOut.isPending}
      >
        {t('dashboard.shell.signOut')}
      </button>
      {signOut.isError ? (
        <span role="alert" className="inline-error">
          {errorText(signOut.error, t)}
        </span>
      ) : null}
    </div>
  );
}
