import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AccessPolicy } from '#modules/core/access.ts';
import type { Database } from '#platform/db/database.ts';
import { forbidden, notFound } from '#platform/errors.ts';
import { principalOf } from '#platform/http/auth.ts';
import { problems, Snowflake, Timestamp } from '#platform/http/schemas.ts';
import type { HttpApp } from '#platform/http/types.ts';
import { acceptLanguages, type I18n } from '#platform/i18n/i18n.ts';
import { GamesError } from '../errors.ts';
import { toIcs } from '../time/ics.ts';
import { type CalendarFeed, createCalendarFeeds } from './feeds.ts';
import { CALENDAR_MESSAGES } from './messages.ts';
import { gameForIcs, gamesOfUser, localeOfUser } from './queries.ts';

export type GamesCalendarDeps = {
  readonly db: Database;
  readonly access: AccessPolicy;
  /** PUBLIC_URL: links in events, event UIDs and the feed URL handed out. */
  readonly publicUrl: string;
  /** Calendar texts in the feed owner's language (or the request's, for one game); English without. */
  readonly i18n?: I18n;
};

const Uuid = Type.String({ format: 'uuid' });
const Ics = {
  description: 'iCalendar (RFC 5545)',
  content: { 'text/calendar': { schema: Type.String() } },
};
const FeedSchema = Type.Object({
  prefix: Type.String({ description: 'The first characters of the token, to tell URLs apart' }),
  createdAt: Timestamp,
  lastUsedAt: Type.Union([Timestamp, Type.Null()], { description: 'Last fetched (hourly resolution)' }),
});
const CreatedFeedSchema = Type.Object({
  ...FeedSchema.properties,
  token: Type.String({ description: 'Shown this once; only its hash is stored' }),
  url: Type.String({ description: 'The address to subscribe to in a calendar app' }),
});

/**
 * Sends an iCalendar body with an ETag (its hash), answering a matching If-None-Match with 304,
 * so calendar apps polling every few minutes mostly get an empty answer.
 */
function sendIcs(
  request: FastifyRequest,
  reply: FastifyReply,
  body: string,
  cacheControl: string,
  filename: string,
) {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  reply
    .header('etag', etag)
    .header('cache-control', cacheControl)
    .header('content-disposition', `inline; filename="${filename}"`);
  const match = request.headers['if-none-match'];
  if (typeof match === 'string' && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag))
    return reply.code(304).send();
  return reply.type('text/calendar; charset=utf-8').send(body);
}

const notAFeed = () => notFound('Calendar feed', 'CALENDAR_FEED_NOT_FOUND');

/**
 * Calendars: one game as an .ics download (members of its guild), and per-user feed tokens for
 * a calendar app to subscribe to every game the user signed up for, across guilds, without
 * signing in (`/api/v1/calendar/{token}.ics`; revocable, rotated by creating a new one).
 */
export function gamesCalendarRoutes(deps: GamesCalendarDeps) {
  const feeds = createCalendarFeeds(deps.db);
  const host = new URL(deps.publicUrl).host;
  const feedUrl = (token: string) => `${deps.publicUrl}/api/v1/calendar/${token}.ics`;
  const { i18n } = deps;
  i18n?.extend(CALENDAR_MESSAGES);
  const texts = (locales: readonly (string | null | undefined)[]) => {
    if (!i18n) return { feedName: 'Guildhall games', cancelled: undefined };
    const t = i18n.forLocale(i18n.resolve(...locales));
    return {
      feedName: t('games.calendar.feedName'),
      cancelled: (title: string) => t('games.calendar.cancelled', { title }),
    };
  };
  const icsTexts = (cancelled: ((title: string) => string) | undefined) => (cancelled ? { cancelled } : {});

  return (app: HttpApp) => {
    app.get(
      '/api/v1/guilds/:guildId/games/:gameId.ics',
      {
        config: { access: { scope: 'games:read' } },
        schema: {
          tags: ['games'],
          summary: 'A game as an iCalendar file',
          params: Type.Object({ guildId: Snowflake, gameId: Uuid }, { additionalProperties: false }),
          response: {
            200: Ics,
            304: { description: 'Not modified', type: 'null' },
            ...problems(400, 401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const { guildId, gameId } = request.params;
        await deps.access.requireMember(principalOf(request), guildId);
        const game = await deps.db.withGuild(guildId, (tx) => gameForIcs(tx, gameId, deps.publicUrl));
        if (!game) throw new GamesError('GAME_NOT_FOUND', 'That game was not found.');
        const { cancelled } = texts(acceptLanguages(request.headers['accept-language']));
        return sendIcs(
          request,
          reply,
          toIcs(game.title, [game], host, icsTexts(cancelled)),
          'private, no-cache',
          `game-${gameId}.ics`,
        );
      },
    );

    app.get(
      '/api/v1/calendar/:token.ics',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['me'],
          summary: 'A personal calendar feed: every game its owner signed up for, across guilds',
          description:
            'No sign-in: the token in the path is the credential (create it at /api/v1/me/calendar-feed). Cancelled games stay in the feed with STATUS:CANCELLED, waitlisted ones are TENTATIVE. An unknown or revoked token is 404.',
          params: Type.Object({ token: Type.String({ maxLength: 100 }) }, { additionalProperties: false }),
          response: { 200: Ics, 304: { description: 'Not modified', type: 'null' }, ...problems(404) },
        },
      },
      async (request, reply) => {
        const userId = await feeds.resolve(request.params.token);
        if (!userId) throw notAFeed();
        const { games, locale } = await deps.db.withSystem(async (tx) => ({
          games: await gamesOfUser(tx, userId, deps.publicUrl),
          locale: await localeOfUser(tx, userId),
        }));
        const { feedName, cancelled } = texts([locale]);
        // Shared caches must not keep it (the URL is a secret); the app may for five minutes.
        return sendIcs(
          request,
          reply,
          toIcs(feedName, games, host, icsTexts(cancelled)),
          'private, max-age=300',
          'guildhall-games.ics',
        );
      },
    );

    const refuseGuildTokens = (request: FastifyRequest) => {
      if (principalOf(request).guildId)
        throw forbidden(
          'A token limited to one guild cannot manage a calendar feed, which spans every guild.',
          'CALENDAR_FEED_GUILD_TOKEN',
        );
    };

    app.get(
      '/api/v1/me/calendar-feed',
      {
        config: { access: { scope: 'games:read' } },
        schema: {
          tags: ['me'],
          summary: 'Your calendar feed token (without the secret), or null',
          response: {
            200: Type.Object({ feed: Type.Union([FeedSchema, Type.Null()]) }),
            ...problems(401, 403),
          },
        },
      },
      async (request) => {
        refuseGuildTokens(request);
        return { feed: await feeds.show(principalOf(request).userId) };
      },
    );

    app.post(
      '/api/v1/me/calendar-feed',
      {
        config: { access: { scope: 'games:write' } },
        schema: {
          tags: ['me'],
          summary: 'Create your calendar feed token, replacing (rotating) any earlier one',
          response: { 201: CreatedFeedSchema, ...problems(401, 403) },
        },
      },
      async (request, reply) => {
        refuseGuildTokens(request);
        const { token, feed } = await feeds.create(principalOf(request).userId);
        const created: CalendarFeed & { token: string; url: string } = {
          ...feed,
          token,
          url: feedUrl(token),
        };
        return reply.code(201).header('cache-control', 'no-store').send(created);
      },
    );

    app.delete(
      '/api/v1/me/calendar-feed',
      {
        config: { access: { scope: 'games:write' } },
        schema: {
          tags: ['me'],
          summary: 'Revoke your calendar feed token (its URL stops working)',
          response: {
            204: { description: 'Revoked (or there was none)', type: 'null' },
            ...problems(401, 403),
          },
        },
      },
      async (request, reply) => {
        refuseGuildTokens(request);
        await feeds.revoke(principalOf(request).userId);
        return reply.code(204).send(null);
      },
    );
  };
}
