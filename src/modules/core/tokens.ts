import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { HintedMemo } from '#platform/cache/hinted-memo.ts';
import { createCoalescer } from '#platform/coalescer.ts';
import type { Database } from '#platform/db/database.ts';
import { notFound, UserError, unauthorized } from '#platform/errors.ts';
import type { Principal } from '#platform/http/types.ts';
import { hashSecret, newSecret } from '#platform/secrets.ts';
import { apiTokens, guilds, users } from './schema.ts';

/** Tokens look like `gh_` + 43 base64url characters (256 random bits). */
const TOKEN_PATTERN = /^gh_[A-Za-z0-9_-]{43}$/;
/** last_used_at is a hint for people, not an audit trail: write it at most once a minute. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type TokenRecord = {
  id: string;
  name: string;
  prefix: string;
  userId: string;
  guildId: string | null;
  scopes: string[];
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
  revokedAt: Date | null;
};

export type CreateToken = {
  userId: string;
  name: string;
  scopes: readonly string[];
  guildId?: string | undefined;
  expiresAt?: Date | undefined;
};

/**
 * `memo` (keyed by the token's hash in hex, core's `guildhall_credentials` hint) spares the
 * look-up on repeated use; a revocation anywhere drops it everywhere.
 */
export function createTokenService(
  db: Database,
  knownScopes: () => ReadonlySet<string>,
  memo?: HintedMemo<TokenRecord | null>,
) {
  const columns = {
    id: apiTokens.id,
    name: apiTokens.name,
    prefix: apiTokens.prefix,
    userId: apiTokens.userId,
    guildId: apiTokens.guildId,
    scopes: apiTokens.scopes,
    expiresAt: apiTokens.expiresAt,
    lastUsedAt: apiTokens.lastUsedAt,
    createdAt: apiTokens.createdAt,
    revokedAt: apiTokens.revokedAt,
  };

  // A burst of requests with tokens this process has not seen yet: one statement, not one
  // transaction each (they would queue for the pool before anything else could run).
  const byHash = createCoalescer<Buffer, TokenRecord | null>({
    run: (_queue, hashes) =>
      db.withSystem(async (tx) => {
        const found = await tx
          .select({ ...columns, tokenHash: apiTokens.tokenHash })
          .from(apiTokens)
          .where(inArray(apiTokens.tokenHash, [...hashes]));
        const now = Date.now();
        const touched = found.filter(
          (f) => !f.revokedAt && (!f.lastUsedAt || now - f.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS),
        );
        if (touched.length > 0)
          await tx
            .update(apiTokens)
            .set({ lastUsedAt: new Date(now) })
            .where(
              inArray(
                apiTokens.id,
                touched.map((f) => f.id),
              ),
            );
        const records = new Map(
          found.map(({ tokenHash, ...record }) => [tokenHash.toString('hex'), record as TokenRecord]),
        );
        return hashes.map((hash) => records.get(hash.toString('hex')) ?? null);
      }),
  });
  const lookUp = (hash: Buffer) => byHash.submit('tokens', hash);

  return {
    /** Creates a token and returns it in clear text: the only time it is ever visible. */
    async create(input: CreateToken): Promise<{ token: string; record: TokenRecord }> {
      const name = input.name.trim();
      if (name.length < 1 || name.length > 100)
        throw new UserError('TOKEN_NAME_INVALID', 'A token name must be 1–100 characters.');
      const known = knownScopes();
      const unknown = input.scopes.filter((s) => !known.has(s));
      if (input.scopes.length === 0)
        throw new UserError('TOKEN_SCOPES_REQUIRED', `Give at least one scope: ${[...known].join(', ')}.`);
      if (unknown.length > 0)
        throw new UserError(
          'TOKEN_SCOPE_UNKNOWN',
          `Unknown scope${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; known: ${[...known].join(', ')}.`,
        );
      if (input.expiresAt && input.expiresAt.getTime() <= Date.now())
        throw new UserError('TOKEN_EXPIRY_PAST', 'The expiry must be in the future.');

      const token = newSecret('gh_');
      return db.withSystem(async (tx) => {
        const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
        if (!user) throw notFound(`User ${input.userId}`, 'USER_NOT_FOUND');
        if (input.guildId) {
          const [guild] = await tx.select({ id: guilds.id }).from(guilds).where(eq(guilds.id, input.guildId));
          if (!guild) throw notFound(`Guild ${input.guildId}`, 'GUILD_NOT_FOUND');
        }
        const [record] = await tx
          .insert(apiTokens)
          .values({
            id: randomUUID(),
            name,
            tokenHash: hashSecret(token),
            prefix: token.slice(0, 10),
            userId: input.userId,
            guildId: input.guildId ?? null,
            scopes: [...new Set(input.scopes)].sort(),
            expiresAt: input.expiresAt ?? null,
          })
          .returning(columns);
        if (!record) throw new Error('insert returned nothing');
        return { token, record };
      });
    },

    async list(
      filter: { userId?: string | undefined; includeRevoked?: boolean } = {},
    ): Promise<TokenRecord[]> {
      return db.withSystem((tx) =>
        tx
          .select(columns)
          .from(apiTokens)
          .where(
            and(
              filter.userId ? eq(apiTokens.userId, filter.userId) : undefined,
              filter.includeRevoked ? undefined : isNull(apiTokens.revokedAt),
            ),
          )
          .orderBy(desc(apiTokens.createdAt)),
      );
    },

    /** Revokes by id (or by a unique id prefix, for the CLI). Revoking twice is not an error. */
    async revoke(idOrPrefix: string, ownerId?: string): Promise<TokenRecord> {
      if (!/^[0-9a-f-]{4,36}$/i.test(idOrPrefix))
        throw new UserError('TOKEN_ID_INVALID', 'Give the token id shown by `tokens list`.');
      return db
        .withSystem(async (tx) => {
          const matches = await tx
            .select(columns)
            .from(apiTokens)
            .where(
              and(
                sql`${apiTokens.id}::text like ${`${idOrPrefix.toLowerCase()}%`}`,
                ownerId ? eq(apiTokens.userId, ownerId) : undefined,
              ),
            );
          if (matches.length === 0) throw notFound(`Token ${idOrPrefix}`, 'TOKEN_NOT_FOUND');
          if (matches.length > 1)
            throw new UserError(
              'TOKEN_ID_AMBIGUOUS',
              `${matches.length} tokens start with ${idOrPrefix}; give more of the id.`,
            );
          const match = matches[0] as TokenRecord;
          if (match.revokedAt) return match;
          const [revoked] = await tx
            .update(apiTokens)
            .set({ revokedAt: new Date() })
            .where(eq(apiTokens.id, match.id))
            .returning(columns);
          return revoked ?? match;
        })
        .finally(() => memo?.clear());
    },

    /** The principal for a bearer token, or an `unauthorized` error saying what is wrong. */
    async verify(token: string): Promise<Principal> {
      if (!TOKEN_PATTERN.test(token)) throw unauthorized('The API token is malformed.', 'TOKEN_INVALID');
      const hash = hashSecret(token);
      const live = (r: TokenRecord | null) =>
        r !== null && !r.revokedAt && (!r.expiresAt || r.expiresAt.getTime() > Date.now());
      const key = hash.toString('hex');
      let row = memo ? await memo.get(key, key, () => lookUp(hash), live) : await lookUp(hash);
      // A remembered token that has since expired: ask again (the answer says why it fails).
      if (row && !live(row)) row = await lookUp(hash);
      if (!row) throw unauthorized('The API token is not valid.', 'TOKEN_INVALID');
      if (row.revokedAt) throw unauthorized('The API token was revoked.', 'TOKEN_REVOKED');
      if (row.expiresAt && row.expiresAt.getTime() <= Date.now())
        throw unauthorized('The API token has expired.', 'TOKEN_EXPIRED');
      return {
        userId: row.userId,
        via: 'token',
        scopes: new Set(row.scopes),
        guildId: row.guildId ?? undefined,
        tokenId: row.id,
      };
    },
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
