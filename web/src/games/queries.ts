import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { paths } from '../api/schema.d.ts';
import { gamesKey } from './keys.ts';

/**
 * The games pages' queries, all under `['guilds', guildId, 'games', …]` so one invalidation (a
 * live event, a change made here) refreshes every list, calendar and detail of the guild.
 */

type Json<P extends keyof paths, M extends 'get' | 'post' | 'put' | 'patch'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : paths[P][M] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;
type Body<P extends keyof paths, M extends 'post' | 'put' | 'patch'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer T } };
}
  ? T
  : never;

export type GamesPage = Json<'/api/v1/guilds/{guildId}/games', 'get'>;
export type GameSummary = GamesPage['items'][number];
export type Game = Json<'/api/v1/guilds/{guildId}/games/{gameId}', 'get'>;
export type Participant = Game['participants'][number];
export type GameInput = Body<'/api/v1/guilds/{guildId}/games', 'post'>;
export type GamePatch = Body<'/api/v1/guilds/{guildId}/games/{gameId}', 'patch'>;
export type Template = Json<'/api/v1/guilds/{guildId}/games/templates', 'get'>['templates'][number];
export type TemplateInput = Body<'/api/v1/guilds/{guildId}/games/templates', 'post'>;
export type GamesConfig = Json<'/api/v1/guilds/{guildId}/games/config', 'get'>;
export type GamesConfigInput = Body<'/api/v1/guilds/{guildId}/games/config', 'put'>;
export type Channel = Json<'/api/v1/guilds/{guildId}/channels', 'get'>['channels'][number];
export type Member = Json<'/api/v1/guilds/{guildId}/members', 'get'>['members'][number];
export type ListQuery = NonNullable<paths['/api/v1/guilds/{guildId}/games']['get']['parameters']['query']>;

export { gamesKey } from './keys.ts';

/**
 * Live events refresh the games pages at once; this slow poll is the safety net for a lost event
 * or a proxy that buffers the stream.
 */
const POLL_MS = 60_000;

export const gamesListQuery = (guildId: string, filter: Omit<ListQuery, 'cursor'>) =>
  infiniteQueryOptions({
    queryKey: [...gamesKey(guildId), 'list', filter],
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/guilds/{guildId}/games', {
          params: { path: { guildId }, query: { ...filter, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: POLL_MS,
  });

/** Every game in a window (the calendar): pages followed to the end, at most 100 at a time. */
export const gamesRangeQuery = (guildId: string, from: string, to: string) =>
  queryOptions({
    queryKey: [...gamesKey(guildId), 'range', from, to],
    queryFn: async () => {
      const items: GameSummary[] = [];
      let cursor: string | undefined;
      // A calendar month holds few games; the bound keeps a runaway from looping forever.
      for (let page = 0; page < 20; page++) {
        const res = unwrap(
          await api.GET('/api/v1/guilds/{guildId}/games', {
            params: { path: { guildId }, query: { from, to, limit: 100, ...(cursor ? { cursor } : {}) } },
          }),
        );
        items.push(...res.items);
        if (!res.nextCursor) break;
        cursor = res.nextCursor;
      }
      return items;
    },
    refetchInterval: POLL_MS,
  });

export const gameQuery = (guildId: string, gameId: string) =>
  queryOptions({
    queryKey: [...gamesKey(guildId), 'game', gameId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/guilds/{guildId}/games/{gameId}', { params: { path: { guildId, gameId } } }),
      ),
    refetchInterval: POLL_MS,
  });

export const templatesQuery = (guildId: string) =>
  queryOptions({
    queryKey: [...gamesKey(guildId), 'templates'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/guilds/{guildId}/games/templates', { params: { path: { guildId } } }))
        .templates,
  });

export const gamesConfigQuery = (guildId: string) =>
  queryOptions({
    queryKey: [...gamesKey(guildId), 'config'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/guilds/{guildId}/games/config', { params: { path: { guildId } } })),
  });

export const channelsQuery = (guildId: string) =>
  queryOptions({
    queryKey: ['guilds', guildId, 'channels'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/guilds/{guildId}/channels', { params: { path: { guildId } } })).channels,
  });

/** Members by id, for names in participant lists (guilds here are small; 1000 is the API's cap). */
export const membersQuery = (guildId: string) =>
  queryOptions({
    queryKey: ['guilds', guildId, 'members'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/guilds/{guildId}/members', {
          params: { path: { guildId }, query: { limit: 1000 } },
        }),
      ).members,
    staleTime: 60_000,
  });

export type ReminderPreference = Json<
  '/api/v1/guilds/{guildId}/games/reminder-preferences',
  'get'
>['preferences'][number];

export const reminderPreferencesQuery = (guildId: string) =>
  queryOptions({
    queryKey: [...gamesKey(guildId), 'reminder-preferences'],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/guilds/{guildId}/games/reminder-preferences', {
          params: { path: { guildId } },
        }),
      ).preferences,
  });

export const calendarFeedQuery = queryOptions({
  queryKey: ['me', 'calendar-feed'],
  queryFn: async () => unwrap(await api.GET('/api/v1/me/calendar-feed')),
});
