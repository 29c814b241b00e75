import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { guildQuery } from '../api/queries.ts';
import { useT } from '../i18n/i18n.ts';
import { Page } from '../ui/page.tsx';
import { ErrorState, Loading } from '../ui/states.tsx';
import { applyTemplate, draftOfGame, emptyDraft } from './game-draft.ts';
import { GameForm } from './game-form.tsx';
import { gameQuery, gamesConfigQuery, templatesQuery } from './queries.ts';

const newRoute = getRouteApi('/app/guilds/$guildId/games/new');
const editRoute = getRouteApi('/app/guilds/$guildId/games/$gameId/edit');

export type NewGameSearch = { template?: string };

export function validateNewGameSearch(search: Record<string, unknown>): NewGameSearch {
  return typeof search.template === 'string' && /^[\w-]{1,64}$/.test(search.template)
    ? { template: search.template }
    : {};
}

/** Creating a game: in the guild's zone, optionally from a template (`?template=`). */
export function NewGamePage() {
  const { t } = useT();
  const { guildId } = newRoute.useParams();
  const search = newRoute.useSearch();
  const navigate = newRoute.useNavigate();
  const guild = useQuery(guildQuery(guildId));
  const config = useQuery(gamesConfigQuery(guildId));
  const templates = useQuery(templatesQuery(guildId));
  const zone = config.data?.timezone ?? 'UTC';
  const template = templates.data?.find((x) => x.id === search.template);
  const canHost = guild.data ? guild.data.you.admin || guild.data.you.capabilities.includes('host') : true;
  const ready = config.isSuccess && templates.isSuccess;

  return (
    <Page title={t('dashboard.games.form.newTitle')} intro={t('dashboard.games.form.intro', { zone })}>
      {!canHost ? <p className="notice">{t('dashboard.games.form.notHost')}</p> : null}
      {config.isPending || templates.isPending ? <Loading /> : null}
      {config.isError ? <ErrorState error={config.error} retry={() => config.refetch()} /> : null}
      {templates.isError ? <ErrorState error={templates.error} retry={() => templates.refetch()} /> : null}
      {ready ? (
        <GameForm
          // A new template fills the form afresh.
          key={template?.id ?? 'none'}
          guildId={guildId}
          guildZone={zone}
          initial={template ? applyTemplate(emptyDraft(zone), template) : emptyDraft(zone)}
          templates={templates.data}
          template={template}
          onTemplate={(id) => void navigate({ search: id ? { template: id } : {}, replace: true })}
        />
      ) : null}
    </Page>
  );
}

/** Editing a game: only what changed is sent; a template's locked fields stay disabled. */
export function EditGamePage() {
  const { t } = useT();
  const { guildId, gameId } = editRoute.useParams();
  const game = useQuery(gameQuery(guildId, gameId));
  const config = useQuery(gamesConfigQuery(guildId));
  const templates = useQuery(templatesQuery(guildId));
  const zone = config.data?.timezone ?? 'UTC';
  const templateId = game.data?.templateId;
  const template = templates.data?.find((x) => x.id === templateId);
  return (
    <Page
      title={
        game.data
          ? t('dashboard.games.form.editTitle', { title: game.data.title })
          : t('dashboard.games.detail.edit')
      }
      intro={t('dashboard.games.form.intro', { zone })}
    >
      {game.isPending || config.isPending ? <Loading /> : null}
      {game.isError ? <ErrorState error={game.error} retry={() => game.refetch()} /> : null}
      {config.isError ? <ErrorState error={config.error} retry={() => config.refetch()} /> : null}
      {game.data && config.data ? (
        <GameForm
          key={game.data.id}
          guildId={guildId}
          guildZone={zone}
          initial={draftOfGame(game.data)}
          game={game.data}
          template={template}
        />
      ) : null}
    </Page>
  );
}
