import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DiscordBots } from '#platform/discord/identities.ts';
import type { authorizeUrl, OAuthClient } from '#platform/discord/oauth.ts';
import { forbidden, UserError, unauthorized } from '#platform/errors.ts';
import type { Authenticator } from '#platform/http/auth.ts';
import type { HttpApp } from '#platform/http/types.ts';
import { acceptLanguages, type I18n } from '#platform/i18n/i18n.ts';
import type { Logger } from '#platform/log/logger.ts';
import type { Directory } from './directory.ts';
import { oauthRoutes } from './oauth-routes.ts';
import { sessionRoutes } from './session-routes.ts';
import type { SessionRecord, SessionService } from './sessions.ts';

export const SESSION_COOKIE = 'guildhall_session';
export const STATE_COOKIE = 'guildhall_oauth_state';
export const OAUTH_PATH = '/api/v1/auth/discord';
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

export const secureCookies = (publicUrl: string) => publicUrl.startsWith('https:');

export function translatorFor(deps: AuthDeps, request: FastifyRequest) {
  return deps.i18n.forLocale(deps.i18n.resolve(...acceptLanguages(request.headers['accept-language'])));
}

export function sameToken(a: string | undefined, b: string): boolean {
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
        throw unauthorized(translatorFor(deps, request)(key), error.code);
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
    throw forbidden(translatorFor(deps, request)('auth.errors.csrf'), 'CSRF_TOKEN_INVALID');
}

function isLoopbackOrigin(origin: string): boolean {
  try {
    const host = new URL(origin).hostname;
    return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

export function setSessionCookie(deps: AuthDeps, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    secure: secureCookies(deps.publicUrl),
    sameSite: 'lax',
    maxAge: Math.floor(deps.sessions.options.maxAgeMs / 1000),
  });
}

export function clearSessionCookie(deps: AuthDeps, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    secure: secureCookies(deps.publicUrl),
    sameSite: 'lax',
  });
}

/** A path on this site to return to after signing in; anything else (other sites, `//x`) becomes `/`. */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[\w\-./?=&%#~]*$/.test(value) && value.length < 500
    ? value
    : '/';
}

/** Sign-in (Discord OAuth2 and the loopback demo), the session itself, listing and revoking sessions, sign-out. */
export function authRoutes(deps: AuthDeps) {
  return (app: HttpApp) => {
    oauthRoutes(deps)(app);
    sessionRoutes(deps)(app);
  };
}
