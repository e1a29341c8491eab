import { Actor } from '@deals/domain';

/** Turns a request into the acting user; the authentication layer replaces the header reader. */
export interface ActorResolver {
  resolve(headers: Readonly<Record<string, string | string[] | undefined>>): Actor;
}

export const ACTOR_RESOLVER = Symbol('ACTOR_RESOLVER');
