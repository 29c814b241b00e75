import { randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { HintedMemo } from '#platform/cache/hinted-memo.ts';
import type { Database } from '#platform/db/database.ts';
import { notFound, unauthorized } from '#platform/errors.ts';
import { hashSecret, newSecret } from '#platform/secrets.ts';
import { oauthStates, sessions } from './schema.ts';

/** Cookie values: 256 random bits, base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** last_seen_at and the sliding expiry are written at most once a minute per session. */
const TOUCH_RESOLUTION_MS = 60_000;

export type SessionRecord = {
  id: string;
  userId: string;
  via: 'discord' | 'demo';
  csrfToken: string;
  oauthGuildIds: string[] | null;
  userAgent: string | null;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  absoluteExpiresAt: Date;
  revokedAt: Date | null;
};

export type SessionOptions = {
  /** Idle lifetime: a session unused this long expires. Each use pushes it forward. */
  readonly ttlMs: number;
  /** Absolute lifetime: no renewal goes past this (and the cookie's Max-Age is this). */
  readonly maxAgeMs: number;
};

/**
 * `memo` (keyed by the cookie's hash in hex, core's `guildhall_credentials` hint) spares the
 * look-up on repeated use; a revocation anywhere drops it everywhere.
 */
export function createSessionService(
  db: Database,
  options: SessionOptions,
  memo?: HintedMemo<SessionRecord | null>,
) {
  const columns = {
    id: sessions.id,
    userId: sessions.userId,
    via: sessions.via,
    csrfToken: sessions.csrfToken,
    oauthGuildIds: sessions.oauthGuildIds,
    userAgent: sessions.userAgent,
    ip: sessions.ip,
    createdAt: sessions.createdAt,
    lastSeenAt: sessions.lastSeenAt,
    expiresAt: sessions.expiresAt,
    absoluteExpiresAt: sessions.absoluteExpiresAt,
    revokedAt: sessions.revokedAt,
  };

  /** The session by its hash, with last use and sliding expiry written at most once a minute. */
  async function touch(hash: Buffer): Promise<SessionRecord | null> {
    const now = Date.now();
    const row = await db.withSystem(async (tx) => {
      const [found] = await tx.select(columns).from(sessions).where(eq(sessions.tokenHash, hash));
      if (!found || found.revokedAt || found.expiresAt.getTime() <= now) return found;
      if (now - found.lastSeenAt.getTime() > TOUCH_RESOLUTION_MS) {
        const expiresAt = new Date(Math.min(now + options.ttlMs, found.absoluteExpiresAt.getTime()));
        await tx
          .update(sessions)
          .set({ lastSeenAt: new Date(now), expiresAt })
          .where(eq(sessions.id, found.id));
        return { ...found, lastSeenAt: new Date(now), expiresAt };
      }
      return found;
    });
    return (row as SessionRecord | undefined) ?? null;
  }

  return {
    options,
    /**
     * A new session. `replaces` (the cookie the browser came with, if any) is revoked in the same
     * transaction: signing in always rotates the session id, so a fixated id is worthless.
     */
    async create(input: {
      userId: string;
      via: 'discord' | 'demo';
      oauthGuildIds?: readonly string[] | undefined;
      userAgent?: string | undefined;
      ip?: string | undefined;
      replaces?: string | undefined;
    }): Promise<{ token: string; session: SessionRecord }> {
      const token = newSecret();
      const now = Date.now();
      const replaced = input.replaces && TOKEN_PATTERN.test(input.replaces) ? input.replaces : undefined;
      const forgetReplaced = () => {
        if (replaced) memo?.drop(hashSecret(replaced).toString('hex'));
      };
      return db
        .withSystem(async (tx) => {
          if (replaced)
            await tx
              .update(sessions)
              .set({ revokedAt: new Date() })
              .where(and(eq(sessions.tokenHash, hashSecret(replaced)), isNull(sessions.revokedAt)));
          const [session] = await tx
            .insert(sessions)
            .values({
              id: randomUUID(),
              tokenHash: hashSecret(token),
              userId: input.userId,
              csrfToken: randomBytes(24).toString('base64url'),
              via: input.via,
              oauthGuildIds: input.oauthGuildIds ? [...input.oauthGuildIds] : null,
              userAgent: input.userAgent?.slice(0, 300) ?? null,
              ip: input.ip ?? null,
              expiresAt: new Date(now + Math.min(options.ttlMs, options.maxAgeMs)),
              absoluteExpiresAt: new Date(now + options.maxAgeMs),
            })
            .returning(columns);
          if (!session) throw new Error('insert returned nothing');
          return { token, session: session as SessionRecord };
        })
        .finally(forgetReplaced);
    },

    /** The live session for a cookie value, renewed (sliding expiry); `unauthorized` otherwise. */
    async verify(token: string): Promise<SessionRecord> {
      if (!TOKEN_PATTERN.test(token))
        throw unauthorized('Your session is not valid. Please sign in again.', 'SESSION_INVALID');
      const hash = hashSecret(token);
      const live = (r: SessionRecord | null) =>
        r !== null && !r.revokedAt && r.expiresAt.getTime() > Date.now();
      const key = hash.toString('hex');
      let row = memo ? await memo.get(key, key, () => touch(hash), live) : await touch(hash);
      // Remembered past its (possibly since extended) expiry: ask again, which also renews it.
      if (row && !live(row)) {
        memo?.drop(key);
        row = await touch(hash);
      }
      if (!row || row.revokedAt)
        throw unauthorized('Your session is no longer valid. Please sign in again.', 'SESSION_INVALID');
      if (row.expiresAt.getTime() <= Date.now())
        throw unauthorized('Your session has expired. Please sign in again.', 'SESSION_EXPIRED');
      return row;
    },

    /** The user's live sessions, newest first. */
    async list(userId: string): Promise<SessionRecord[]> {
      const list = await db.withSystem((tx) =>
        tx
          .select(columns)
          .from(sessions)
          .where(
            and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())),
          )
          .orderBy(desc(sessions.lastSeenAt)),
      );
      return list as SessionRecord[];
    },

    /** Revokes one of the user's own sessions; someone else's is "not found", not "forbidden". */
    async revoke(sessionId: string, userId: string): Promise<void> {
      const done = await db.withSystem((tx) =>
        tx
          .update(sessions)
          .set({ revokedAt: new Date() })
          .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
          .returning({ id: sessions.id, tokenHash: sessions.tokenHash }),
      );
      // The trigger's hint reaches every process; this one need not wait for it.
      for (const row of done) memo?.drop(row.tokenHash.toString('hex'));
      if (done.length === 0) throw notFound('Session', 'SESSION_NOT_FOUND');
    },

    /** Keeps the PKCE verifier server-side until the callback, keyed by the hash of `state`. */
    async saveOAuthState(
      state: string,
      verifier: string,
      returnTo: string,
      ttlMs = 10 * 60_000,
    ): Promise<void> {
      await db.withSystem(async (tx) => {
        await tx.delete(oauthStates).where(lt(oauthStates.expiresAt, new Date()));
        await tx.insert(oauthStates).values({
          stateHash: hashSecret(state),
          codeVerifier: verifier,
          returnTo,
          expiresAt: new Date(Date.now() + ttlMs),
        });
      });
    },

    /** The verifier for `state`, once: the row is deleted whether or not it had expired. */
    async takeOAuthState(state: string): Promise<{ verifier: string; returnTo: string } | undefined> {
      const [row] = await db.withSystem((tx) =>
        tx
          .delete(oauthStates)
          .where(eq(oauthStates.stateHash, hashSecret(state)))
          .returning({
            verifier: oauthStates.codeVerifier,
            returnTo: oauthStates.returnTo,
            expiresAt: oauthStates.expiresAt,
          }),
      );
      if (!row || row.expiresAt.getTime() <= Date.now()) return undefined;
      return { verifier: row.verifier, returnTo: row.returnTo };
    },

    /** Removes sessions that ended more than a day ago (called opportunistically). */
    async prune(): Promise<void> {
      await db.withSystem((tx) =>
        tx
          .delete(sessions)
          .where(sql`coalesce(${sessions.revokedAt}, ${sessions.expiresAt}) < now() - interval '1 day'`),
      );
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
