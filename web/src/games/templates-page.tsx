import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import { ApiError } from '../api/problem.ts';
import { guildQuery } from '../api/queries.ts';
import { type MessageKey, useT } from '../i18n/i18n.ts';
import { Field } from '../ui/field.tsx';
import { Page } from '../ui/page.tsx';
import { Empty, ErrorState, errorText, InlineError, Loading } from '../ui/states.tsx';
import { SIGNUP_METHODS } from './model.ts';
import { channelsQuery, gamesKey, type Template, type TemplateInput, templatesQuery } from './queries.ts';

const route = getRouteApi('/app/guilds/$guildId/games/templates');

/** Template fields the page edits, with their label and kind. */
const FIELDS = [
  ['title', 'dashboard.games.form.title', 'text'],
  ['activity', 'dashboard.games.form.activity', 'text'],
  ['description', 'dashboard.games.form.description', 'multiline'],
  ['durationMinutes', 'dashboard.games.form.duration', 'number'],
  ['minPlayers', 'dashboard.games.form.minPlayers', 'number'],
  ['maxPlayers', 'dashboard.games.form.maxPlayers', 'number'],
  ['channelId', 'dashboard.games.form.channel', 'channel'],
  ['signupMethod', 'dashboard.games.form.signupMethod', 'signup'],
  ['reminderOffsetsMinutes', 'dashboard.games.form.reminders', 'list'],
  ['signupInstructions', 'dashboard.games.form.instructions', 'multiline'],
] as const satisfies ReadonlyArray<readonly [string, MessageKey, string]>;
type FieldName = (typeof FIELDS)[number][0];

type Draft = { name: string; values: Record<FieldName, string>; locked: Set<FieldName> };

function draftOf(template: Template | undefined): Draft {
  const defaults = (template?.defaults ?? {}) as Record<string, unknown>;
  const values = Object.fromEntries(
    FIELDS.map(([f]) => {
      const v = defaults[f];
      return [f, v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v)];
    }),
  ) as Record<FieldName, string>;
  return { name: template?.name ?? '', values, locked: new Set((template?.locked ?? []) as FieldName[]) };
}

/** Only filled-in fields become defaults; numbers and lists are parsed (the API judges them). */
function bodyOf(draft: Draft): TemplateInput {
  const defaults: Record<string, unknown> = {};
  for (const [f, , kind] of FIELDS) {
    const v = draft.values[f].trim();
    if (v === '') continue;
    if (kind === 'number') defaults[f] = Number(v);
    else if (kind === 'list')
      defaults[f] = v
        .split(/[,\s]+/)
        .filter(Boolean)
        .map(Number);
    else defaults[f] = v;
  }
  return { name: draft.name.trim(), defaults, locked: [...draft.locked] } as TemplateInput;
}

/** A guild's game templates: list, create, edit, delete, and start a game from one. */
export function TemplatesPage() {
  const { t } = useT();
  const { guildId } = route.useParams();
  const guild = useQuery(guildQuery(guildId));
  const templates = useQuery(templatesQuery(guildId));
  const [editing, setEditing] = useState<Template | 'new' | undefined>();
  const canManage = guild.data ? guild.data.you.admin || guild.data.you.capabilities.includes('host') : false;

  return (
    <Page
      title={t('dashboard.games.templates.title')}
      intro={t('dashboard.games.templates.intro')}
      actions={
        canManage && editing === undefined ? (
          <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
            {t('dashboard.games.templates.new')}
          </button>
        ) : null
      }
    >
      {!canManage && guild.data ? <p className="notice">{t('dashboard.games.templates.hostsOnly')}</p> : null}
      {editing !== undefined ? (
        <TemplateForm
          key={editing === 'new' ? 'new' : editing.id}
          guildId={guildId}
          template={editing === 'new' ? undefined : editing}
          onDone={() => setEditing(undefined)}
        />
      ) : null}
      {templates.isPending ? <Loading /> : null}
      {templates.isError ? <ErrorState error={templates.error} retry={() => templates.refetch()} /> : null}
      {templates.data?.length === 0 ? <Empty>{t('dashboard.games.templates.empty')}</Empty> : null}
      <ul className="template-list">
        {templates.data?.map((tpl) => (
          <TemplateCard
            key={tpl.id}
            guildId={guildId}
            template={tpl}
            canManage={canManage}
            onEdit={() => setEditing(tpl)}
          />
        ))}
      </ul>
    </Page>
  );
}

function TemplateCard({
  guildId,
  template,
  canManage,
  onEdit,
}: {
  guildId: string;
  template: Template;
  canManage: boolean;
  onEdit: () => void;
}) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState(false);
  const remove = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.DELETE('/api/v1/guilds/{guildId}/games/templates/{templateId}', {
          params: { path: { guildId, templateId: template.id } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: gamesKey(guildId) }),
  });
  const defaults = Object.entries(template.defaults as Record<string, unknown>);
  const label = (f: string) => {
    const field = FIELDS.find(([name]) => name === f);
    return field ? t(field[1]) : f;
  };
  return (
    <li className="card template-card">
      <h2>{template.name}</h2>
      {defaults.length > 0 ? (
        <dl className="template-defaults" aria-label={t('dashboard.games.templates.defaults')}>
          {defaults.map(([f, v]) => (
            <div key={f}>
              <dt>{label(f)}</dt>
              <dd>{Array.isArray(v) ? v.join(', ') : String(v)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {template.locked.length > 0 ? (
        <p className="muted small">
          {t('dashboard.games.templates.lockedFields', { list: template.locked.map(label).join(', ') })}
        </p>
      ) : null}
      <div className="actions-row">
        <Link
          to="/guilds/$guildId/games/new"
          params={{ guildId }}
          search={{ template: template.id }}
          className="button button-primary"
        >
          {t('dashboard.games.templates.use')}
        </Link>
        {canManage ? (
          <>
            <button type="button" className="button" onClick={onEdit}>
              {t('dashboard.games.templates.edit')}
            </button>
            <button
              type="button"
              className="button button-danger"
              aria-label={t('dashboard.games.templates.deleteNamed', { name: template.name })}
              onClick={() => setConfirm(true)}
            >
              {t('dashboard.games.templates.delete')}
            </button>
          </>
        ) : null}
      </div>
      {confirm ? (
        <div className="confirm" role="alertdialog" aria-label={t('dashboard.games.templates.delete')}>
          <p>{t('dashboard.games.templates.deleteConfirm', { name: template.name })}</p>
          <div className="actions-row">
            <button type="button" className="button button-danger" onClick={() => remove.mutate()}>
              {t('dashboard.games.templates.delete')}
            </button>
            <button type="button" className="button" onClick={() => setConfirm(false)}>
              {t('dashboard.common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <InlineError error={remove.error} />
    </li>
  );
}

function TemplateForm({
  guildId,
  template,
  onDone,
}: {
  guildId: string;
  template: Template | undefined;
  onDone: () => void;
}) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const channels = useQuery(channelsQuery(guildId));
  const [draft, setDraft] = useState(() => draftOf(template));
  const save = useMutation({
    mutationFn: async (body: TemplateInput) =>
      template
        ? unwrap(
            await api.PUT('/api/v1/guilds/{guildId}/games/templates/{templateId}', {
              params: { path: { guildId, templateId: template.id } },
              body,
            }),
          )
        : unwrap(
            await api.POST('/api/v1/guilds/{guildId}/games/templates', {
              params: { path: { guildId } },
              body,
            }),
          ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: gamesKey(guildId) });
      onDone();
    },
  });
  const problems = save.error instanceof ApiError ? save.error.fieldErrors() : new Map<string, string>();
  const errorOf = (f: string) =>
    [...problems]
      .filter(([p]) => p === f || p.startsWith(`defaults/${f}`))
      .map(([, d]) => d)
      .join('; ') || undefined;
  const setValue = (f: FieldName, v: string) => setDraft((d) => ({ ...d, values: { ...d.values, [f]: v } }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(bodyOf(draft));
  };

  return (
    <form className="form card template-form" onSubmit={submit} noValidate>
      {save.isError ? (
        <div className="alert alert-error" role="alert">
          <p>{problems.size > 0 ? t('dashboard.games.form.invalid') : errorText(save.error, t)}</p>
        </div>
      ) : null}
      <Field label={t('dashboard.games.templates.name')} error={errorOf('name')}>
        {(control) => (
          <input
            {...control}
            value={draft.name}
            onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))}
          />
        )}
      </Field>
      <p className="field-help">{t('dashboard.games.templates.lockHelp')}</p>
      {FIELDS.map(([f, label, kind]) => (
        <div key={f} className="template-field">
          <Field label={t(label)} error={errorOf(f)}>
            {(control) =>
              kind === 'multiline' ? (
                <textarea
                  {...control}
                  rows={2}
                  value={draft.values[f]}
                  onChange={(e) => setValue(f, e.target.value)}
                />
              ) : kind === 'signup' ? (
                <select {...control} value={draft.values[f]} onChange={(e) => setValue(f, e.target.value)}>
                  <option value="">—</option>
                  {SIGNUP_METHODS.map((m) => (
                    <option key={m} value={m}>
                      {t(`dashboard.games.signup.${m}`)}
                    </option>
                  ))}
                </select>
              ) : kind === 'channel' ? (
                <select {...control} value={draft.values[f]} onChange={(e) => setValue(f, e.target.value)}>
                  <option value="">—</option>
                  {(channels.data ?? []).map((c) => (
                    <option key={c.id} value={c.id}>
                      #{c.name}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...control}
                  type={kind === 'number' ? 'number' : 'text'}
                  value={draft.values[f]}
                  onChange={(e) => setValue(f, e.target.value)}
                />
              )
            }
          </Field>
          <label className="check template-lock">
            <input
              type="checkbox"
              checked={draft.locked.has(f)}
              onChange={(e) =>
                setDraft((d) => {
                  const locked = new Set(d.locked);
                  if (e.target.checked) locked.add(f);
                  else locked.delete(f);
                  return { ...d, locked };
                })
              }
            />
            {t('dashboard.games.templates.lock')}
            <span className="visually-hidden"> {t(label)}</span>
          </label>
        </div>
      ))}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t('dashboard.games.templates.saving') : t('dashboard.games.templates.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('dashboard.common.cancel')}
        </button>
      </div>
    </form>
  );
}
