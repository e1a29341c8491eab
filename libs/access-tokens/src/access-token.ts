import { createSecretKey, KeyObject } from 'node:crypto';
import { sign } from 'jsonwebtoken';

/** Tokens issued by `deals token` last a working day. */
export const ACCESS_TOKEN_TTL_SECONDS = 12 * 60 * 60;
/** The API refuses a token valid for longer than this (exp - iat), whoever signed it. */
export const MAX_TOKEN_LIFETIME_SECONDS = ACCESS_TOKEN_TTL_SECONDS;
/** How far ahead of the API's clock an issuer's clock may be (iat). */
export const TOKEN_CLOCK_SKEW_SECONDS = 60;
/** Only HS256: a token naming another algorithm (or `none`) is refused. */
export const TOKEN_ALGORITHM = 'HS256' as const;

/** The claims the API reads: `sub` the user id, `iat` and `exp` (seconds); `roles` is informational. */
export interface AccessTokenClaims {
  readonly sub: string;
  readonly roles?: readonly string[];
  readonly exp: number;
  readonly iat: number;
}

/** Anything that signs claims with the token secret (jsonwebtoken here, Nest's JwtService in the API). */
export interface TokenSigner {
  sign(claims: AccessTokenClaims): string;
}

/**
 * The secret as a KeyObject made once: given a string, jsonwebtoken first tries it as a PEM public
 * key on every verify, which costs more than the whole HMAC check.
 */
export function tokenKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}

export function tokenSigner(secret: string): TokenSigner {
  const key = tokenKey(secret);
  return { sign: (claims) => sign({ ...claims }, key, { algorithm: TOKEN_ALGORITHM }) };
}

/** A signed bearer token for the person, valid for `ttlSeconds` (negative: already expired, for tests). */
export function signAccessToken(signer: TokenSigner, person: { id: string; roles: readonly string[] }, ttlSeconds: number = ACCESS_TOKEN_TTL_SECONDS): string {
  const iat = Math.floor(Date.now() / 1000);
  return signer.sign({ sub: person.id, roles: [...person.roles], iat, exp: iat + ttlSeconds });
}
