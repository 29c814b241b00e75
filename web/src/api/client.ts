import createClient from 'openapi-fetch';
import { currentLocale, translate } from '../i18n/i18n.ts';
import { ApiError, isProblem, NetworkError } from './problem.ts';
import type { paths } from './schema.d.ts';

/**
 * The typed API client. Paths, parameters, bodies and responses come from schema.d.ts, generated
 * from the API's own OpenAPI document (`npm run web:client`; a test fails while it is stale), so a
 * change to a route that breaks the dashboard fails `npm run check` instead of a page.
 */

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SESSION_PATH = '/api/v1/auth/session';
/** Changes that need no session (signing in): no token to look up, and none to send. */
const SESSIONLESS = new Set(['/api/v1/auth/demo']);

/**
 * The session's CSRF token: the API wants it as X-CSRF-Token on every change a cookie
 * authenticates. Fetched once per session (or taken from the sign-in answer) and fetched again
 * when the API says it is wrong, e.g. after signing in as someone else in another tab.
 */
let csrfToken: Promise<string | undefined> | undefined;

export function rememberCsrfToken(token: string | undefined) {
  csrfToken = Promise.resolve(token);
}

function currentCsrfToken(): Promise<string | undefined> {
  csrfToken ??= fetch(SESSION_PATH, { headers: { accept: 'application/json' } })
    .then(async (res) => (res.ok ? ((await res.json()) as { csrfToken: string }).csrfToken : undefined))
    .catch(() => undefined);
  return csrfToken;
}

async function isCsrfRefusal(response: Response): Promise<boolean> {
  if (response.status !== 403) return false;
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => undefined);
  return isProblem(body) && body.code === 'CSRF_TOKEN_INVALID';
}

async function send(request: Request): Promise<Response> {
  // Problem details come back in the dashboard's language.
  request.headers.set('accept-language', currentLocale());
  if (!UNSAFE.has(request.method) || SESSIONLESS.has(new URL(request.url).pathname))
    return fetchOrThrow(request);
  const again = request.clone();
  const token = await currentCsrfToken();
  if (token) request.headers.set('x-csrf-token', token);
  const response = await fetchOrThrow(request);
  if (!(await isCsrfRefusal(response))) return response;
  csrfToken = undefined;
  const fresh = await currentCsrfToken();
  if (fresh) again.headers.set('x-csrf-token', fresh);
  return fetchOrThrow(again);
}

async function fetchOrThrow(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    throw new NetworkError(error);
  }
}

export const api = createClient<paths>({ baseUrl: window.location.origin, fetch: send });

/**
 * The data of a successful call, or an ApiError carrying the problem details: TanStack Query
 * then sees failures as errors, and forms find their field problems on them.
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  const problem = isProblem(result.error) ? result.error : undefined;
  throw new ApiError(
    result.response.status,
    problem,
    translate('dashboard.errors.status', { status: result.response.status }),
  );
}

/** Forget everything about the session (after signing out). */
export function forgetSession() {
  csrfToken = undefined;
}
