import { ORGANISATION_ROLES, OrganisationRole } from '../../deal/deal-access';
import { DealCommandType } from '../../deal/deal.commands';

// The expected table, written out by hand from the product rules so the specs do not merely
// restate the code. A = any deal; O = deals the actor owns or is on the team of; W = deals the
// actor owns; R = O, or a deal a report of the actor (down the chain) owns or is on the team of;
// L = deals owned by the actor or by one of their reports; N = won deals; - = never.
// Columns: rep, manager, sales-ops, finance, implementation, admin, integration.
export const EXPECTED_DEAL_PERMISSIONS: Record<DealCommandType, string> = {
  OpenDeal: 'A A - - - A A',
  RecordContactMade: 'O R - - - A A',
  RecordBuyerResponded: 'O R - - - A A',
  BookMeeting: 'O R - - - A A',
  ConfirmDecisionMaker: 'O R - - - A -',
  NoteBudget: 'O R - - - A -',
  NoteDecisionTimeframe: 'O R - - - A -',
  RecordDemoHeld: 'O R - - - A A',
  ScheduleNextMeeting: 'O R - - - A A',
  RecordRecapEmailSent: 'O R - - - A A',
  RecordRecapConfirmed: 'O R - - - A A',
  DeliverProposal: 'O R - - - A A',
  RecordProposalAcknowledged: 'O R - - - A A',
  RecordBuyerFact: 'O R - - - A A',
  AgreeTerms: 'O R - - - A -',
  ChangeAmount: 'O R - - - A -',
  AdvanceStage: 'O R - - - A -',
  OverrideStage: '- R - - - - -',
  SetCreditSplits: 'O R A - - A -',
  CloseWon: 'O R - - - A A',
  CloseLost: 'O R - - - A -',
  HandToImplementation: 'O R - - N A -',
  StartImplementation: '- R - - N A -',
  GoLive: '- R - - N A -',
  AddTeamMember: 'W L A - - A -',
  RemoveTeamMember: 'W L A - - A -',
  ReverseWonDeal: '- R - - - A -',
  ReviewDealChange: '- L A A - - -',
  WithdrawDealChange: 'O R A - N A A',
  DecideDealDesk: '- L - - - - -',
  MigrateDealPipeline: '- - A - - A -',
};
/** A support rep may not change amount, line items, terms, close won or splits. */
const COMMERCIAL = new Set<DealCommandType>(['ChangeAmount', 'AgreeTerms', 'CloseWon', 'SetCreditSplits']);

/** Where the actor stands towards the deal. */
export type Situation =
  | 'owner'
  | 'on the team'
  | 'support rep on the team'
  | 'not on the team'
  | 'a report owns it'
  | 'a report is on the team'
  | 'won, not on the team';
export const SITUATIONS: readonly Situation[] = [
  'owner', 'on the team', 'support rep on the team', 'not on the team', 'a report owns it', 'a report is on the team', 'won, not on the team',
];

const OWN: readonly Situation[] = ['owner', 'on the team', 'support rep on the team'];

/** Allowed by the hand-written table? */
export function expectedAllowed(type: DealCommandType, role: OrganisationRole, situation: Situation): boolean {
  const cell = EXPECTED_DEAL_PERMISSIONS[type].split(' ')[ORGANISATION_ROLES.indexOf(role)];
  const reaches = {
    '-': false,
    A: true,
    O: OWN.includes(situation),
    W: situation === 'owner',
    R: OWN.includes(situation) || situation === 'a report owns it' || situation === 'a report is on the team',
    L: situation === 'owner' || situation === 'a report owns it',
    N: situation === 'won, not on the team',
  }[cell];
  if (reaches === undefined) throw new Error(`bad cell ${cell} for ${type}`);
  return reaches && !(situation === 'support rep on the team' && COMMERCIAL.has(type));
}
