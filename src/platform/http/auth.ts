import type { FastifyReply, FastifyRequest } from 'fastify';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { forbidden, UserError, unauthorized } from '../errors.ts';
import type { HttpApp, Principal } from './types.ts';

/**
 * Turns request credentials into a principal. Returns undefined when the request carries none
 * of this kind, and throws `unauthorized` when it carries some that are wrong.
 */
export type Authenticator = (request: FastifyRequest) => Promise<Principal | undefined>;

export type AuthOptions = {
  readonly authenticators: readonly Authenticator[];
  /** Counts failed authentications per client address; defaults to 10 a minute, then 5 minutes blocked. */
  readonly failureLimiter?: RateLimiterAbstract;
};

export function defaultFailureLimiter(): RateLimiterAbstract {
  return new RateLimiterMemory({ keyPrefix: 'auth-fail', points: 10, duration: 60, blockDuration: 300 });
}

/**
 * Authentication for every `/api/` route that is not marked public, and the scope check of
 * `config.access.scope`. Runs on onRequest, before the body is even read.
 */
export function registerAuth(app: HttpApp, options: AuthOptions) {
  const limiter = options.failureLimiter ?? defaultFailureLimiter();
  app.decorateRequest('principal', undefined);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config?.access;
    const url = request.routeOptions.url;
    if (!url || access?.public || !url.startsWith('/api/')) return;

    const key = request.ip;
    const state = await limiter.get(key);
    if (state && state.consumedPoints > limiter.points) throw tooManyFailures(state);

    let principal: Principal | undefined;
    try {
      for (const authenticate of options.authenticators) {
        principal = await authenticate(request);
        if (principal) break;
      }
    } catch (error) {
      // Expired or revoked session cookies are routine (a tab left open), and session ids are 256
      // random bits nobody can guess: only other failures count towards the block.
      if (error instanceof UserError && error.status === 401 && !error.code.startsWith('SESSION_')) {
        try {
          await limiter.consume(key);
        } catch (res) {
          if (res instanceof RateLimiterRes) throw tooManyFailures(res);
          throw res;
        }
      }
      throw error;
    }
    if (!principal) {
      reply.header('www-authenticate', 'Bearer realm="guildhall"');
      throw unauthorized('Sign in, or send an API token as "Authorization: Bearer gh_…".');
    }
    request.principal = principal;
    if (access?.scope && !hasScope(principal, access.scope)) {
      throw forbidden(`This token lacks the scope "${access.scope}".`, 'INSUFFICIENT_SCOPE');
    }
  });
}

export function hasScope(principal: Principal, scope: string): boolean {
  return principal.scopes === 'all' || principal.scopes.has(scope);
}

/** The principal of an authenticated route (the hook guarantees it is there). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized();
  return request.principal;
}

function tooManyFailures(res: RateLimiterRes) {
  const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return new UserError(
    'AUTH_RATE_LIMITED',
    `Too many failed sign-in attempts from this address. Try again in ${seconds} s.`,
    {
      status: 429,
      headers: { 'retry-after': String(seconds) },
    },
  );
}
