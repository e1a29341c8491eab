import { requireText } from '../../shared/required';
import { DEAL_TEAM_ROLES, DealTeamRole } from '../deal-team';
import { DealCommandOf } from '../deal.commands';
import { DealErrors } from '../deal.errors';
import { DealEvent } from '../deal.events';
import { DealState } from '../deal.state';

export function isOnTeam(state: DealState, userId: string, role: DealTeamRole): boolean {
  return state.team.some((member) => member.userId === userId && member.role === role);
}

/** A validated TeamMemberAdded event. */
export function teamMemberAdded(userId: string, role: DealTeamRole): DealEvent {
  requireText(userId, 'userId');
  if (!DEAL_TEAM_ROLES.includes(role)) throw DealErrors.teamRoleUnknown(role, DEAL_TEAM_ROLES);
  return { type: 'TeamMemberAdded', data: { userId, role } };
}

/** A user may hold several roles on a deal, but each role only once. */
export function addTeamMember(command: DealCommandOf<'AddTeamMember'>, state: DealState): DealEvent[] {
  const { userId, role } = command.data;
  const event = teamMemberAdded(userId, role);
  if (isOnTeam(state, userId, role)) throw DealErrors.teamMemberExists(userId, role);
  return [event];
}

export function removeTeamMember(command: DealCommandOf<'RemoveTeamMember'>, state: DealState): DealEvent[] {
  const { userId, role } = command.data;
  if (!isOnTeam(state, userId, role)) throw DealErrors.teamMemberNotFound(userId, role);
  return [{ type: 'TeamMemberRemoved', data: { userId, role } }];
}
