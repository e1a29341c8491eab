import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { USER_ID } from '@deals/domain';
import { AccessTokenClaims, MAX_TOKEN_LIFETIME_SECONDS, TOKEN_CLOCK_SKEW_SECONDS } from '@deals/access-tokens';
import { VERIFY_OPTIONS } from '../auth/access-token';
import { LiveUserDirectory } from '../auth/live-user-directory';
import { ResolvedActor } from './actor';
import { AuthErrors } from './auth.errors';

/** Verified tokens kept (by their SHA-256) until they expire; the oldest go first beyond this many. */
export const VERIFIED_TOKENS_CACHED = 10_000;

const BEARER = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i;

/**
 * Reads `Authorization: Bearer <JWT>` (HS256), for RequestActorResolver. The token proves who the caller is; what they may
 * do comes from the user directory now: an unknown or deactivated user is refused, and the roles
 * are the ones registered, not the ones the token was issued with.
 */
@Injectable()
export class JwtActorResolver {
  /** Claims of tokens whose signature and claims were checked, by the token's hash (a Map keeps insertion order: oldest first). */
  private readonly verified = new Map<string, AccessTokenClaims>();

  constructor(
    private readonly jwt: JwtService,
    private readonly users: LiveUserDirectory,
  ) {}

  resolve(headers: Readonly<Record<string, string | string[] | undefined>>): ResolvedActor {
    const header = single(headers.authorization)?.trim();
    if (!header) throw AuthErrors.tokenRequired();
    const token = BEARER.exec(header)?.[1];
    if (!token) throw AuthErrors.tokenInvalid('the Authorization header must be "Bearer <token>"');
    const claims = this.verifiedClaims(token);
    const user = this.users.find(claims.sub);
    if (!user) throw AuthErrors.userUnknown();
    if (!user.active) throw AuthErrors.userDeactivated();
    return {
      actor: { id: user.userId, roles: [...user.roles] },
      expiresAt: claims.exp * 1000,
      tokenRoles: Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [],
    };
  }

  /**
   * A token's signature and claims do not change: they are checked once and the claims kept until
   * the token expires. The user (deactivation, roles) is still looked up on every request.
   */
  private verifiedClaims(token: string): AccessTokenClaims {
    const key = createHash('sha256').update(token).digest('base64');
    const cached = this.verified.get(key);
    if (cached !== undefined && cached.exp * 1000 > Date.now()) return cached;
    if (cached !== undefined) this.verified.delete(key);
    const claims = checkClaims(this.verify(token));
    if (this.verified.size >= VERIFIED_TOKENS_CACHED) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(key, claims);
    return claims;
  }

  private verify(token: string): Partial<AccessTokenClaims> {
    try {
      return this.jwt.verify<AccessTokenClaims>(token, VERIFY_OPTIONS);
    } catch (error) {
      if (error instanceof TokenExpiredError) throw AuthErrors.tokenExpired(error.expiredAt.toISOString());
      throw AuthErrors.tokenInvalid(error instanceof Error ? error.message : 'unreadable');
    }
  }
}

function checkClaims(claims: Partial<AccessTokenClaims>): AccessTokenClaims {
  if (typeof claims.exp !== 'number') throw AuthErrors.tokenInvalid('it has no expiry (exp)');
  if (typeof claims.iat !== 'number') throw AuthErrors.tokenInvalid('it has no issue time (iat)');
  const now = Date.now() / 1000;
  if (claims.iat > now + TOKEN_CLOCK_SKEW_SECONDS) throw AuthErrors.tokenInvalid('it was issued in the future (iat)');
  if (claims.exp - claims.iat > MAX_TOKEN_LIFETIME_SECONDS) {
    throw AuthErrors.tokenInvalid(`it is valid for longer than the allowed ${MAX_TOKEN_LIFETIME_SECONDS / 3600} hours`, { maxLifetimeSeconds: MAX_TOKEN_LIFETIME_SECONDS });
  }
  if (typeof claims.sub !== 'string' || !USER_ID.test(claims.sub)) {
    throw AuthErrors.tokenInvalid('sub must be a user id (1-100 of A-Z a-z 0-9 . _ @ -)');
  }
  return claims as AccessTokenClaims;
}

function single(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
