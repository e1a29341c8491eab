import { Actor } from '../shared/message';
import { AccessDecision } from './access-decision';
import { authorize } from './authorize';
import { Relations } from './relations';

export const PERSON_READ_PERMISSION = 'person:read';

/** Anyone reads their own record; a manager their reports' (down the chain); sales-ops, finance and admin everyone's. */
export function authorizePersonRead(actor: Actor, personId: string, relations: Relations): AccessDecision {
  return authorize('person:read', actor, { kind: 'person', personId }, relations);
}
