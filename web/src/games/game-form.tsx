import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import { ApiError } from '../api/problem.ts';
import { type MessageKey, useT } from '../i18n/i18n.ts';
import { TimezoneCombobox } from '../settings/timezone-combobox.tsx';
import { Field } from '../ui/field.tsx';
import { errorText } from '../ui/states.tsx';
import {
  API_FIELD,
  applyTemplate,
  bodyOf,
  type Draft,
  lockedBy,
  parseReminders,
  REPEATS,
  type Repeat,
} from './game-draft.ts';
import { SIGNUP_METHODS, type SignupMethod } from './model.ts';
import { channelsQuery, type Game, type GameInput, gamesKey, type Template } from './queries.ts';
import { ZonedDateTime } from './zoned-date-time.tsx';

export function GameForm({
  guildId,
  initial,
  game,
  templates,
  template,
  onTemplate,
  guildZone,
}: {
  guildId: string;
  initial: Draft;
  /** Editing this game (else creating one). */
  game?: Game;
  templates?: readonly Template[];
  template?: Template | undefined;
  onTemplate?: (id: string | undefined) => void;
  guildZone: string;
}) {
  const { t } = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const channels = useQuery(channelsQuery(guildId));
  const [draft, setDraft] = useState<Draft>(initial);
  const [localErrors, setLocalErrors] = useState<Map<string, string>>(new Map());
  const locked = lockedBy(template);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  // Editing a repeating game asks whether the change is for this game or the rest of the series.
  const recurring = Boolean(game?.recurrence);
  const [scope, setScope] = useState<'occurrence' | 'series'>('occurrence');

  const save = useMutation({
    mutationFn: async (body: GameInput) =>
      game
        ? unwrap(
            await api.PATCH('/api/v1/guilds/{guildId}/games/{gameId}', {
              params: { path: { guildId, gameId: game.id }, query: recurring ? { scope } : {} },
              body,
            }),
          )
        : unwrap(await api.POST('/api/v1/guilds/{guildId}/games', { params: { path: { guildId } }, body })),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: gamesKey(guildId) });
      void navigate({ to: '/guilds/$guildId/games/$gameId', params: { guildId, gameId: saved.id } });
    },
  });

  const byField = new Map<keyof Draft, string>([...localErrors].map(([k, v]) => [k as keyof Draft, v]));
  const elsewhere: string[] = [];
  if (save.error instanceof ApiError) {
    for (const [path, detail] of save.error.fieldErrors()) {
      const field = API_FIELD[path.split('/')[0] ?? ''];
      if (!field) elsewhere.push(detail);
      else byField.set(field, byField.has(field) ? `${byField.get(field)}; ${detail}` : detail);
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = new Map<string, string>();
    if (parseReminders(draft.reminders) === undefined)
      problems.set('reminders', t('dashboard.games.form.remindersInvalid'));
    setLocalErrors(problems);
    if (problems.size > 0) return;
    save.mutate(bodyOf(draft, game ? initial : undefined, template?.id));
  };

  const lockNote = (key: keyof Draft): ReactNode =>
    locked.has(key) ? <span className="lock-note">{t('dashboard.games.form.locked')}</span> : null;

  const input = (
    key: Exclude<keyof Draft, 'start' | 'signupMethod' | 'repeat'>,
    label: MessageKey,
    options: {
      help?: MessageKey;
      type?: 'text' | 'number';
      multiline?: boolean;
      min?: number;
    } = {},
  ) => (
    <Field
      label={t(label)}
      help={
        options.help || locked.has(key) ? (
          <>
            {options.help ? t(options.help) : null} {lockNote(key)}
          </>
        ) : undefined
      }
      error={byField.get(key)}
    >
      {(control) =>
        options.multiline ? (
          <textarea
            {...control}
            name={key}
            rows={4}
            value={draft[key]}
            disabled={locked.has(key)}
            onChange={(e) => set(key, e.target.value)}
          />
        ) : (
          <input
            {...control}
            name={key}
            type={options.type ?? 'text'}
            inputMode={options.type === 'number' ? 'numeric' : undefined}
            min={options.min}
            value={draft[key]}
            disabled={locked.has(key)}
            onChange={(e) => set(key, e.target.value)}
          />
        )
      }
    </Field>
  );

  return (
    <form className="form game-form" onSubmit={submit} noValidate>
      {save.isError || localErrors.size > 0 ? (
        <div className="alert alert-error" role="alert">
          <p>{byField.size > 0 ? t('dashboard.games.form.invalid') : errorText(save.error, t)}</p>
          {elsewhere.length > 0 ? (
            <ul>
              {elsewhere.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {templates && onTemplate ? (
        <Field label={t('dashboard.games.form.template')} help={t('dashboard.games.form.templateHelp')}>
          {(control) => (
            <select
              {...control}
              name="template"
              value={template?.id ?? ''}
              onChange={(e) => {
                const next = templates.find((x) => x.id === e.target.value);
                onTemplate(next?.id);
                setDraft((d) => (next ? applyTemplate(d, next) : d));
              }}
            >
              <option value="">{t('dashboard.games.form.noTemplate')}</option>
              {templates.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}

      {input('title', 'dashboard.games.form.title', { help: 'dashboard.games.form.titleHelp' })}
      {input('activity', 'dashboard.games.form.activity')}
      {input('description', 'dashboard.games.form.description', {
        help: 'dashboard.games.form.descriptionHelp',
        multiline: true,
      })}

      <fieldset className="fieldset form-section">
        <legend className="field-label">{t('dashboard.games.form.starts')}</legend>
        <ZonedDateTime
          dateLabelId="game-start"
          value={draft.start}
          zone={draft.timezone}
          onChange={(start) => set('start', start)}
          error={byField.get('start')}
        />
        <Field
          label={t('dashboard.games.form.zone')}
          help={
            <>
              {t('dashboard.games.form.zoneHelp', { zone: guildZone })} {lockNote('timezone')}
            </>
          }
          error={byField.get('timezone')}
        >
          {(control) =>
            locked.has('timezone') ? (
              <input {...control} value={draft.timezone} disabled />
            ) : (
              <TimezoneCombobox
                control={control}
                value={draft.timezone}
                onChange={(z) => set('timezone', z)}
              />
            )
          }
        </Field>
      </fieldset>

      <div className="form-row">
        {input('durationMinutes', 'dashboard.games.form.duration', {
          type: 'number',
          min: 1,
          help: 'dashboard.games.form.durationHelp',
        })}
        {input('minPlayers', 'dashboard.games.form.minPlayers', { type: 'number', min: 1 })}
        {input('maxPlayers', 'dashboard.games.form.maxPlayers', {
          type: 'number',
          min: 1,
          help: 'dashboard.games.form.maxHelp',
        })}
      </div>

      <Field
        label={t('dashboard.games.form.channel')}
        help={lockNote('channelId') ?? undefined}
        error={byField.get('channelId')}
      >
        {(control) => (
          <select
            {...control}
            name="channelId"
            value={draft.channelId}
            disabled={locked.has('channelId')}
            onChange={(e) => set('channelId', e.target.value)}
          >
            <option value="">{t('dashboard.games.form.defaultChannel')}</option>
            {(channels.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.postable ? `#${c.name}` : t('dashboard.games.form.notPostable', { name: `#${c.name}` })}
              </option>
            ))}
            {draft.channelId && channels.data && !channels.data.some((c) => c.id === draft.channelId) ? (
              <option value={draft.channelId}>{draft.channelId}</option>
            ) : null}
          </select>
        )}
      </Field>

      <Field
        label={t('dashboard.games.form.signupMethod')}
        help={lockNote('signupMethod') ?? undefined}
        error={byField.get('signupMethod')}
      >
        {(control) => (
          <select
            {...control}
            name="signupMethod"
            value={draft.signupMethod}
            disabled={locked.has('signupMethod')}
            onChange={(e) => set('signupMethod', e.target.value as SignupMethod)}
          >
            {SIGNUP_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`dashboard.games.signup.${m}`)}
              </option>
            ))}
          </select>
        )}
      </Field>

      <div className="form-row">
        <Field
          label={t('dashboard.games.form.repeat')}
          help={
            <>
              {draft.repeat === 'none' ? null : t('dashboard.games.form.repeatHelp')} {lockNote('repeat')}
            </>
          }
          error={byField.get('repeat')}
        >
          {(control) => (
            <select
              {...control}
              name="repeat"
              value={draft.repeat}
              disabled={locked.has('repeat')}
              onChange={(e) => set('repeat', e.target.value as Repeat)}
            >
              {REPEATS.map((r) => (
                <option key={r} value={r}>
                  {t(`dashboard.games.form.repeatOptions.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {draft.repeat === 'none'
          ? null
          : input(
              'repeatInterval',
              draft.repeat === 'weekly'
                ? 'dashboard.games.form.repeatEveryWeeks'
                : 'dashboard.games.form.repeatEveryMonths',
              {
                type: 'number',
                min: 1,
                help: 'dashboard.games.form.repeatIntervalHelp',
              },
            )}
      </div>

      {input('reminders', 'dashboard.games.form.reminders', { help: 'dashboard.games.form.remindersHelp' })}
      {input('signupInstructions', 'dashboard.games.form.instructions', {
        help: 'dashboard.games.form.instructionsHelp',
        multiline: true,
      })}

      {recurring ? (
        <fieldset className="choices">
          <legend>{t('dashboard.games.form.applyTo')}</legend>
          {(['occurrence', 'series'] as const).map((s) => (
            <label key={s} className="choice">
              <input
                type="radio"
                name="edit-scope"
                value={s}
                checked={scope === s}
                onChange={() => setScope(s)}
              />
              <span>{t(`dashboard.games.form.applyScope.${s}`)}</span>
            </label>
          ))}
        </fieldset>
      ) : null}

      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {game
            ? save.isPending
              ? t('dashboard.games.form.saving')
              : t('dashboard.games.form.save')
            : save.isPending
              ? t('dashboard.games.form.creating')
              : t('dashboard.games.form.create')}
        </button>
        <button type="button" className="button" onClick={() => window.history.back()}>
          {t('dashboard.common.cancel')}
        </button>
      </div>
    </form>
  );
}
