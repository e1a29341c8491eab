import { Actor } from '../shared/message';
import { DealCommandType } from './deal.commands';

/** Organisation roles (on the actor), as opposed to the roles a person holds on one deal's team. */
export type OrganisationRole = 'rep' | 'manager' | 'sales-ops' | 'finance' | 'implementation' | 'admin' | 'integration';

export const ORGANISATION_ROLES: readonly OrganisationRole[] = [
  'rep', 'manager', 'sales-ops', 'finance', 'implementation', 'admin', 'integration',
];

const SELLING: readonly OrganisationRole[] = ['rep', 'manager'];
/** Email, calendar and e-signature integrations record buyer facts on a rep's behalf. */
const FACTS: readonly OrganisationRole[] = ['rep', 'manager', 'integration'];
const DELIVERY: readonly OrganisationRole[] = ['implementation', 'manager'];

/**
 * Which organisation roles may issue each deal command. The decider itself enforces only the
 * rules that are part of the domain (OverrideStage needs a manager; a support rep on the deal
 * team may not change commercial terms); the API's guard applies this table to everything else.
 */
export const DEAL_COMMAND_ROLES: Readonly<Record<DealCommandType, readonly OrganisationRole[]>> = {
  OpenDeal: FACTS,
  RecordContactMade: FACTS,
  RecordBuyerResponded: FACTS,
  BookMeeting: FACTS,
  ConfirmDecisionMaker: SELLING,
  NoteBudget: SELLING,
  NoteDecisionTimeframe: SELLING,
  RecordDemoHeld: FACTS,
  ScheduleNextMeeting: FACTS,
  RecordRecapEmailSent: FACTS,
  RecordRecapConfirmed: FACTS,
  DeliverProposal: FACTS,
  RecordProposalAcknowledged: FACTS,
  AgreeTerms: SELLING,
  ChangeAmount: SELLING,
  AdvanceStage: SELLING,
  OverrideStage: ['manager'],
  SetCreditSplits: ['rep', 'manager', 'sales-ops'],
  CloseWon: FACTS,
  CloseLost: SELLING,
  ReverseWonDeal: ['manager', 'finance'],
  HandToImplementation: ['rep', 'manager', 'implementation'],
  StartImplementation: DELIVERY,
  GoLive: DELIVERY,
  AddTeamMember: SELLING,
  RemoveTeamMember: SELLING,
};

/** True when one of the actor's organisation roles may issue the command. */
export function mayIssue(commandType: DealCommandType, actor: Actor): boolean {
  const allowed: readonly string[] = DEAL_COMMAND_ROLES[commandType] ?? [];
  return actor.roles.some((role) => allowed.includes(role));
}
