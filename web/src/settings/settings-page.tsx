import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import { ApiError } from '../api/problem.ts';
import { guildQuery, modulesQuery, rolesQuery, type Settings, settingsQuery } from '../api/queries.ts';
import type { paths } from '../api/schema.d.ts';
import { hasMessage, type MessageKey, SUPPORTED_LOCALES, useT } from '../i18n/i18n.ts';
import { Field, FieldSet } from '../ui/field.tsx';
import { Page } from '../ui/page.tsx';
import { ErrorState, errorText, Loading } from '../ui/states.tsx';
import { formatDateTime, isTimeZone } from '../ui/time.ts';
import { TimezoneCombobox } from './timezone-combobox.tsx';

const route = getRouteApi('/app/guilds/$guildId/settings');

type SettingsBody =
  paths['/api/v1/guilds/{guildId}/settings']['put']['requestBody']['content']['application/json'];
type Capability = keyof SettingsBody['capabilityRoles'];
/** In the order the form shows them; the API's schema decides which exist. */
const CAPABILITIES = ['host', 'moderator', 'verifier'] as const satisfies readonly Capability[];

type Draft = Omit<SettingsBody, 'capabilityRoles'> & { capabilityRoles: Record<Capability, string[]> };

function draftOf(s: Settings): Draft {
  return {
    timezone: s.timezone,
    // The API accepts only the locales it has catalogues for; anything else is shown as English.
    locale: (SUPPORTED_LOCALES as readonly string[]).includes(s.locale)
      ? (s.locale as Draft['locale'])
      : 'en',
    enabledModules: [...s.enabledModules],
    capabilityRoles: Object.fromEntries(
      CAPABILITIES.map((c) => [c, [...(s.capabilityRoles[c] ?? [])]]),
    ) as Record<Capability, string[]>,
  };
}

/** The field a problem's pointer (after `/body/`) belongs to: `enabledModules/2` → `enabledModules`. */
function fieldOf(path: string): string {
  const [head, second] = path.split('/');
  return head === 'capabilityRoles' && second ? `capabilityRoles/${second}` : (head ?? path);
}

/** A guild's settings, for its admins: time zone, language, capability roles and modules. */
export function GuildSettingsPage() {
  const { t } = useT();
  const { guildId } = route.useParams();
  const guild = useQuery(guildQuery(guildId));
  const settings = useQuery(settingsQuery(guildId));

  if (guild.data && !guild.data.you.admin)
    return (
      <Page title={t('dashboard.settings.title')}>
        <p className="notice">{t('dashboard.settings.adminOnly')}</p>
      </Page>
    );
  return (
    <Page title={t('dashboard.settings.title')} intro={t('dashboard.settings.intro')}>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? <ErrorState error={settings.error} retry={() => settings.refetch()} /> : null}
      {settings.data ? <SettingsForm guildId={guildId} settings={settings.data} /> : null}
    </Page>
  );
}

function SettingsForm({ guildId, settings }: { guildId: string; settings: Settings }) {
  const { t, locale } = useT();
  const queryClient = useQueryClient();
  const roles = useQuery(rolesQuery(guildId));
  const modules = useQuery(modulesQuery);
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [saved, setSaved] = useState(false);

  const save = useMutation({
    mutationFn: async (body: Draft) =>
      unwrap(await api.PUT('/api/v1/guilds/{guildId}/settings', { params: { path: { guildId } }, body })),
    onSuccess: async (next) => {
      queryClient.setQueryData(settingsQuery(guildId).queryKey, next);
      setDraft(draftOf(next));
      setSaved(true);
      // Capability roles decide what the viewer may do in this guild.
      await queryClient.invalidateQueries({ queryKey: guildQuery(guildId).queryKey });
    },
  });
  useEffect(() => {
    if (save.isPending) setSaved(false);
  }, [save.isPending]);

  const problems = save.error instanceof ApiError ? save.error.fieldErrors() : new Map<string, string>();
  const byField = new Map<string, string>();
  for (const [path, detail] of problems) {
    const field = fieldOf(path);
    byField.set(field, byField.has(field) ? `${byField.get(field)}; ${detail}` : detail);
  }
  const known = new Set([
    'timezone',
    'locale',
    'enabledModules',
    ...CAPABILITIES.map((c) => `capabilityRoles/${c}`),
  ]);
  const elsewhere = [...byField].filter(([field]) => !known.has(field));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(draft);
  };
  const toggle = (list: string[], id: string, on: boolean) =>
    on ? [...list, id] : list.filter((x) => x !== id);
  const assignable = (roles.data ?? []).filter((r) => !r.everyone);
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(settings));

  return (
    <form className="form" onSubmit={submit} noValidate>
      {save.isError ? (
        <div className="alert alert-error" role="alert">
          <p>
            {save.error instanceof ApiError && byField.size > 0
              ? t('dashboard.settings.invalid')
              : errorText(save.error, t)}
          </p>
          {elsewhere.length > 0 ? (
            <ul>
              {elsewhere.map(([field, detail]) => (
                <li key={field}>
                  <code>{field}</code> {detail}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <Field
        label={t('dashboard.settings.timezone.label')}
        help={
          isTimeZone(draft.timezone)
            ? t('dashboard.settings.timezone.now', {
                time: formatDateTime(Date.now(), locale, {
                  timeZone: draft.timezone,
                  weekday: 'long',
                  hour: '2-digit',
                  minute: '2-digit',
                }),
              })
            : t('dashboard.settings.timezone.help')
        }
        error={byField.get('timezone')}
      >
        {(control) => (
          <TimezoneCombobox
            control={control}
            value={draft.timezone}
            onChange={(timezone) => setDraft((d) => ({ ...d, timezone }))}
          />
        )}
      </Field>

      <Field
        label={t('dashboard.settings.locale.label')}
        help={t('dashboard.settings.locale.help')}
        error={byField.get('locale')}
      >
        {(control) => (
          <select
            {...control}
            value={draft.locale}
            onChange={(e) => setDraft((d) => ({ ...d, locale: e.target.value as Draft['locale'] }))}
          >
            {SUPPORTED_LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`dashboard.locales.${l}`)}
              </option>
            ))}
          </select>
        )}
      </Field>

      <section className="form-section" aria-labelledby="roles-title">
        <h2 id="roles-title">{t('dashboard.settings.roles.title')}</h2>
        <p className="field-help">{t('dashboard.settings.roles.help')}</p>
        {roles.isPending ? <Loading /> : null}
        {roles.isError ? <ErrorState error={roles.error} retry={() => roles.refetch()} /> : null}
        {roles.data ? (
          <div className="capability-grid">
            {CAPABILITIES.map((capability) => (
              <FieldSet
                key={capability}
                legend={t(`dashboard.settings.roles.${capability}.label`)}
                help={t(`dashboard.settings.roles.${capability}.help`)}
                error={byField.get(`capabilityRoles/${capability}`)}
              >
                {assignable.length === 0 ? (
                  <p className="muted">{t('dashboard.settings.roles.none')}</p>
                ) : null}
                {assignable.map((role) => (
                  <label key={role.id} className="check">
                    <input
                      type="checkbox"
                      checked={draft.capabilityRoles[capability].includes(role.id)}
                      onChange={(e) =>
                        setDraft((d) => ({
                          ...d,
                          capabilityRoles: {
                            ...d.capabilityRoles,
                            [capability]: toggle(d.capabilityRoles[capability], role.id, e.target.checked),
                          },
                        }))
                      }
                    />
                    <span
                      className="role-dot"
                      aria-hidden="true"
                      style={{
                        background: role.color ? `#${role.color.toString(16).padStart(6, '0')}` : undefined,
                      }}
                    />
                    {role.name}
                  </label>
                ))}
              </FieldSet>
            ))}
          </div>
        ) : null}
      </section>

      <section className="form-section">
        <FieldSet
          legend={t('dashboard.settings.modules.label')}
          help={t('dashboard.settings.modules.help')}
          error={byField.get('enabledModules')}
        >
          {modules.isPending ? <Loading /> : null}
          {modules.isError ? <ErrorState error={modules.error} retry={() => modules.refetch()} /> : null}
          {modules.data?.length === 0 ? (
            <p className="muted">{t('dashboard.settings.modules.none')}</p>
          ) : null}
          {modules.data?.map((m) => {
            const key = `dashboard.modules.${m.name}`;
            return (
              <label key={m.name} className="check">
                <input
                  type="checkbox"
                  checked={draft.enabledModules.includes(m.name)}
                  onChange={(e) =>
                    setDraft((d) => ({
                      ...d,
                      enabledModules: toggle(d.enabledModules, m.name, e.target.checked),
                    }))
                  }
                />
                {hasMessage(key) ? t(key as MessageKey) : m.name}
              </label>
            );
          })}
        </FieldSet>
      </section>

      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t('dashboard.settings.saving') : t('dashboard.settings.save')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!dirty || save.isPending}
          onClick={() => {
            setDraft(draftOf(settings));
            save.reset();
          }}
        >
          {t('dashboard.settings.reset')}
        </button>
        <p className="form-status" role="status">
          {saved && !dirty ? t('dashboard.settings.saved') : ''}
        </p>
      </div>
      {settings.updatedAt ? (
        <p className="muted small">
          {t('dashboard.settings.updatedAt', { time: formatDateTime(settings.updatedAt, locale) })}
        </p>
      ) : null}
    </form>
  );
}
