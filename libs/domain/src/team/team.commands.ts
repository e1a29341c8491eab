import { Command } from '../shared/message';
import { TeamTemplateMember, TeamTemplateMode } from './team-template';

export type TeamCommand =
  /** Replaces a person's default team: `userId` is the rep whose new deals it serves. */
  | Command<'SetDefaultTeam', { userId: string; members: readonly TeamTemplateMember[]; mode: TeamTemplateMode }>
  /** Replaces the team every deal of the account gets. */
  | Command<'SetAccountTeam', { account: string; members: readonly TeamTemplateMember[]; mode: TeamTemplateMode }>;

export type TeamCommandType = TeamCommand['type'];
