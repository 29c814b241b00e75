import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import { ApiError } from '../api/problem.ts';
import { useT } from '../i18n/i18n.ts';
import { Field } from '../ui/field.tsx';
import { Page } from '../ui/page.tsx';
import { ErrorState, errorText, InlineError, Loading } from '../ui/states.tsx';
import { type ReminderPreference, reminderPreferencesQuery } from './queries.ts';

const route = getRouteApi('/app/guilds/$guildId/games/reminders');

/** The viewer's reminder preferences for a guild's games: mute them all, or one lead time. */
export function RemindersPage() {
  const { t } = useT();
  const { guildId } = route.useParams();
  const prefs = useQuery(reminderPreferencesQuery(guildId));
  const guildWide = prefs.data?.find((p) => p.gameId === null);
  return (
    <Page title={t('dashboard.games.reminders.title')} intro={t('dashboard.games.reminders.intro')}>
      {prefs.isPending ? <Loading /> : null}
      {prefs.isError ? <ErrorState error={prefs.error} retry={() => prefs.refetch()} /> : null}
      {prefs.data ? <PreferenceForm guildId={guildId} current={guildWide} /> : null}
    </Page>
  );
}

function PreferenceForm({ guildId, current }: { guildId: string; current: ReminderPreference | undefined }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const [muted, setMuted] = useState(current?.muted ?? false);
  const [lead, setLead] = useState(
    current?.leadMinutes === null || !current ? '' : String(current.leadMinutes),
  );
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PUT('/api/v1/guilds/{guildId}/games/reminder-preferences', {
          params: { path: { guildId } },
          body: { gameId: null, muted, leadMinutes: lead.trim() === '' ? null : Number(lead.trim()) },
        }),
      ),
    onSuccess: async () => {
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: reminderPreferencesQuery(guildId).queryKey });
    },
  });
  const problems = save.error instanceof ApiError ? save.error.fieldErrors() : new Map<string, string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate();
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      {save.isError && problems.size === 0 ? (
        <div className="alert alert-error" role="alert">
          <p>{errorText(save.error, t)}</p>
        </div>
      ) : null}
      <label className="check">
        <input type="checkbox" checked={muted} onChange={(e) => setMuted(e.target.checked)} />
        {t('dashboard.games.reminders.muted')}
      </label>
      <Field
        label={t('dashboard.games.reminders.lead')}
        help={t('dashboard.games.reminders.leadHelp')}
        error={problems.get('leadMinutes')}
      >
        {(control) => (
          <input
            {...control}
            type="number"
            inputMode="numeric"
            min={0}
            value={lead}
            disabled={muted}
            onChange={(e) => setLead(e.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('dashboard.games.reminders.save')}
        </button>
        <p className="form-status" role="status">
          {saved ? t('dashboard.games.reminders.saved') : ''}
        </p>
      </div>
    </form>
  );
}

/** On a game's page, for someone signed up: mute this game's reminders only. */
export function GameReminderToggle({ guildId, gameId }: { guildId: string; gameId: string }) {
  const { t } = useT();
  const queryClient = useQueryClient();
  const prefs = useQuery(reminderPreferencesQuery(guildId));
  const muted = prefs.data?.find((p) => p.gameId === gameId)?.muted ?? false;
  const save = useMutation({
    mutationFn: async (next: boolean) =>
      unwrap(
        await api.PUT('/api/v1/guilds/{guildId}/games/reminder-preferences', {
          params: { path: { guildId } },
          body: { gameId, muted: next },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: reminderPreferencesQuery(guildId).queryKey }),
  });
  return (
    <div className="reminder-toggle">
      <label className="check">
        <input
          type="checkbox"
          checked={save.isPending ? Boolean(save.variables) : muted}
          disabled={prefs.isPending || save.isPending}
          onChange={(e) => save.mutate(e.target.checked)}
        />
        {t('dashboard.games.reminders.muteGame')}
      </label>
      <InlineError error={save.error} />
    </div>
  );
}
