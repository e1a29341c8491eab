import { Actor } from '@deals/domain';

export interface ResolvedActor {
  readonly actor: Actor;
  /** When the credential stops being valid (ms since the epoch). */
  readonly expiresAt: number;
  readonly tokenRoles: readonly string[];
  /** The dashboard session the request came with (its id, the SHA-256 of the cookie's token); absent for a bearer token. */
  readonly sessionId?: string;
  /** The personal access token the request came with (its id). */
  readonly personalTokenId?: string;
}

/** What resolving the actor reads of a request. */
export interface ActorRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly cookies?: Readonly<Record<string, unknown>>;
}

/** Turns a request into the acting user (see RequestActorResolver); throws a 401 DomainError when it cannot. */
export interface ActorResolver {
  resolve(request: ActorRequest): ResolvedActor;
}

export const ACTOR_RESOLVER = Symbol('ACTOR_RESOLVER');
