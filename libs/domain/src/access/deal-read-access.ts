import { OrganisationRole } from '../deal/deal-access';
import { Actor } from '../shared/message';
import { AccessDecision } from './access-decision';
import { authorize } from './authorize';
import { READ_RULES } from './operations';
import { DealAccessFacts } from './reach';
import { Relations } from './relations';

export const DEAL_READ_PERMISSION = 'deal:read';

/** May the actor read this deal (GET /deals/:id, its events, its audit timeline, its live summary)? */
export function authorizeDealRead(actor: Actor, deal: DealAccessFacts, relations: Relations): AccessDecision {
  return authorize('deal:read', actor, { kind: 'deal', dealId: deal.dealId, deal }, relations);
}

/** The roles that read every deal; a check for them needs no facts about the deal. */
export function readsEveryDeal(actor: Actor): boolean {
  const grants: Partial<Record<OrganisationRole, string>> = READ_RULES['deal:read'].grants;
  return actor.roles.some((role) => grants[role as OrganisationRole] === 'organisation');
}
