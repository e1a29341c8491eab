import { Actor } from '@deals/domain';

export interface ResolvedActor {
  readonly actor: Actor;
  /** When the credential stops being valid (ms since the epoch). */
  readonly expiresAt: number;
  readonly tokenRoles: readonly string[];
}

/** Turns a request into the acting user (see JwtActorResolver); throws a 401 DomainError when it cannot. */
export interface ActorResolver {
  resolve(headers: Readonly<Record<string, string | string[] | undefined>>): ResolvedActor;
}

export const ACTOR_RESOLVER = Symbol('ACTOR_RESOLVER');
