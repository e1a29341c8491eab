import { Actor } from '@deals/domain';

/** Turns a request into the acting user (see JwtActorResolver); throws a 401 DomainError when it cannot. */
export interface ActorResolver {
  resolve(headers: Readonly<Record<string, string | string[] | undefined>>): Actor;
}

export const ACTOR_RESOLVER = Symbol('ACTOR_RESOLVER');
