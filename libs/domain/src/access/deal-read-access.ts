import { OrganisationRole } from '../deal/deal-access';
import { TeamMember } from '../deal/deal-team';
import { DealStatus } from '../deal/deal.state';
import { Actor } from '../shared/message';
import { AccessDecision, ALLOWED, denied } from './access-decision';
import { worksOnDeal } from './deal-command-access';

/** Which deals each role may read (GET /deals/:id, its events, its audit timeline). */
export type DealReadReach = 'all' | 'own' | 'own-and-reports' | 'won' | 'none';

export const DEAL_READ_REACH: Readonly<Record<OrganisationRole, DealReadReach>> = {
  rep: 'own',
  manager: 'own-and-reports',
  'sales-ops': 'all',
  finance: 'all',
  admin: 'all',
  implementation: 'won',
  integration: 'none',
};

export const DEAL_READ_PERMISSION = 'deal:read';

/** What a read check needs to know about a deal. */
export interface DealAccessFacts {
  readonly dealId: string;
  readonly ownerId: string;
  readonly team: readonly TeamMember[];
  readonly status: DealStatus;
}

/** The roles that read every deal; a check for them needs no facts about the deal. */
export function readsEveryDeal(actor: Actor): boolean {
  return actor.roles.some((role) => DEAL_READ_REACH[role as OrganisationRole] === 'all');
}

/** Everyone whose manager matters to a manager's read: the owner and the team. */
export function peopleOnDeal(deal: Pick<DealAccessFacts, 'ownerId' | 'team'>): string[] {
  return [...new Set([deal.ownerId, ...deal.team.map((member) => member.userId)])].filter(Boolean);
}

/**
 * May the actor read this deal? `managerOf` answers for the people on the deal (see
 * `peopleOnDeal`): a manager reads the deals their direct reports own or work on.
 */
export function authorizeDealRead(
  actor: Actor,
  deal: DealAccessFacts,
  managerOf: (userId: string) => string | undefined,
): AccessDecision {
  const reaches = actor.roles.map((role) => DEAL_READ_REACH[role as OrganisationRole]).filter(Boolean);
  const own = worksOnDeal(deal, actor.id);
  const ok = reaches.some((reach) => {
    switch (reach) {
      case 'all': return true;
      case 'own': return own;
      case 'own-and-reports': return own || peopleOnDeal(deal).some((person) => managerOf(person) === actor.id);
      case 'won': return deal.status === 'won';
      default: return false;
    }
  });
  if (ok) return ALLOWED;
  const allowedRoles = (Object.keys(DEAL_READ_REACH) as OrganisationRole[]).filter((role) => DEAL_READ_REACH[role] !== 'none');
  const base = { permission: DEAL_READ_PERMISSION, resource: `deal/${deal.dealId}`, allowedRoles };
  if (reaches.includes('own-and-reports')) {
    return denied({ ...base, reason: 'not-report', explanation: 'a manager reads the deals they or their direct reports own or work on' });
  }
  if (reaches.includes('own')) {
    return denied({ ...base, reason: 'not-on-deal', explanation: 'a rep reads only the deals they own or are on the team of' });
  }
  if (reaches.includes('won')) {
    return denied({ ...base, reason: 'not-won', explanation: 'implementation reads won deals only' });
  }
  return denied({ ...base, reason: 'role', explanation: `reading a deal needs one of the roles ${allowedRoles.join(', ')}` });
}
