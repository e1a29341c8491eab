import { DealTeamRole, TeamAccess } from '../deal/deal-team';

/**
 * What happens to a team when a deal is opened: its members join the deal in the same append
 * (`add-automatically`), or they are offered to the rep, who picks whom to add (`offer`).
 */
export type TeamTemplateMode = 'add-automatically' | 'offer';

export const TEAM_TEMPLATE_MODES: readonly TeamTemplateMode[] = ['add-automatically', 'offer'];

export interface TeamTemplateMember {
  readonly userId: string;
  readonly role: DealTeamRole;
  readonly access: TeamAccess;
}

/** The shape a rep's default team and an account team share: who, in which deal-team role, doing what, and how new deals get them. */
export interface TeamTemplate {
  readonly members: readonly TeamTemplateMember[];
  readonly mode: TeamTemplateMode;
}
