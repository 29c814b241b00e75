import { createHash, randomBytes } from 'node:crypto';

/** A bearer secret (API token, session, feed link): `prefix` and 256 random bits, base64url. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** What is stored of a secret: its SHA-256, so a leaked table holds nothing usable. */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}
