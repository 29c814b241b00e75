import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import { ApiError } from '../api/problem.ts';
import { guildQuery, rolesQuery } from '../api/queries.ts';
import { useT } from '../i18n/i18n.ts';
import { TimezoneCombobox } from '../settings/timezone-combobox.tsx';
import { Field, FieldSet } from '../ui/field.tsx';
import { Page } from '../ui/page.tsx';
import { ErrorState, errorText, Loading } from '../ui/states.tsx';
import { parseReminders } from './game-draft.ts';
import { channelsQuery, type GamesConfig, type GamesConfigInput, gamesConfigQuery } from './queries.ts';

const route = getRouteApi('/app/guilds/$guildId/games/settings');

type Draft = {
  announcementChannelIds: string[];
  hostRoleIds: string[];
  reminders: string;
  timezone: string;
  threadPerGame: boolean;
  tempRole: boolean;
};

const draftOf = (c: GamesConfig): Draft => ({
  announcementChannelIds: [...c.announcementChannelIds],
  hostRoleIds: [...c.hostRoleIds],
  reminders: c.defaultReminderOffsetsMinutes.join(', '),
  timezone: c.timezone,
  threadPerGame: c.threadPerGame,
  tempRole: c.tempRole,
});

/** How games work in a guild, for its admins: channels, host roles, default reminders, zone. */
export function GamesSettingsPage() {
  const { t } = useT();
  const { guildId } = route.useParams();
  const guild = useQuery(guildQuery(guildId));
  const config = useQuery(gamesConfigQuery(guildId));
  if (guild.data && !guild.data.you.admin)
    return (
      <Page title={t('dashboard.games.settings.title')}>
        <p className="notice">{t('dashboard.settings.adminOnly')}</p>
      </Page>
    );
  return (
    <Page title={t('dashboard.games.settings.title')} intro={t('dashboard.games.settings.intro')}>
      {config.isPending ? <Loading /> : null}
      {config.isError ? <ErrorState error={config.error} retry={() => config.refetch()} /> : null}
      {config.data ? <ConfigForm guildId={guildId} config={config.data} /> : null}
    </Page>
  );
}

function ConfigForm({ guildId, config }: { guildId: string; config: GamesConfig }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const channels = useQuery(channelsQuery(guildId));
  const roles = useQuery(rolesQuery(guildId));
  const [draft, setDraft] = useState(() => draftOf(config));
  const [saved, setSaved] = useState(false);
  const [reminderProblem, setReminderProblem] = useState<string>();
  const save = useMutation({
    mutationFn: async (body: GamesConfigInput) =>
      unwrap(await api.PUT('/api/v1/guilds/{guildId}/games/config', { params: { path: { guildId } }, body })),
    onSuccess: (next) => {
      queryClient.setQueryData(gamesConfigQuery(guildId).queryKey, next);
      setDraft(draftOf(next));
      setSaved(true);
    },
  });
  const problems = save.error instanceof ApiError ? save.error.fieldErrors() : new Map<string, string>();
  const errorOf = (f: string) =>
    [...problems]
      .filter(([p]) => p === f || p.startsWith(`${f}/`))
      .map(([, d]) => d)
      .join('; ') || undefined;
  const toggle = (list: string[], id: string, on: boolean) =>
    on ? [...list, id] : list.filter((x) => x !== id);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const reminders = parseReminders(draft.reminders);
    setReminderProblem(reminders ? undefined : t('dashboard.games.form.remindersInvalid'));
    if (!reminders) return;
    save.mutate({
      announcementChannelIds: draft.announcementChannelIds,
      hostRoleIds: draft.hostRoleIds,
      defaultReminderOffsetsMinutes: reminders,
      timezone: draft.timezone,
      threadPerGame: draft.threadPerGame,
      tempRole: draft.tempRole,
    } as GamesConfigInput);
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {save.isError ? (
        <div className="alert alert-error" role="alert">
          <p>{problems.size > 0 ? t('dashboard.settings.invalid') : errorText(save.error, t)}</p>
        </div>
      ) : null}
      <FieldSet
        legend={t('dashboard.games.settings.channels')}
        help={t('dashboard.games.settings.channelsHelp')}
        error={errorOf('announcementChannelIds')}
      >
        {channels.isPending ? <Loading /> : null}
        {channels.isError ? <ErrorState error={channels.error} retry={() => channels.refetch()} /> : null}
        {channels.data?.length === 0 ? (
          <p className="muted">{t('dashboard.games.settings.noChannels')}</p>
        ) : null}
        {channels.data?.map((c) => (
          <label key={c.id} className="check">
            <input
              type="checkbox"
              checked={draft.announcementChannelIds.includes(c.id)}
              onChange={(e) =>
                setDraft((d) => ({
                  ...d,
                  announcementChannelIds: toggle(d.announcementChannelIds, c.id, e.target.checked),
                }))
              }
            />
            {c.postable ? `#${c.name}` : t('dashboard.games.form.notPostable', { name: `#${c.name}` })}
          </label>
        ))}
      </FieldSet>
      <FieldSet
        legend={t('dashboard.games.settings.hostRoles')}
        help={t('dashboard.games.settings.hostRolesHelp')}
        error={errorOf('hostRoleIds')}
      >
        {roles.isPending ? <Loading /> : null}
        {roles.isError ? <ErrorState error={roles.error} retry={() => roles.refetch()} /> : null}
        {roles.data
          ?.filter((r) => !r.everyone)
          .map((r) => (
            <label key={r.id} className="check">
              <input
                type="checkbox"
                checked={draft.hostRoleIds.includes(r.id)}
                onChange={(e) =>
                  setDraft((d) => ({ ...d, hostRoleIds: toggle(d.hostRoleIds, r.id, e.target.checked) }))
                }
              />
              {r.name}
            </label>
          ))}
      </FieldSet>
      <Field
        label={t('dashboard.games.settings.reminders')}
        help={t('dashboard.games.settings.remindersHelp')}
        error={reminderProblem ?? errorOf('defaultReminderOffsetsMinutes')}
      >
        {(control) => (
          <input
            {...control}
            value={draft.reminders}
            onChange={(e) => setDraft((d) => ({ ...d, reminders: e.target.value }))}
          />
        )}
      </Field>
      <Field label={t('dashboard.games.settings.timezone')} error={errorOf('timezone')}>
        {(control) => (
          <TimezoneCombobox
            control={control}
            value={draft.timezone}
            onChange={(timezone) => setDraft((d) => ({ ...d, timezone }))}
          />
        )}
      </Field>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.threadPerGame}
          onChange={(e) => setDraft((d) => ({ ...d, threadPerGame: e.target.checked }))}
        />
        {t('dashboard.games.settings.threadPerGame')}
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.tempRole}
          onChange={(e) => setDraft((d) => ({ ...d, tempRole: e.target.checked }))}
        />
        {t('dashboard.games.settings.tempRole')}
      </label>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t('dashboard.settings.saving') : t('dashboard.games.settings.save')}
        </button>
        <p className="form-status" role="status">
          {saved ? t('dashboard.games.settings.saved') : ''}
        </p>
      </div>
    </form>
  );
}
