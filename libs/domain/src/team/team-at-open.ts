import { TeamAccess, TeamMember, TeamMemberSource } from '../deal/deal-team';
import { TeamTemplate } from './team-template';

/** The standing teams of a deal being opened: its owner's default team and its account's team, as set now. */
export interface StandingTeams {
  readonly defaultTeam?: TeamTemplate & { readonly ownerId: string };
  readonly accountTeam?: TeamTemplate & { readonly account: string };
  /** Why a member may no longer join (deactivated since the team was set), or undefined. Default: everyone may. */
  readonly memberIneligibility?: (userId: string) => string | undefined;
}

/** A member a standing team brings to a deal, with where they came from. */
export interface StandingMember {
  readonly userId: string;
  readonly role: TeamMember['role'];
  readonly access: TeamAccess;
  readonly source: TeamMemberSource;
}

/**
 * Who joins a deal at its opening and who is offered: the owner's default team first, then the
 * account's team. Members of teams that add automatically join; then members of teams that offer
 * are offered. A person already on the deal in that role (named in the command, or brought by
 * the other team) is neither added nor offered again; nor is anyone who may no longer join.
 */
export function standingMembers(teams: StandingTeams, onTeam: readonly Pick<TeamMember, 'userId' | 'role'>[]): { add: StandingMember[]; offer: StandingMember[] } {
  const taken = new Set(onTeam.map((member) => keyOf(member)));
  const sources: { team: TeamTemplate; source: TeamMemberSource }[] = [
    ...(teams.defaultTeam ? [{ team: teams.defaultTeam, source: { kind: 'default-team', ownerId: teams.defaultTeam.ownerId } as const }] : []),
    ...(teams.accountTeam ? [{ team: teams.accountTeam, source: { kind: 'account-team', account: teams.accountTeam.account } as const }] : []),
  ];
  const pick = (mode: TeamTemplate['mode']): StandingMember[] => sources.filter(({ team }) => team.mode === mode).flatMap(({ team, source }) =>
    team.members.flatMap(({ userId, role, access }) => {
      const key = keyOf({ userId, role });
      if (taken.has(key) || teams.memberIneligibility?.(userId) !== undefined) return [];
      taken.add(key);
      return [{ userId, role, access, source }];
    }));
  const add = pick('add-automatically');
  return { add, offer: pick('offer') };
}

const keyOf = (member: Pick<TeamMember, 'userId' | 'role'>) => `${member.userId}\u0000${member.role}`;
