import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { ACTOR_RESOLVER, ActorResolver } from './actor';

const PUBLIC = 'deals:public';
/** Marks a route that needs no actor (health, signing in, setting a password by link). */
export const Public = () => SetMetadata(PUBLIC, true);

/** True for a route marked @Public(). */
export function isPublic(reflector: Reflector, context: ExecutionContext): boolean {
  return reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()]) === true;
}

/** Resolves the acting user for every request; routes fail before any work without one. */
@Injectable()
export class ActorGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ACTOR_RESOLVER) private readonly resolver: ActorResolver,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (isPublic(this.reflector, context)) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const resolved = this.resolver.resolve(request);
    request.actor = resolved.actor;
    request.tokenExpiresAt = resolved.expiresAt;
    request.tokenRoles = resolved.tokenRoles;
    request.sessionId = resolved.sessionId;
    request.personalTokenId = resolved.personalTokenId;
    return true;
  }
}
