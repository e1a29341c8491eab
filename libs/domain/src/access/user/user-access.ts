import { OrganisationRole } from '../../deal/deal-access';
import { Actor } from '../../shared/message';
import { AccessDecision, ALLOWED, denied } from '../access-decision';
import { UserCommandType } from './user.commands';

/** Only admins register people and change their roles. */
export const USER_COMMAND_ROLES: Readonly<Record<UserCommandType, readonly OrganisationRole[]>> = {
  RegisterUser: ['admin'],
  ChangeUserRoles: ['admin'],
};

export function authorizeUserCommand(commandType: UserCommandType, actor: Actor, userId: string): AccessDecision {
  const allowedRoles = USER_COMMAND_ROLES[commandType];
  if (actor.roles.some((role) => (allowedRoles as readonly string[]).includes(role))) return ALLOWED;
  return denied({
    permission: `user:${commandType}`,
    resource: `person/${userId}`,
    reason: 'role',
    explanation: `${commandType} needs one of the roles ${allowedRoles.join(', ')}`,
    allowedRoles,
  });
}
