import { Type } from 'typebox';
import { forbidden, UserError, unauthorized } from '#platform/errors.ts';
import { problems, Snowflake, Timestamp } from '#platform/http/schemas.ts';
import type { HttpApp } from '#platform/http/types.ts';
import {
  type AuthDeps,
  clearSessionCookie,
  SESSION_COOKIE,
  setSessionCookie,
  translatorFor,
} from './auth.ts';
import { DEMO_USERS } from './demo.ts';
import type { SessionRecord } from './sessions.ts';

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

/** Which ways to sign in, the demo sign-in, the current session, listing and revoking sessions, signing out. */
export function sessionRoutes(deps: AuthDeps) {
  return (app: HttpApp) => {
    const publicRoute = { access: { public: true } };

    app.get(
      '/api/v1/auth/status',
      {
        config: publicRoute,
        schema: {
          tags: ['auth'],
          summary: 'How one can sign in here, and whether this request is signed in (never 401)',
          response: {
            200: Type.Object({
              signedIn: Type.Boolean({ description: 'The session cookie belongs to a live session' }),
              discord: Type.Boolean({ description: 'GET /api/v1/auth/discord/login starts a sign-in' }),
              demo: Type.Boolean({
                description: 'The loopback demo sign-in and the Discord sandbox (/api/v1/sandbox/*) exist',
              }),
            }),
          },
        },
      },
      // A dashboard decides between its sign-in page and its pages with this, rather than
      // provoking a 401 (which browsers log as an error) from every first visit.
      async (request) => {
        const token = request.cookies[SESSION_COOKIE];
        const signedIn = token
          ? await deps.sessions.verify(token).then(
              () => true,
              () => false,
            )
          : false;
        return { signedIn, discord: deps.oauth !== undefined, demo: deps.demoEnabled };
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
          throw forbidden(translatorFor(deps, request)('auth.errors.demoRefused'), 'DEMO_SIGN_IN_REFUSED');
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
        const tr = translatorFor(deps, request);
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
            throw new UserError(
              'SESSION_NOT_FOUND',
              translatorFor(deps, request)('auth.errors.sessionNotFound'),
              {
                status: 404,
              },
            );
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
