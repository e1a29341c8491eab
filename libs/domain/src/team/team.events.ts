import { DomainEvent } from '../shared/message';
import { TeamTemplateMember, TeamTemplateMode } from './team-template';

export type TeamEvent =
  /** Stream `default-team-<userId>`: the person's default team from now on (the whole team, not a change). */
  | DomainEvent<'DefaultTeamSet', { userId: string; members: readonly TeamTemplateMember[]; mode: TeamTemplateMode }>
  /** Stream `account-team-<accountKey>`: the account's team from now on; `account` is the name as it was typed. */
  | DomainEvent<'AccountTeamSet', { account: string; accountKey: string; members: readonly TeamTemplateMember[]; mode: TeamTemplateMode }>;

export type TeamEventType = TeamEvent['type'];
