import { requireText } from '../../shared/required';
import { TeamErrors } from '../../team/team.errors';
import { DEAL_TEAM_ROLES, DealTeamRole, TEAM_ACCESS_LEVELS, TeamAccess, TeamMemberSource } from '../deal-team';
import { DealCommandOf } from '../deal.commands';
import { DealErrors } from '../deal.errors';
import { DealEvent } from '../deal.events';
import { DealState } from '../deal.state';

export function isOnTeam(state: DealState, userId: string, role: DealTeamRole): boolean {
  return state.team.some((member) => member.userId === userId && member.role === role);
}

/** A validated TeamMemberAdded event; `full` access is not written (it is what an absent access means). */
export function teamMemberAdded(userId: string, role: DealTeamRole, access: TeamAccess = 'full', source?: TeamMemberSource): DealEvent {
  requireText(userId, 'userId');
  if (!DEAL_TEAM_ROLES.includes(role)) throw DealErrors.teamRoleUnknown(role, DEAL_TEAM_ROLES);
  if (!TEAM_ACCESS_LEVELS.includes(access)) throw TeamErrors.accessUnknown('access', access, TEAM_ACCESS_LEVELS);
  const data = { userId, role, ...(access === 'full' ? {} : { access }), ...(source === undefined ? {} : { source }) };
  return { type: 'TeamMemberAdded', data };
}

/** A user may hold several roles on a deal, but each role only once. */
export function addTeamMember(command: DealCommandOf<'AddTeamMember'>, state: DealState): DealEvent[] {
  const { userId, role, access } = command.data;
  const event = teamMemberAdded(userId, role, access ?? 'full');
  if (isOnTeam(state, userId, role)) throw DealErrors.teamMemberExists(userId, role);
  return [event];
}

export function removeTeamMember(command: DealCommandOf<'RemoveTeamMember'>, state: DealState): DealEvent[] {
  const { userId, role } = command.data;
  if (!isOnTeam(state, userId, role)) throw DealErrors.teamMemberNotFound(userId, role);
  return [{ type: 'TeamMemberRemoved', data: { userId, role } }];
}
