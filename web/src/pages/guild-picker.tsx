import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { authStatusQuery, meQuery } from '../api/queries.ts';
import { useT } from '../i18n/i18n.ts';
import { GuildIcon } from '../ui/guild-icon.tsx';
import { Page } from '../ui/page.tsx';
import { Empty, ErrorState, Loading } from '../ui/states.tsx';

/** The guilds the signed-in person shares with the bot. */
export function GuildPickerPage() {
  const { t } = useT();
  const me = useQuery(meQuery);
  const status = useQuery(authStatusQuery);
  return (
    <Page title={t('dashboard.guilds.title')} intro={t('dashboard.guilds.intro')}>
      {me.isPending ? <Loading /> : null}
      {me.isError ? <ErrorState error={me.error} retry={() => me.refetch()} /> : null}
      {me.data && me.data.guilds.length === 0 ? <Empty>{t('dashboard.guilds.empty')}</Empty> : null}
      {me.data && me.data.guilds.length > 0 ? (
        <ul className="card-grid">
          {me.data.guilds.map((guild) => (
            <li key={guild.id}>
              <Link
                className="card card-link guild-card"
                to="/guilds/$guildId"
                params={{ guildId: guild.id }}
              >
                <GuildIcon guild={guild} />
                <span className="guild-card-text">
                  <span className="guild-card-name">{guild.name}</span>
                  {guild.owner ? <span className="badge">{t('dashboard.guilds.owner')}</span> : null}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {status.data?.demo ? (
        <aside className="callout">
          <h2>{t('dashboard.guilds.sandboxTitle')}</h2>
          <p>{t('dashboard.guilds.sandboxText')}</p>
          <Link to="/sandbox" className="button">
            {t('dashboard.guilds.sandboxLink')}
          </Link>
        </aside>
      ) : null}
    </Page>
  );
}
