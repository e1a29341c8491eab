import { COMMERCIAL_TERMS_COMMANDS, DEAL_COMMAND_ROLES, holdsOnlySupportRep, OrganisationRole } from '../deal/deal-access';
import { DealCommandType } from '../deal/deal.commands';
import { DealState } from '../deal/deal.state';
import { Actor } from '../shared/message';
import { AccessDecision, ALLOWED, denied } from './access-decision';

/** How far a role's deal-command permissions reach: every deal, or the deals its holder owns or works on. */
export type DealReach = 'any-deal' | 'own-deals';

/** Managers and admins act on any deal; integrations, implementation and sales-ops too, within their commands. */
export const DEAL_COMMAND_REACH: Readonly<Record<OrganisationRole, DealReach>> = {
  rep: 'own-deals',
  manager: 'any-deal',
  'sales-ops': 'any-deal',
  finance: 'any-deal',
  implementation: 'any-deal',
  admin: 'any-deal',
  integration: 'any-deal',
};

export interface DealCommandGrant {
  readonly role: OrganisationRole;
  readonly reach: DealReach;
}

/** Who may issue a command and how far: the permission table, one row. OpenDeal has no deal yet to own. */
export function dealCommandGrants(commandType: DealCommandType): readonly DealCommandGrant[] {
  return (DEAL_COMMAND_ROLES[commandType] ?? []).map((role) => ({
    role,
    reach: commandType === 'OpenDeal' ? 'any-deal' : DEAL_COMMAND_REACH[role],
  }));
}

/** The owner and every member of the team, whatever their team role. */
export function worksOnDeal(deal: Pick<DealState, 'ownerId' | 'team'>, userId: string): boolean {
  return deal.ownerId === userId || deal.team.some((member) => member.userId === userId);
}

export const dealPermission = (commandType: string) => `deal:${commandType}`;

/**
 * May the actor issue this command on this deal? By organisation role, by the role's reach
 * (reps: own deals only) and by deal-team role (a support rep may not change commercial terms).
 * A deal that does not exist yet has no team to check: `decide` answers it (OpenDeal, or 404).
 */
export function authorizeDealCommand(
  commandType: DealCommandType,
  actor: Actor,
  deal: DealState,
  dealId: string = deal.dealId,
): AccessDecision {
  const grants = dealCommandGrants(commandType);
  const allowedRoles = grants.map((grant) => grant.role);
  const base = { permission: dealPermission(commandType), resource: `deal/${dealId}`, allowedRoles };
  const held = grants.filter((grant) => actor.roles.includes(grant.role));
  if (held.length === 0) {
    return denied({ ...base, reason: 'role', explanation: `${commandType} needs one of the roles ${allowedRoles.join(', ')}` });
  }
  const onDeal = !deal.exists || worksOnDeal(deal, actor.id);
  if (!held.some((grant) => grant.reach === 'any-deal' || onDeal)) {
    const anyDeal = grants.filter((grant) => grant.reach === 'any-deal').map((grant) => grant.role);
    return denied({
      ...base,
      reason: 'not-on-deal',
      explanation: `a ${held.map((g) => g.role).join('/')} may issue ${commandType} only on deals they own or are on the team of` +
        (anyDeal.length ? `; on any deal: ${anyDeal.join(', ')}` : ''),
    });
  }
  if (deal.exists && COMMERCIAL_TERMS_COMMANDS.includes(commandType) && holdsOnlySupportRep(deal.team, actor.id)) {
    return denied({
      ...base,
      reason: 'support-rep',
      explanation: `a support rep on the deal team may not change commercial terms (${COMMERCIAL_TERMS_COMMANDS.join(', ')})`,
    });
  }
  return ALLOWED;
}
