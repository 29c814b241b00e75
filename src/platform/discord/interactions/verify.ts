import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Interactions older than this are refused as replays (Discord sends them within seconds). */
export const MAX_SIGNATURE_AGE_S = 300;

/** The public key from the Developer Portal (64 hex digits) as a key object for node:crypto. */
export function ed25519PublicKey(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new TypeError('an Ed25519 public key is 64 hex digits');
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'forged' };

/**
 * Discord signs `timestamp + body` with the application's Ed25519 key. The body must be the exact
 * bytes received (re-serialised JSON would not verify), and the timestamp must be recent, so a
 * captured request cannot be replayed later.
 */
export function verifyInteraction(
  key: KeyObject,
  signatureHex: string | undefined,
  timestamp: string | undefined,
  rawBody: Buffer,
  nowMs: number = Date.now(),
): SignatureCheck {
  if (!signatureHex || !timestamp) return { ok: false, reason: 'missing' };
  if (!/^[0-9a-fA-F]{128}$/.test(signatureHex) || !/^\d{1,12}$/.test(timestamp))
    return { ok: false, reason: 'malformed' };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SIGNATURE_AGE_S) return { ok: false, reason: 'stale' };
  const valid = verify(
    null,
    Buffer.concat([Buffer.from(timestamp, 'utf8'), rawBody]),
    key,
    Buffer.from(signatureHex, 'hex'),
  );
  return valid ? { ok: true } : { ok: false, reason: 'forged' };
}
