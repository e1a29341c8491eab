import { createSecretKey } from 'node:crypto';
import { JwtService, JwtVerifyOptions } from '@nestjs/jwt';
import { Actor } from '@deals/domain';

/** Tokens from `npm run token` last a working day. */
export const ACCESS_TOKEN_TTL_SECONDS = 12 * 60 * 60;
/** The API refuses a token valid for longer than this (exp - iat), whoever signed it. */
export const MAX_TOKEN_LIFETIME_SECONDS = ACCESS_TOKEN_TTL_SECONDS;
/** How far ahead of this clock an issuer's clock may be (iat). */
export const TOKEN_CLOCK_SKEW_SECONDS = 60;

/** Only HS256: a token naming another algorithm (or `none`) is refused. */
export const TOKEN_ALGORITHM = 'HS256' as const;
export const VERIFY_OPTIONS: JwtVerifyOptions = { algorithms: [TOKEN_ALGORITHM] };

/** The claims the API reads: `sub` the user id, `iat` and `exp` (seconds); `roles` is informational. */
export interface AccessTokenClaims {
  readonly sub: string;
  readonly roles?: readonly string[];
  readonly exp: number;
  readonly iat: number;
}

/**
 * The secret is handed over as a KeyObject made once: given a string, jsonwebtoken first tries
 * it as a PEM public key on every verify, which costs more than the whole HMAC check.
 */
export function createJwtService(secret: string): JwtService {
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  return new JwtService({ privateKey: key, publicKey: key, signOptions: { algorithm: TOKEN_ALGORITHM }, verifyOptions: VERIFY_OPTIONS });
}

/** A signed bearer token for the actor, valid for `ttlSeconds` (negative: already expired, for tests). */
export function signAccessToken(jwt: JwtService, actor: Actor, ttlSeconds: number = ACCESS_TOKEN_TTL_SECONDS): string {
  const iat = Math.floor(Date.now() / 1000);
  return jwt.sign({ sub: actor.id, roles: [...actor.roles], iat, exp: iat + ttlSeconds });
}
