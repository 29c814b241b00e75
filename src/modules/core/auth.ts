import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { isDiscordError } from '#platform/discord/errors.ts';
import type { DiscordBots } from '#platform/discord/identities.ts';
import { authorizeUrl, type OAuthClient, OAuthExchangeError, pkcePair } from '#platform/discord/oauth.ts';
import { forbidden, UserError, unauthorized } from '#platform/errors.ts';
import type { Authenticator } from '#platform/http/auth.ts';
import { sendProblem } from '#platform/http/problem.ts';
import { problems, Snowflake, Timestamp } from '#platform/http/schemas.ts';
import type { HttpApp } from '#platform/http/types.ts';
import { acceptLanguages, type I18n } from '#platform/i18n/i18n.ts';
import type { Logger } from '#platform/log/logger.ts';
import { DEMO_USERS } from './demo.ts';
import type { Directory } from './directory.ts';
import type { SessionRecord, SessionService } from './sessions.ts';

export const SESSION_COOKIE = 'guildhall_session';
const STATE_COOKIE = 'guildhall_oauth_state';
const OAUTH_PATH = '/api/v1/auth/discord';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type AuthDeps = {
  readonly sessions: SessionService;
  readonly directory: Directory;
  readonly bots: DiscordBots;
  readonly i18n: I18n;
  readonly log: Logger;
  /** Undefined when DISCORD_CLIENT_ID / DISCORD_CLIENT_SECRET are not set. */
  readonly oauth: OAuthClient | undefined;
  readonly oauthConfig: Parameters<typeof authorizeUrl>[0] | undefined;
  readonly publicUrl: string;
  /** The demo sign-in: no Discord credentials at all, and bound to loopback only. */
  readonly demoEnabled: boolean;
  /** Bound to loopback: a dashboard dev server on another local port may call the API. */
  readonly loopback: boolean;
};

const secureCookies = (publicUrl: string) => publicUrl.startsWith('https:');

function t(deps: AuthDeps, request: FastifyRequest) {
  return deps.i18n.forLocale(deps.i18n.resolve(...acceptLanguages(request.headers['accept-language'])));
}

function sameToken(a: string | undefined, b: string): boolean {
  if (!a || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * The session authenticator (cookie `guildhall_session`), with CSRF protection for changes.
 *
 * CSRF: a cookie rides along on cross-site requests, so every unsafe method (POST, PUT, PATCH,
 * DELETE) authenticated by the cookie must carry `X-CSRF-Token` equal to the session's own token
 * (a synchronizer token, stored with the session and handed to the dashboard by
 * `GET /api/v1/auth/session`; another site can neither read it nor set it, unlike a plain
 * double-submit cookie an attacker on a sibling subdomain could overwrite). When the browser sends
 * an `Origin`, it must also be this site's (PUBLIC_URL), except on a loopback binding where a
 * dashboard dev server on another local port is expected. API tokens are not ambient credentials
 * and need neither.
 */
export function sessionAuthenticator(deps: AuthDeps): Authenticator {
  const ownOrigin = new URL(deps.publicUrl).origin;
  return async (request) => {
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token) return undefined;
    const session = await deps.sessions.verify(token).catch((error) => {
      if (error instanceof UserError && error.status === 401) {
        const key =
          error.code === 'SESSION_EXPIRED' ? 'auth.errors.sessionExpired' : 'auth.errors.sessionInvalid';
        throw unauthorized(t(deps, request)(key), error.code);
      }
      throw error;
    });
    if (UNSAFE.has(request.method)) checkCsrf(deps, request, session, ownOrigin);
    return {
      userId: session.userId,
      via: 'session',
      scopes: 'all',
      guildId: undefined,
      sessionId: session.id,
    };
  };
}

function checkCsrf(deps: AuthDeps, request: FastifyRequest, session: SessionRecord, ownOrigin: string) {
  const header = request.headers['x-csrf-token'];
  const given = Array.isArray(header) ? header[0] : header;
  const origin = request.headers.origin;
  const originOk = !origin || origin === ownOrigin || (deps.loopback && isLoopbackOrigin(origin));
  if (!sameToken(given, session.csrfToken) || !originOk)
    throw forbidden(t(deps, request)('auth.errors.csrf'), 'CSRF_TOKEN_INVALID');
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    const host = new URL(origin).hostname;
    return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

function setSessionCookie(deps: AuthDeps, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    secure: secureCookies(deps.publicUrl),
    sameSite: 'lax',
    maxAge: Math.floor(deps.sessions.options.maxAgeMs / 1000),
  });
}

function clearSessionCookie(deps: AuthDeps, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    secure: secureCookies(deps.publicUrl),
    sameSite: 'lax',
  });
}

/** A path on this site to return to after signing in; anything else (other sites, `//x`) becomes `/`. */
function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[\w\-./?=&%#~]*$/.test(value) && value.length < 500
    ? value
    : '/';
}

const SessionView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  via: Type.String(),
  current: Type.Boolean(),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
  expiresAt: Timestamp,
});

const view = (s: SessionRecord, currentId: string | undefined) => ({
  id: s.id,
  via: s.via,
  current: s.id === currentId,
  userAgent: s.userAgent,
  ip: s.ip,
  createdAt: s.createdAt.toISOString(),
  lastSeenAt: s.lastSeenAt.toISOString(),
  expiresAt: s.expiresAt.toISOString(),
});

const DemoUserView = Type.Object({
  id: Snowflake,
  username: Type.String(),
  globalName: Type.String(),
  role: Type.String(),
});

/** Sign-in (Discord OAuth2 and the loopback demo), the session itself, listing and revoking sessions, sign-out. */
export function authRoutes(deps: AuthDeps) {
  return (app: HttpApp) => {
    const publicRoute = { access: { public: true } };

    app.get(
      `${OAUTH_PATH}/login`,
      {
        config: publicRoute,
        schema: {
          tags: ['auth'],
          summary: 'Start signing in with Discord (redirects to Discord)',
          querystring: Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: 500 })) }),
          response: { ...problems(503) },
        },
      },
      async (request, reply) => {
        if (!deps.oauth || !deps.oauthConfig)
          return sendProblem(
            request,
            reply,
            503,
            'OAUTH_NOT_CONFIGURED',
            t(deps, request)('auth.errors.notConfigured'),
          );
        const state = randomBytes(24).toString('base64url');
        const { verifier, challenge } = pkcePair();
        await deps.sessions.saveOAuthState(state, verifier, safeReturnTo(request.query.returnTo));
        // Binds the flow to this browser: a callback with someone else's state is refused.
        reply.setCookie(STATE_COOKIE, state, {
          path: OAUTH_PATH,
          httpOnly: true,
          secure: secureCookies(deps.publicUrl),
          sameSite: 'lax',
          maxAge: 600,
        });
        return reply.redirect(authorizeUrl(deps.oauthConfig, state, challenge), 302);
      },
    );

    app.get(
      `${OAUTH_PATH}/callback`,
      {
        config: publicRoute,
        schema: {
          tags: ['auth'],
          summary: 'Where Discord sends the browser back after consent',
          querystring: Type.Object({
            code: Type.Optional(Type.String({ maxLength: 200 })),
            state: Type.Optional(Type.String({ maxLength: 200 })),
            error: Type.Optional(Type.String({ maxLength: 200 })),
            error_description: Type.Optional(Type.String({ maxLength: 500 })),
          }),
          response: { ...problems(400, 403, 502, 503) },
        },
      },
      async (request, reply) => {
        const tr = t(deps, request);
        const fail = (status: number, code: string, detail: string) => {
          reply.clearCookie(STATE_COOKIE, { path: OAUTH_PATH });
          request.log.info({ code }, 'sign-in refused');
          if (String(request.headers.accept ?? '').includes('text/html'))
            return failurePage(reply, status, code, detail, tr);
          return sendProblem(request, reply, status, code, detail);
        };
        if (!deps.oauth || !deps.oauthConfig)
          return fail(503, 'OAUTH_NOT_CONFIGURED', tr('auth.errors.notConfigured'));
        const { code, state, error } = request.query;
        const cookieState = request.cookies[STATE_COOKIE];
        if (state && cookieState === state && error) await deps.sessions.takeOAuthState(state);
        if (error === 'access_denied') return fail(403, 'OAUTH_DENIED', tr('auth.errors.denied'));
        if (error) return fail(400, 'OAUTH_ERROR', tr('auth.errors.discordError', { error }));
        if (!state || !cookieState || !sameToken(state, cookieState) || !code)
          return fail(400, 'OAUTH_STATE_MISMATCH', tr('auth.errors.stateMismatch'));
        const saved = await deps.sessions.takeOAuthState(state);
        if (!saved) return fail(400, 'OAUTH_STATE_MISMATCH', tr('auth.errors.stateMismatch'));

        let user: Awaited<ReturnType<OAuthClient['user']>>;
        let shared: string[];
        try {
          const { accessToken } = await deps.oauth.exchange(code, saved.verifier);
          const [u, theirs] = await Promise.all([
            deps.oauth.user(accessToken),
            deps.oauth.guilds(accessToken),
          ]);
          user = u;
          const botGuilds = new Set<string>();
          for (const bot of deps.bots.all)
            for (const g of await bot.discord.getCurrentGuilds()) botGuilds.add(g.id);
          shared = theirs.map((g) => g.id).filter((id) => botGuilds.has(id));
        } catch (err) {
          if (err instanceof OAuthExchangeError)
            return fail(400, 'OAUTH_EXCHANGE_FAILED', tr('auth.errors.exchangeFailed'));
          if (isDiscordError(err)) {
            request.log.warn({ err }, 'Discord failed during sign-in');
            return fail(502, 'OAUTH_DISCORD_UNAVAILABLE', tr('auth.errors.discordUnavailable'));
          }
          throw err;
        }
        if (shared.length === 0) return fail(403, 'OAUTH_NO_SHARED_GUILD', tr('auth.errors.noSharedGuild'));

        await deps.directory.upsertUser({
          id: user.id,
          username: user.username,
          globalName: user.global_name,
          avatar: user.avatar,
          locale: user.locale ?? null,
        });
        await syncSharedGuilds(deps, user.id, shared);
        const { token } = await deps.sessions.create({
          userId: user.id,
          via: 'discord',
          oauthGuildIds: shared,
          userAgent: request.headers['user-agent'],
          ip: request.ip,
          replaces: request.cookies[SESSION_COOKIE],
        });
        reply.clearCookie(STATE_COOKIE, { path: OAUTH_PATH });
        setSessionCookie(deps, reply, token);
        // Ended sessions are kept a day for "signed out elsewhere" answers, then removed.
        deps.sessions.prune().catch((err) => request.log.warn({ err }, 'pruning sessions failed'));
        return reply.redirect(saved.returnTo, 302);
      },
    );

    app.get(
      '/api/v1/auth/demo',
      {
        config: publicRoute,
        schema: {
          tags: ['auth'],
          summary: 'Demo users to sign in as (loopback without Discord credentials only)',
          response: { 200: Type.Object({ users: Type.Array(DemoUserView) }), ...problems(403) },
        },
      },
      async (request) => {
        if (!deps.demoEnabled)
          throw forbidden(t(deps, request)('auth.errors.demoRefused'), 'DEMO_SIGN_IN_REFUSED');
        return {
          users: DEMO_USERS.map(({ id, username, globalName, role }) => ({ id, username, globalName, role })),
        };
      },
    );

    app.post(
      '/api/v1/auth/demo',
      {
        config: publicRoute,
        schema: {
          tags: ['auth'],
          summary: 'Sign in as a demo user (loopback without Discord credentials only)',
          body: Type.Object({ userId: Snowflake }, { additionalProperties: false }),
          response: {
            200: Type.Object({ userId: Snowflake, csrfToken: Type.String(), expiresAt: Timestamp }),
            ...problems(400, 403, 422),
          },
        },
      },
      async (request, reply) => {
        const tr = t(deps, request);
        // Refused outright on any other binding or with credentials: nobody else may become Ada.
        if (!deps.demoEnabled) throw forbidden(tr('auth.errors.demoRefused'), 'DEMO_SIGN_IN_REFUSED');
        const { userId } = request.body;
        if (!DEMO_USERS.some((u) => u.id === userId))
          throw new UserError(
            'DEMO_USER_UNKNOWN',
            tr('auth.errors.demoUnknownUser', { userId, choices: DEMO_USERS.map((u) => u.id).join(', ') }),
            { status: 422, fields: [{ pointer: '/body/userId', detail: 'is not a demo user' }] },
          );
        const { token, session } = await deps.sessions.create({
          userId,
          via: 'demo',
          userAgent: request.headers['user-agent'],
          ip: request.ip,
          replaces: request.cookies[SESSION_COOKIE],
        });
        setSessionCookie(deps, reply, token);
        return { userId, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
      },
    );

    app.get(
      '/api/v1/auth/session',
      {
        schema: {
          tags: ['auth'],
          summary: 'The current session and its CSRF token (send it as X-CSRF-Token with every change)',
          response: {
            200: Type.Object({ session: SessionView, csrfToken: Type.String() }),
            ...problems(401, 404),
          },
        },
      },
      async (request) => {
        const token = request.cookies[SESSION_COOKIE];
        if (!request.principal?.sessionId || !token)
          throw new UserError(
            'NOT_A_SESSION',
            'This request is authenticated by an API token, not a session.',
            {
              status: 404,
            },
          );
        const session = await deps.sessions.verify(token);
        return { session: view(session, session.id), csrfToken: session.csrfToken };
      },
    );

    app.get(
      '/api/v1/auth/sessions',
      {
        schema: {
          tags: ['auth'],
          summary: "The signed-in user's live sessions",
          response: { 200: Type.Object({ sessions: Type.Array(SessionView) }), ...problems(401) },
        },
      },
      async (request) => {
        const principal = request.principal;
        if (!principal) throw unauthorized();
        const list = await deps.sessions.list(principal.userId);
        return { sessions: list.map((s) => view(s, principal.sessionId)) };
      },
    );

    app.delete(
      '/api/v1/auth/sessions/:sessionId',
      {
        schema: {
          tags: ['auth'],
          summary: 'Revoke one of your sessions (sign out elsewhere)',
          params: Type.Object(
            { sessionId: Type.String({ format: 'uuid' }) },
            { additionalProperties: false },
          ),
          response: { 204: Type.Null(), ...problems(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const principal = request.principal;
        if (!principal) throw unauthorized();
        try {
          await deps.sessions.revoke(request.params.sessionId, principal.userId);
        } catch (error) {
          if (error instanceof UserError && error.code === 'SESSION_NOT_FOUND')
            throw new UserError('SESSION_NOT_FOUND', t(deps, request)('auth.errors.sessionNotFound'), {
              status: 404,
            });
          throw error;
        }
        if (request.params.sessionId === principal.sessionId) clearSessionCookie(deps, reply);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/v1/auth/logout',
      {
        schema: {
          tags: ['auth'],
          summary: 'Sign out: revoke this session and clear its cookie',
          response: { 204: Type.Null(), ...problems(401, 403) },
        },
      },
      async (request, reply) => {
        const principal = request.principal;
        if (principal?.sessionId)
          await deps.sessions.revoke(principal.sessionId, principal.userId).catch(() => {});
        clearSessionCookie(deps, reply);
        return reply.code(204).send(null);
      },
    );
  };
}

/**
 * After an OAuth sign-in, writes what the bot knows about the shared guilds into the directory:
 * without a gateway nothing else would, and the access policy and the guild picker read it.
 */
async function syncSharedGuilds(deps: AuthDeps, userId: string, guildIds: readonly string[]) {
  for (const guildId of guildIds) {
    // The first identity that is in the guild answers (with several bots, not all may be).
    const bots = await Promise.all(
      deps.bots.all.map(async (b) =>
        (await b.discord.getCurrentGuilds()).some((g) => g.id === guildId) ? b : undefined,
      ),
    );
    const bot = bots.find((b) => b !== undefined);
    if (!bot) continue;
    try {
      const [guild, roles, member] = await Promise.all([
        bot.discord.getGuild(guildId),
        bot.discord.getRoles(guildId),
        bot.discord.getMember(guildId, userId),
      ]);
      await deps.directory.syncGuild(
        { id: guild.id, name: guild.name, icon: guild.icon, ownerId: guild.ownerId },
        roles.map((r) => ({
          id: r.id,
          name: r.name,
          permissions: r.permissions,
          position: r.position,
          color: r.color,
        })),
        member ? [{ userId, nickname: member.nickname, roleIds: member.roleIds }] : [],
      );
    } catch (error) {
      deps.log.warn({ err: error, guildId }, 'could not sync a guild at sign-in');
    }
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A plain page for people: the browser arrives here from Discord, not from the dashboard's code. */
function failurePage(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  tr: (key: string) => string,
) {
  const html = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(tr('auth.page.title'))}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color-scheme:light dark}code{opacity:.7}</style></head>
<body><h1>${escapeHtml(tr('auth.page.title'))}</h1><p>${escapeHtml(detail)}</p><p><code>${escapeHtml(code)}</code></p>
<p><a href="${OAUTH_PATH}/login">${escapeHtml(tr('auth.page.retry'))}</a> · <a href="/">${escapeHtml(tr('auth.page.back'))}</a></p></body></html>`;
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}
