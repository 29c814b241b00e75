import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { isDiscordError } from '#platform/discord/errors.ts';
import { authorizeUrl, type OAuthClient, OAuthExchangeError, pkcePair } from '#platform/discord/oauth.ts';
import { sendProblem } from '#platform/http/problem.ts';
import { problems } from '#platform/http/schemas.ts';
import type { HttpApp } from '#platform/http/types.ts';
import {
  type AuthDeps,
  OAUTH_PATH,
  SESSION_COOKIE,
  STATE_COOKIE,
  safeReturnTo,
  sameToken,
  secureCookies,
  setSessionCookie,
  translatorFor,
} from './auth.ts';

/** Discord OAuth2: the redirect to Discord and the callback that starts a session. */
export function oauthRoutes(deps: AuthDeps) {
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
            translatorFor(deps, request)('auth.errors.notConfigured'),
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
        const tr = translatorFor(deps, request);
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
