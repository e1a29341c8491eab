import { Actor } from '../../shared/message';
import { AccessDecision } from '../access-decision';
import { authorize } from '../authorize';
import { NO_RELATIONS } from '../relations';
import { UserCommandType } from './user.commands';

/** Only admins register people and change their roles, and never their own. */
export function authorizeUserCommand(commandType: UserCommandType, actor: Actor, userId: string): AccessDecision {
  return authorize(`user:${commandType}`, actor, { kind: 'person', personId: userId }, NO_RELATIONS);
}
