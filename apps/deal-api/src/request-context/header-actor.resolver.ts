import { Injectable } from '@nestjs/common';
import { Actor, DomainError, ORGANISATION_ROLES } from '@deals/domain';
import { ActorResolver } from './actor';

const ACTOR_ID = /^[A-Za-z0-9._@-]{1,100}$/;

/** Reads `X-Actor-Id` and `X-Actor-Roles` (comma-separated organisation roles). */
@Injectable()
export class HeaderActorResolver implements ActorResolver {
  resolve(headers: Readonly<Record<string, string | string[] | undefined>>): Actor {
    const id = single(headers['x-actor-id']);
    if (!id) {
      throw new DomainError('AUTH.ACTOR_REQUIRED', 'unauthenticated', 'Send X-Actor-Id (and X-Actor-Roles) with every request');
    }
    if (!ACTOR_ID.test(id)) {
      throw new DomainError('AUTH.ACTOR_INVALID', 'invalid', 'X-Actor-Id must be 1-100 of A-Z a-z 0-9 . _ @ -');
    }
    const roles = (single(headers['x-actor-roles']) ?? '').split(',').map((r) => r.trim()).filter(Boolean);
    const unknown = roles.filter((r) => !(ORGANISATION_ROLES as readonly string[]).includes(r));
    if (unknown.length > 0) {
      throw new DomainError('AUTH.ROLE_UNKNOWN', 'invalid', `Unknown role(s) in X-Actor-Roles: ${unknown.join(', ')}`, {
        unknown,
        allowed: ORGANISATION_ROLES,
      });
    }
    return { id, roles };
  }
}

function single(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
