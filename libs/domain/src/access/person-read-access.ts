import { OrganisationRole } from '../deal/deal-access';
import { Actor } from '../shared/message';
import { AccessDecision, ALLOWED, denied } from './access-decision';

/** Roles that read every person's record (who worked which deal, statements). */
export const READ_EVERY_PERSON: readonly OrganisationRole[] = ['sales-ops', 'finance', 'admin'];

export const PERSON_READ_PERMISSION = 'person:read';

/** Anyone reads their own record; a manager their direct reports'; sales-ops, finance and admin everyone's. */
export function authorizePersonRead(actor: Actor, personId: string, managerOfPerson: string | undefined): AccessDecision {
  if (actor.id === personId) return ALLOWED;
  if (actor.roles.some((role) => (READ_EVERY_PERSON as readonly string[]).includes(role))) return ALLOWED;
  if (actor.roles.includes('manager') && managerOfPerson === actor.id) return ALLOWED;
  return denied({
    permission: PERSON_READ_PERMISSION,
    resource: `person/${personId}`,
    reason: actor.roles.includes('manager') ? 'not-report' : 'other-person',
    explanation: `a person's record is readable by them, their manager, and ${READ_EVERY_PERSON.join(', ')}`,
    allowedRoles: ['manager', ...READ_EVERY_PERSON],
  });
}
