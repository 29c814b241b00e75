import { Type } from 'typebox';
import type { AccessPolicy } from '#modules/core/access.ts';
import type { Database } from '#platform/db/database.ts';
import { principalOf } from '#platform/http/auth.ts';
import { GuildParams, problems } from '#platform/http/schemas.ts';
import type { HttpApp } from '#platform/http/types.ts';
import { createLiveFeed, type LiveFeedOptions } from '#platform/live/feed.ts';
import { liveStreams, type SseOptions } from '#platform/live/sse.ts';
import type { Logger } from '#platform/log/logger.ts';

/** The live feed topic of this module (see migration 0002: triggers on games and participants). */
export const GAMES_TOPIC = 'games';

export type GamesLiveDeps = {
  readonly db: Database;
  readonly log: Logger;
  readonly access: AccessPolicy;
  /** Tests shorten the poll interval and heartbeat. */
  readonly feed?: Omit<LiveFeedOptions, 'db' | 'log'>;
  readonly sse?: SseOptions;
};

const EventsQuery = Type.Object(
  {
    lastEventId: Type.Optional(
      Type.String({
        maxLength: 64,
        description:
          'Resume after this event id (for a first connection; reconnecting browsers send the Last-Event-ID header instead)',
      }),
    ),
  },
  { additionalProperties: false },
);

const STREAM_DESCRIPTION = `A text/event-stream of changes to the guild's games, for refetching what changed.

- \`change\`: \`{"gameId": "…", "kind": "game.insert|game.update|game.delete|participant.insert|participant.update|participant.delete", "occurredAt": "…"}\`
- \`reset\`: \`{"reason": "…"}\` — changes were missed beyond replay: refetch everything.
- \`ready\`: sent once the replay after \`Last-Event-ID\` is done.
- comment lines (\`: keepalive\`) every 15 s.
- the stream ends after about 10 minutes; the browser reconnects (authorized again) and misses nothing.
- at most 20 streams per user at once (429 \`LIVE_STREAMS_LIMIT\`).

Every \`change\`, \`reset\` and \`ready\` carries an \`id\`; a reconnecting EventSource sends the last one as \`Last-Event-ID\` and receives what it missed.`;

/**
 * `GET /api/v1/guilds/{guildId}/games/events`: server-sent events for the dashboard. Members of
 * the guild only (404 otherwise, as every guild route); a token needs `games:read`.
 */
export function gamesLiveRoutes(deps: GamesLiveDeps) {
  return (app: HttpApp) => {
    const feed = createLiveFeed({ db: deps.db, log: deps.log, ...deps.feed });
    app.addHook('onClose', async () => feed.close());
    const streams = liveStreams(app, feed, deps.sse);
    app.get(
      '/api/v1/guilds/:guildId/games/events',
      {
        config: { access: { scope: 'games:read' } },
        schema: {
          tags: ['games'],
          summary: 'Live changes of the guild’s games (server-sent events)',
          description: STREAM_DESCRIPTION,
          params: GuildParams,
          querystring: EventsQuery,
          response: {
            200: {
              description: 'An event stream (never ends by itself)',
              content: { 'text/event-stream': { schema: Type.String() } },
            },
            ...problems(400, 401, 403, 404, 429),
          },
        },
      },
      async (request, reply) => {
        const { guildId } = request.params;
        const principal = principalOf(request);
        await deps.access.requireMember(principal, guildId);
        await streams.stream(request, reply, {
          guildId,
          owner: principal.userId,
          topic: GAMES_TOPIC,
          data: (c) => ({ gameId: c.entityId, kind: c.kind, occurredAt: c.occurredAt }),
        });
      },
    );
  };
}
