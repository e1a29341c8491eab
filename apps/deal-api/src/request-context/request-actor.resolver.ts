import { Injectable } from '@nestjs/common';
import { SESSION_COOKIE } from '../auth/accounts/session-cookie';
import { ActorRequest, ActorResolver, ResolvedActor } from './actor';
import { AuthErrors } from './auth.errors';
import { JwtActorResolver } from './jwt-actor.resolver';
import { PERSONAL_TOKEN, PersonalTokenResolver } from './personal-token.resolver';
import { SessionActorResolver } from './session-actor.resolver';

/**
 * Who is asking: an `Authorization` header decides alone — a personal access token, or a signed
 * JWT (the operator's) — and needs no CSRF token (a browser never adds that header by itself);
 * otherwise the dashboard's session cookie.
 */
@Injectable()
export class RequestActorResolver implements ActorResolver {
  constructor(
    private readonly bearer: JwtActorResolver,
    private readonly sessions: SessionActorResolver,
    private readonly personalTokens: PersonalTokenResolver,
  ) {}

  resolve(request: ActorRequest): ResolvedActor {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const bearer = /^Bearer\s+(\S+)$/i.exec((Array.isArray(authorization) ? authorization[0] : authorization).trim())?.[1];
      if (bearer !== undefined && PERSONAL_TOKEN.test(bearer)) return this.personalTokens.resolve(request, bearer);
      return this.bearer.resolve(request.headers);
    }
    const cookie = request.cookies?.[SESSION_COOKIE];
    if (typeof cookie === 'string' && cookie !== '') return this.sessions.resolve(request, cookie);
    throw AuthErrors.tokenRequired();
  }
}
