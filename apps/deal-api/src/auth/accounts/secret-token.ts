import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A one-time link's or a session's token: 256 random bits, URL-safe. Only its hash is stored. */
export const newSecretToken = (): string => randomBytes(32).toString('base64url');

/** What the store keeps of a token: tokens are random, so a plain SHA-256 is enough (nothing to guess). */
export const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** The CSRF token of a session: an HMAC of its token, so it needs no storage and dies with the session. */
export const csrfTokenOf = (key: string, sessionToken: string): string =>
  createHmac('sha256', key).update(`csrf:${sessionToken}`, 'utf8').digest('base64url');

/** Compares in constant time (for strings of the same length). */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
