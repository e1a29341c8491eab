import { ORGANISATION_ROLES, OrganisationRole } from '../../deal/deal-access';
import { DealCommandType } from '../../deal/deal.commands';

// The expected table, written out by hand from the product rules so the spec does not merely
// restate the code: A = any deal, O = only deals the actor owns or is on the team of, - = never.
// Columns: rep, manager, sales-ops, finance, implementation, admin, integration.
export const EXPECTED_DEAL_PERMISSIONS: Record<DealCommandType, string> = {
  OpenDeal: 'A A - - - A A',
  RecordContactMade: 'O A - - - A A',
  RecordBuyerResponded: 'O A - - - A A',
  BookMeeting: 'O A - - - A A',
  ConfirmDecisionMaker: 'O A - - - A -',
  NoteBudget: 'O A - - - A -',
  NoteDecisionTimeframe: 'O A - - - A -',
  RecordDemoHeld: 'O A - - - A A',
  ScheduleNextMeeting: 'O A - - - A A',
  RecordRecapEmailSent: 'O A - - - A A',
  RecordRecapConfirmed: 'O A - - - A A',
  DeliverProposal: 'O A - - - A A',
  RecordProposalAcknowledged: 'O A - - - A A',
  AgreeTerms: 'O A - - - A -',
  ChangeAmount: 'O A - - - A -',
  AdvanceStage: 'O A - - - A -',
  OverrideStage: '- A - - - - -',
  SetCreditSplits: 'O A A - - A -',
  CloseWon: 'O A - - - A A',
  CloseLost: 'O A - - - A -',
  ReverseWonDeal: '- A - - - A -',
  HandToImplementation: 'O A - - A A -',
  StartImplementation: '- A - - A A -',
  GoLive: '- A - - A A -',
  AddTeamMember: 'O A - - - A -',
  RemoveTeamMember: 'O A - - - A -',
};
/** A support rep may not change amount, line items, terms, close won or splits. */
const COMMERCIAL = new Set<DealCommandType>(['ChangeAmount', 'AgreeTerms', 'CloseWon', 'SetCreditSplits']);

export type Situation = 'on the team' | 'not on the team' | 'support rep on the team';
export const SITUATIONS: readonly Situation[] = ['on the team', 'not on the team', 'support rep on the team'];

/** Allowed by the hand-written table? */
export function expectedAllowed(type: DealCommandType, role: OrganisationRole, situation: Situation): boolean {
  const cell = EXPECTED_DEAL_PERMISSIONS[type].split(' ')[ORGANISATION_ROLES.indexOf(role)];
  if (cell === '-') return false;
  if (cell === 'O' && situation === 'not on the team') return false;
  return !(situation === 'support rep on the team' && COMMERCIAL.has(type));
}
