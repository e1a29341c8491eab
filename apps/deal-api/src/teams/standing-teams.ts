import { aggregateStream } from '@deals/command-pipeline';
import {
  accountTeamStreamId, createTeamDecider, defaultTeamStreamId, StandingMember, standingMembers, StandingTeams, TeamMember, TeamPolicy,
  TeamTemplateState, USER_ID,
} from '@deals/domain';
import { EventStore } from '@deals/event-store';
import { UserDirectory } from '@deals/projections';

const teams = createTeamDecider();

/** Who may be on a team, as the user directory knows it now: registered and active. */
export function teamPolicy(directory: Pick<UserDirectory, 'find'>): TeamPolicy {
  return {
    isRegistered: (userId) => directory.find(userId) !== undefined,
    memberIneligibility: (userId) => {
      const user = directory.find(userId);
      if (!user) return 'not a registered user';
      return user.active ? undefined : 'deactivated';
    },
  };
}

export interface ReadTeam {
  readonly state: TeamTemplateState;
  /** The team stream's revision, -1 when it was never set. */
  readonly revision: number;
}

const NEVER_SET: ReadTeam = { state: teams.initialState(), revision: -1 };

/** A rep's default team as set last (an empty team in `offer` mode when never set). */
export async function readDefaultTeam(store: EventStore, userId: string): Promise<ReadTeam> {
  if (!USER_ID.test(userId)) return NEVER_SET;
  const { state, revision } = await aggregateStream(store, defaultTeamStreamId(userId), teams);
  return { state, revision };
}

/** An account's team as set last (an empty team in `offer` mode when never set). */
export async function readAccountTeam(store: EventStore, account: string): Promise<ReadTeam> {
  if (account.trim() === '') return NEVER_SET;
  const { state, revision } = await aggregateStream(store, accountTeamStreamId(account), teams);
  return { state, revision };
}

/** The standing teams of a deal owned by `ownerId` on `account`, read from their streams now. */
export async function readStandingTeams(store: EventStore, directory: Pick<UserDirectory, 'find'>, ownerId: string, account: string): Promise<StandingTeams> {
  const [{ state: own }, { state: accounts }] = await Promise.all([readDefaultTeam(store, ownerId), readAccountTeam(store, account)]);
  return {
    ...(own.exists ? { defaultTeam: { ownerId, members: own.members, mode: own.mode } } : {}),
    ...(accounts.exists ? { accountTeam: { account: accounts.of, members: accounts.members, mode: accounts.mode } } : {}),
    memberIneligibility: teamPolicy(directory).memberIneligibility,
  };
}

/** Members the standing teams offer a deal with this team (those in `offer` mode, not on it yet, still active). */
export function offeredMembers(standing: StandingTeams, team: readonly TeamMember[]): StandingMember[] {
  return standingMembers(standing, team).offer;
}
