import { Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { Actor, ORGANISATION_ROLES, USER_ID } from '@deals/domain';
import { AccessTokenClaims, VERIFY_OPTIONS } from '../auth/access-token';
import { ActorResolver } from './actor';
import { AuthErrors } from './auth.errors';

const BEARER = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i;

/** Reads `Authorization: Bearer <JWT>` (HS256): `sub` is the user, `roles` their organisation roles. */
@Injectable()
export class JwtActorResolver implements ActorResolver {
  constructor(private readonly jwt: JwtService) {}

  resolve(headers: Readonly<Record<string, string | string[] | undefined>>): Actor {
    const header = single(headers.authorization)?.trim();
    if (!header) throw AuthErrors.tokenRequired();
    const token = BEARER.exec(header)?.[1];
    if (!token) throw AuthErrors.tokenInvalid('the Authorization header must be "Bearer <token>"');
    return actorOf(this.verify(token));
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

function actorOf(claims: Partial<AccessTokenClaims>): Actor {
  if (typeof claims.exp !== 'number') throw AuthErrors.tokenInvalid('it has no expiry (exp)');
  if (typeof claims.sub !== 'string' || !USER_ID.test(claims.sub)) {
    throw AuthErrors.tokenInvalid('sub must be a user id (1-100 of A-Z a-z 0-9 . _ @ -)');
  }
  const roles = claims.roles;
  if (!Array.isArray(roles) || roles.some((r) => typeof r !== 'string')) throw AuthErrors.tokenInvalid('roles must be a list');
  const unknown = roles.filter((r) => !(ORGANISATION_ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) {
    throw AuthErrors.tokenInvalid(`unknown role(s) ${unknown.join(', ')}`, { unknown, allowed: ORGANISATION_ROLES });
  }
  return { id: claims.sub, roles: [...roles] };
}

function single(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
