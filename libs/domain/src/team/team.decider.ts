import { UserErrors } from '../access/user/user.errors';
import { requireUserId } from '../access/user/user.decider';
import { DEAL_TEAM_ROLES, TEAM_ACCESS_LEVELS } from '../deal/deal-team';
import { DealErrors } from '../deal/deal.errors';
import { Decider } from '../shared/decider';
import { requireText } from '../shared/required';
import { TEAM_TEMPLATE_MODES, TeamTemplate, TeamTemplateMember } from './team-template';
import { accountKey } from './team-streams';
import { TeamCommand } from './team.commands';
import { TeamErrors } from './team.errors';
import { TeamEvent } from './team.events';
import { initialTeamTemplateState, TeamTemplateState } from './team.state';

export type TeamDecider = Decider<TeamTemplateState, TeamCommand, TeamEvent>;

/** What the team rules read beyond the stream: who may be on a team, as the user directory knows it now. */
export interface TeamPolicy {
  /** Why the person may not be on a team (not registered, deactivated), or undefined when they may. */
  memberIneligibility(userId: string): string | undefined;
  /** Is this a registered person (whose default team may be set)? */
  isRegistered(userId: string): boolean;
}

/** Without a directory at hand (seeds, tests) everyone counts as registered and active. */
export const OPEN_TEAM_POLICY: TeamPolicy = { memberIneligibility: () => undefined, isRegistered: () => true };

function decide(policy: TeamPolicy) {
  return (command: TeamCommand, state: TeamTemplateState): TeamEvent[] => {
    switch (command.type) {
      case 'SetDefaultTeam': {
        const userId = requireUserId(command.data.userId, 'userId');
        if (!policy.isRegistered(userId)) throw UserErrors.notFound(userId);
        const team = checkedTeam(command.data, policy);
        if (unchanged(state, team)) return [];
        return [{ type: 'DefaultTeamSet', data: { userId, ...team } }];
      }
      case 'SetAccountTeam': {
        const account = requireText(command.data.account, 'account').trim();
        const team = checkedTeam(command.data, policy);
        if (unchanged(state, team) && state.of === account) return [];
        return [{ type: 'AccountTeamSet', data: { account, accountKey: accountKey(account), ...team } }];
      }
    }
  };
}

/** Known roles, access levels and mode; registered, active people; each person in each role once. */
function checkedTeam(data: { members?: unknown; mode?: unknown }, policy: TeamPolicy): TeamTemplate {
  if (!(TEAM_TEMPLATE_MODES as readonly unknown[]).includes(data.mode)) throw TeamErrors.modeUnknown(data.mode, TEAM_TEMPLATE_MODES);
  const given = Array.isArray(data.members) ? (data.members as readonly TeamTemplateMember[]) : [];
  const seen = new Set<string>();
  const members = given.map((member, index) => {
    const userId = requireUserId(member?.userId, `members[${index}].userId`);
    if (!DEAL_TEAM_ROLES.includes(member.role)) throw DealErrors.teamRoleUnknown(member.role, DEAL_TEAM_ROLES);
    if (!TEAM_ACCESS_LEVELS.includes(member.access)) throw TeamErrors.accessUnknown(`members[${index}].access`, member.access, TEAM_ACCESS_LEVELS);
    const key = `${userId}\u0000${member.role}`;
    if (seen.has(key)) throw TeamErrors.memberDuplicate(index, userId, member.role);
    seen.add(key);
    const problem = policy.memberIneligibility(userId);
    if (problem !== undefined) throw TeamErrors.memberIneligible(index, userId, problem);
    return { userId, role: member.role, access: member.access };
  });
  return { members, mode: data.mode as TeamTemplate['mode'] };
}

function unchanged(state: TeamTemplateState, team: TeamTemplate): boolean {
  return state.exists && state.mode === team.mode && state.members.length === team.members.length
    && state.members.every((m, i) => m.userId === team.members[i].userId && m.role === team.members[i].role && m.access === team.members[i].access);
}

function evolve(state: TeamTemplateState, event: TeamEvent): TeamTemplateState {
  const at = event.metadata === undefined ? {} : { setAt: event.metadata.occurredAt, setBy: event.metadata.actor.id };
  switch (event.type) {
    case 'DefaultTeamSet':
      return { exists: true, of: event.data.userId, members: event.data.members, mode: event.data.mode, ...at };
    case 'AccountTeamSet':
      return { exists: true, of: event.data.account, members: event.data.members, mode: event.data.mode, ...at };
    default:
      return state;
  }
}

/** A rep's default team or an account's team: one stream each, replaced as a whole. */
export function createTeamDecider(policy: TeamPolicy = OPEN_TEAM_POLICY): TeamDecider {
  return { decide: decide(policy), evolve, initialState: initialTeamTemplateState };
}
