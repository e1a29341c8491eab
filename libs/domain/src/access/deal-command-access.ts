import { DealCommand, DealCommandType } from '../deal/deal.commands';
import { DealState } from '../deal/deal.state';
import { Actor } from '../shared/message';
import { AccessDecision } from './access-decision';
import { authorize } from './authorize';
import { Relations } from './relations';

export const dealPermission = (commandType: string) => `deal:${commandType}`;

/** The person a deal command acts on, where one rule depends on it (nobody adds themselves to a team). */
export function dealCommandSubject(command: Pick<DealCommand, 'type' | 'data'>): string | undefined {
  return command.type === 'AddTeamMember' ? (command.data as { userId?: string }).userId : undefined;
}

/**
 * May the actor issue this command on this deal, as it stands? A deal that does not exist yet has
 * no owner or team to check: the role alone decides, and `decide` answers it (OpenDeal, or 404).
 */
export function authorizeDealCommand(
  commandType: DealCommandType,
  actor: Actor,
  deal: DealState,
  relations: Relations,
  dealId: string = deal.dealId,
  subjectId?: string,
): AccessDecision {
  const facts = deal.exists ? { dealId, ownerId: deal.ownerId, team: deal.team, status: deal.status } : undefined;
  return authorize(`deal:${commandType}`, actor, { kind: 'deal', dealId, deal: facts, subjectId }, relations);
}
