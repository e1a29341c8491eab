import { TeamMember } from './deal-team';
import { DealCommandType } from './deal.commands';

/** Organisation roles (on the actor), as opposed to the roles a person holds on one deal's team. */
export type OrganisationRole = 'rep' | 'manager' | 'sales-ops' | 'finance' | 'implementation' | 'admin' | 'integration';

export const ORGANISATION_ROLES: readonly OrganisationRole[] = [
  'rep', 'manager', 'sales-ops', 'finance', 'implementation', 'admin', 'integration',
];

/**
 * Commands that change commercial terms (contract, amount, line items, close, splits): a person
 * whose only role on the deal's team is support rep may not issue them. The decider refuses them
 * (DEAL.COMMERCIAL_TERMS_FORBIDDEN) for callers that bypass the access table (access/operations.ts),
 * which marks the same commands and denies them first.
 */
export const COMMERCIAL_TERMS_COMMANDS: readonly DealCommandType[] = ['AgreeTerms', 'ChangeAmount', 'CloseWon', 'SetCreditSplits'];

/** True when every role `userId` holds on the team is support rep (false when not on the team). */
export function holdsOnlySupportRep(team: readonly TeamMember[], userId: string): boolean {
  const memberships = team.filter((member) => member.userId === userId);
  return memberships.length > 0 && memberships.every((member) => member.role === 'support-rep');
}
