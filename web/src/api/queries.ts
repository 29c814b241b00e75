import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from './client.ts';
import type { paths } from './schema.d.ts';

/**
 * Every query the dashboard makes, keyed so that a change invalidates what it touches:
 * `['me']`, `['auth', …]`, `['guilds', id, …]`, `['sandbox', actAs, …]`.
 */

type Json<P extends keyof paths, M extends 'get'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type Me = Json<'/api/v1/me', 'get'>;
export type Guild = Json<'/api/v1/guilds/{guildId}', 'get'>;
export type Settings = Json<'/api/v1/guilds/{guildId}/settings', 'get'>;
export type Role = Json<'/api/v1/guilds/{guildId}/roles', 'get'>['roles'][number];
export type Session = Json<'/api/v1/auth/sessions', 'get'>['sessions'][number];
export type DemoUser = Json<'/api/v1/auth/demo', 'get'>['users'][number];
export type SandboxWorld = Json<'/api/v1/sandbox/channels', 'get'>;
export type SandboxChannel = SandboxWorld['channels'][number];
export type SandboxMessage = Json<'/api/v1/sandbox/messages', 'get'>['messages'][number];
export type SandboxCommand = Json<'/api/v1/sandbox/commands', 'get'>['commands'][number];

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async () => unwrap(await api.GET('/api/v1/me')),
});

/** Whether this browser is signed in, and how one can sign in here (never a 401). */
export const authStatusQuery = queryOptions({
  queryKey: ['auth', 'status'],
  queryFn: async () => unwrap(await api.GET('/api/v1/auth/status')),
});

export const demoUsersQuery = queryOptions({
  queryKey: ['auth', 'demo'],
  queryFn: async () => unwrap(await api.GET('/api/v1/auth/demo')).users,
  staleTime: Number.POSITIVE_INFINITY,
});

export const sessionsQuery = queryOptions({
  queryKey: ['auth', 'sessions'],
  queryFn: async () => unwrap(await api.GET('/api/v1/auth/sessions')).sessions,
});

export const guildQuery = (guildId: string) =>
  queryOptions({
    queryKey: ['guilds', guildId],
    queryFn: async () => unwrap(await api.GET('/api/v1/guilds/{guildId}', { params: { path: { guildId } } })),
  });

export const settingsQuery = (guildId: string) =>
  queryOptions({
    queryKey: ['guilds', guildId, 'settings'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/guilds/{guildId}/settings', { params: { path: { guildId } } })),
  });

export const rolesQuery = (guildId: string) =>
  queryOptions({
    queryKey: ['guilds', guildId, 'roles'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/guilds/{guildId}/roles', { params: { path: { guildId } } })).roles,
  });

export const modulesQuery = queryOptions({
  queryKey: ['modules'],
  queryFn: async () => unwrap(await api.GET('/api/v1/modules')).modules,
  staleTime: Number.POSITIVE_INFINITY,
});

/** How often the sandbox asks for new messages while it is visible. */
export const SANDBOX_POLL_MS = 2000;

export const sandboxWorldQuery = (actAs: string) =>
  queryOptions({
    queryKey: ['sandbox', actAs, 'world'],
    queryFn: async () => unwrap(await api.GET('/api/v1/sandbox/channels', { params: { query: { actAs } } })),
    refetchInterval: 15_000,
  });

const PAGE = 50;

export const sandboxMessagesQuery = (actAs: string, channelId: string | undefined) =>
  infiniteQueryOptions({
    queryKey: ['sandbox', actAs, 'messages', channelId ?? 'all'],
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/sandbox/messages', {
          params: {
            query: {
              actAs,
              limit: PAGE,
              ...(channelId ? { channelId } : {}),
              ...(pageParam ? { before: pageParam } : {}),
            },
          },
        }),
      ).messages,
    initialPageParam: undefined as string | undefined,
    // Newest first: the next page is what came before the oldest message of this one.
    getNextPageParam: (last) => (last.length < PAGE ? undefined : last[last.length - 1]?.id),
    refetchInterval: SANDBOX_POLL_MS,
  });

export const sandboxCommandsQuery = queryOptions({
  queryKey: ['sandbox', 'commands'],
  queryFn: async () => unwrap(await api.GET('/api/v1/sandbox/commands')).commands,
});
