import { TeamTemplateMember, TeamTemplateMode } from '@deals/domain';

/** An account's team as set last, keyed by the account's key (`accountKey`). */
export interface AccountTeamDocument {
  /** The account's name as it was typed when the team was last set. */
  readonly account: string;
  readonly accountKey: string;
  readonly mode: TeamTemplateMode;
  readonly members: readonly TeamTemplateMember[];
  readonly setAt: string;
  readonly setBy: string;
  readonly position: number;
}
