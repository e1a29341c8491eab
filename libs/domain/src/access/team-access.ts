import { TeamCommand } from '../team/team.commands';
import { AccessDecision, denied } from './access-decision';
import { authorize } from './authorize';
import { rolesGranted } from './operations';
import { Relations } from './relations';

/**
 * A rep's default team: the rep, their managers, sales-ops, admin. An account team: sales-ops and
 * admin. As with a deal team, nobody puts themselves on deals that are not theirs: only the rep
 * may be on their own default team by their own hand, and nobody on an account team they set.
 */
export function authorizeTeamCommand(command: TeamCommand, relations: Relations): AccessDecision {
  const { actor } = command.metadata;
  const members = Array.isArray(command.data.members) ? command.data.members : [];
  const onIt = members.some((member) => member.userId === actor.id);
  if (command.type === 'SetDefaultTeam') {
    const personId = String(command.data.userId);
    const decision = authorize('team:SetDefaultTeam', actor, { kind: 'person', personId }, relations);
    if (!decision.allowed || !onIt || personId === actor.id) return decision;
    return denied({
      permission: 'team:SetDefaultTeam', resource: `person/${personId}`, reason: 'self', allowedRoles: rolesGranted('team:SetDefaultTeam'),
      explanation: `nobody puts themselves on someone else's default team (${actor.id} is listed on ${personId}'s)`,
    });
  }
  const decision = authorize('team:SetAccountTeam', actor, { kind: 'organisation' }, relations);
  if (!decision.allowed || !onIt) return decision;
  return denied({
    permission: 'team:SetAccountTeam', resource: 'organisation', reason: 'self', allowedRoles: rolesGranted('team:SetAccountTeam'),
    explanation: `nobody puts themselves on an account team (${actor.id} is listed)`,
  });
}
