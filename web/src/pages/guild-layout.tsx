import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, Outlet } from '@tanstack/react-router';
import { ApiError } from '../api/problem.ts';
import { guildQuery } from '../api/queries.ts';
import { GUILD_NAV } from '../app/guild-nav.ts';
import { useT } from '../i18n/i18n.ts';
import { GuildIcon } from '../ui/guild-icon.tsx';
import { Page } from '../ui/page.tsx';
import { ErrorState, Loading } from '../ui/states.tsx';

const route = getRouteApi('/app/guilds/$guildId');

/**
 * Frame of a guild's pages: loads the guild once for all of them. The API answers 404 for a guild
 * the person is not a member of (it does not even say whether it exists), and so does this page.
 */
export function GuildLayout() {
  const { t } = useT();
  const { guildId } = route.useParams();
  const guild = useQuery(guildQuery(guildId));

  if (guild.isPending) return <Loading />;
  if (guild.isError) {
    const missing = guild.error instanceof ApiError && [403, 404].includes(guild.error.status);
    if (missing) return <GuildNotFound />;
    return <ErrorState error={guild.error} retry={() => guild.refetch()} />;
  }
  return (
    <div className="guild">
      <div className="guild-header">
        <GuildIcon guild={guild.data} size={40} />
        <p className="guild-name">{guild.data.name}</p>
      </div>
      <nav className="tabs" aria-label={t('dashboard.guild.nav', { name: guild.data.name })}>
        <ul>
          {GUILD_NAV.filter((tab) => tab.visible(guild.data)).map((tab) => (
            <li key={tab.to}>
              <Link to={tab.to} params={{ guildId }} activeOptions={{ exact: tab.exact ?? false }}>
                {t(tab.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}

function GuildNotFound() {
  const { t } = useT();
  return (
    <Page title={t('dashboard.guild.notFoundTitle')}>
      <p>{t('dashboard.guild.notFoundText')}</p>
      <Link to="/" className="button">
        {t('dashboard.errors.toGuilds')}
      </Link>
    </Page>
  );
}
