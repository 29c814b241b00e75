import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { authStatusQuery, guildQuery, settingsQuery } from '../api/queries.ts';
import { type MessageKey, useT } from '../i18n/i18n.ts';
import { Page } from '../ui/page.tsx';
import { ErrorState, Loading } from '../ui/states.tsx';
import { formatDateTime, isTimeZone } from '../ui/time.ts';

const route = getRouteApi('/app/guilds/$guildId/');

/** A guild at a glance: its size, its time and language, and what the viewer may do in it. */
export function GuildOverviewPage() {
  const { t, locale } = useT();
  const { guildId } = route.useParams();
  const guild = useQuery(guildQuery(guildId));
  const settings = useQuery(settingsQuery(guildId));
  const status = useQuery(authStatusQuery);
  if (!guild.data) return null; // the layout shows loading and errors of the guild itself

  const you = guild.data.you;
  const standing: MessageKey = you.owner
    ? 'dashboard.guild.standing.owner'
    : you.admin
      ? 'dashboard.guild.standing.admin'
      : 'dashboard.guild.standing.member';
  return (
    <Page title={t('dashboard.guild.overview')}>
      <dl className="facts">
        <div>
          <dt>{t('dashboard.guild.members')}</dt>
          <dd>{t('dashboard.guild.memberCount', { count: guild.data.memberCount })}</dd>
        </div>
        <div>
          <dt>{t('dashboard.guild.you')}</dt>
          <dd>{t(standing)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.guild.capabilities')}</dt>
          <dd>
            {you.capabilities.length > 0
              ? you.capabilities.map((c) => t(`discord.capabilities.${c}` as MessageKey)).join(', ')
              : t('dashboard.common.none')}
          </dd>
        </div>
        <div>
          <dt>{t('dashboard.guild.timezone')}</dt>
          <dd>
            {settings.isPending ? <Loading /> : null}
            {settings.isError ? <ErrorState error={settings.error} retry={() => settings.refetch()} /> : null}
            {settings.data ? (
              <>
                {settings.data.timezone}
                {isTimeZone(settings.data.timezone) ? (
                  <span className="muted">
                    {' · '}
                    {t('dashboard.guild.localTime', {
                      time: formatDateTime(Date.now(), locale, {
                        timeZone: settings.data.timezone,
                        weekday: 'long',
                        hour: '2-digit',
                        minute: '2-digit',
                      }),
                    })}
                  </span>
                ) : null}
              </>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('dashboard.guild.language')}</dt>
          <dd>
            {settings.data
              ? t(`dashboard.locales.${settings.data.locale}` as MessageKey)
              : settings.isPending
                ? '…'
                : '—'}
          </dd>
        </div>
      </dl>
      <div className="actions-row">
        {you.admin ? (
          <Link to="/guilds/$guildId/settings" params={{ guildId }} className="button">
            {t('dashboard.guild.editSettings')}
          </Link>
        ) : null}
        {status.data?.demo ? (
          <Link to="/sandbox" className="button">
            {t('dashboard.guild.openSandbox')}
          </Link>
        ) : null}
      </div>
    </Page>
  );
}
