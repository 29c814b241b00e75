import { createHash, randomBytes } from 'node:crypto';
import { DiscordError, discordError } from './errors.ts';

/**
 * Discord OAuth2 for the dashboard sign-in: authorization code with PKCE (S256) and `state`,
 * scopes `identify guilds`. Plain `fetch` (no rate-limit queue needed: one exchange per sign-in)
 * against the same `DISCORD_API_URL` as the bot, so tests use the stand-in for both.
 */
export type OAuthConfig = {
  readonly apiUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
};

export const OAUTH_SCOPES = ['identify', 'guilds'] as const;

export type OAuthUser = {
  id: string;
  username: string;
  global_name: string | null;
  avatar: string | null;
  locale?: string;
};

export type OAuthGuild = {
  id: string;
  name: string;
  icon: string | null;
  owner: boolean;
  permissions: string;
};

/** A fresh PKCE pair: the verifier stays on the server, the challenge goes to Discord. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Discord serves the consent page outside `/api`. */
export function authorizeUrl(config: OAuthConfig, state: string, challenge: string): string {
  const base = config.apiUrl.replace(/\/api(\/v\d+)?$/, '');
  const url = new URL(`${base}/oauth2/authorize`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    scope: OAUTH_SCOPES.join(' '),
    redirect_uri: config.redirectUri,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    prompt: 'none',
  }).toString();
  return url.toString();
}

/** Thrown when Discord refuses the code exchange (wrong verifier, reused or expired code). */
export class OAuthExchangeError extends Error {
  readonly error: string;
  constructor(error: string, description: string) {
    super(description);
    this.error = error;
  }
}

export function createOAuthClient(config: OAuthConfig, timeoutMs = 10_000) {
  const api = `${config.apiUrl}/v10`;

  async function json<T>(res: Response): Promise<T> {
    if (res.ok) return (await res.json()) as T;
    const body = (await res.json().catch(() => ({}))) as {
      code?: number;
      error?: string;
      error_description?: string;
    };
    if (body.error) throw new OAuthExchangeError(body.error, body.error_description ?? body.error);
    throw discordError(body.code ?? 0, res.status);
  }

  async function get<T>(path: string, accessToken: string): Promise<T> {
    try {
      const res = await fetch(`${api}${path}`, {
        headers: { authorization: `Bearer ${accessToken}` },
        signal: AbortSignal.timeout(timeoutMs),
      });
      return await json<T>(res);
    } catch (error) {
      throw wrap(error);
    }
  }

  return {
    /** Exchanges the code; Discord checks the verifier against the challenge it was given. */
    async exchange(code: string, verifier: string): Promise<{ accessToken: string; scope: string }> {
      try {
        const res = await fetch(`${api}/oauth2/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'authorization_code',
            code,
            redirect_uri: config.redirectUri,
            code_verifier: verifier,
            client_id: config.clientId,
            client_secret: config.clientSecret,
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        const body = await json<{ access_token: string; scope: string }>(res);
        return { accessToken: body.access_token, scope: body.scope };
      } catch (error) {
        throw wrap(error);
      }
    },
    user: (accessToken: string) => get<OAuthUser>('/users/@me', accessToken),
    guilds: (accessToken: string) => get<OAuthGuild[]>('/users/@me/guilds', accessToken),
  };
}

export type OAuthClient = ReturnType<typeof createOAuthClient>;

function wrap(error: unknown): Error {
  if (error instanceof OAuthExchangeError || error instanceof DiscordError) return error;
  return new DiscordError(
    'DISCORD_UNAVAILABLE',
    `Discord could not be reached: ${(error as Error).message}`,
    {
      cause: error,
    },
  );
}
