import { Command } from '../shared/message';
import { Evidence } from '../shared/evidence';
import { AmountInput } from '../shared/money';
import { CreditShare } from './credit-split';
import { DealTeamRole, TeamAccess } from './deal-team';
import { PipelineRef } from './deal.events';

/**
 * Amounts in commands (`…Minor` fields) are minor units, or decimal text (`{ decimal: "100.50" }`)
 * read in the deal's currency when the command is decided; events always hold minor units.
 */
export interface LineItemInput {
  readonly productCode: string;
  readonly amountMinor: AmountInput;
  readonly quantity: number;
}

export type DealCommand =
  | Command<'OpenDeal', {
      dealId: string; name: string; account: { name: string; industry?: string };
      ownerId: string; currency: string; expectedAmountMinor: AmountInput; lineItems?: readonly LineItemInput[];
      /** The latest version of this pipeline (default: the default pipeline's); `pipeline` names an exact version. */
      pipelineId?: string; pipeline?: PipelineRef; team?: readonly { userId: string; role: DealTeamRole; access?: TeamAccess }[];
    }>
  | Command<'RecordContactMade', { channel: string; evidence: Evidence }>
  | Command<'RecordBuyerResponded', { evidence: Evidence }>
  | Command<'BookMeeting', { meetingId: string; scheduledFor: string; evidence: Evidence }>
  | Command<'ConfirmDecisionMaker', { contactName: string; contactTitle?: string; evidence: Evidence }>
  | Command<'NoteBudget', { minMinor?: AmountInput; maxMinor: AmountInput; evidence: Evidence }>
  | Command<'NoteDecisionTimeframe', { decisionBy: string; evidence: Evidence }>
  | Command<'RecordDemoHeld', { attended: boolean; questionsAnswered: boolean; evidence: Evidence }>
  | Command<'ScheduleNextMeeting', { meetingId: string; scheduledFor: string; evidence: Evidence }>
  | Command<'RecordRecapEmailSent', { evidence: Evidence }>
  | Command<'RecordRecapConfirmed', { evidence: Evidence }>
  | Command<'DeliverProposal', { evidence: Evidence }>
  | Command<'RecordProposalAcknowledged', { evidence: Evidence }>
  | Command<'AgreeTerms', { priceMinor: AmountInput; paymentTerms: string; deliveryTimeline: string; evidence: Evidence }>
  /** A fact of a custom type the deal's pipeline version declares, checked against that declaration. */
  | Command<'RecordBuyerFact', { factType: string; attributes?: Readonly<Record<string, unknown>>; evidence: Evidence }>
  /** Moves an open deal to a newer version of its pipeline (sales-ops); already on it: nothing written. */
  | Command<'MigrateDealPipeline', { toVersion: number }>
  | Command<'ChangeAmount', { expectedAmountMinor: AmountInput; lineItems?: readonly LineItemInput[]; reason: string }>
  /** Moves to the next stage; `toStageId`, when given, must be that stage. */
  | Command<'AdvanceStage', { toStageId?: string }>
  | Command<'OverrideStage', { toStageId: string; reason: string }>
  | Command<'CloseWon', { signedOrder: Evidence; amountMinor?: AmountInput; lineItems?: readonly LineItemInput[] }>
  | Command<'CloseLost', { reason: string; evidence?: Evidence }>
  | Command<'ReverseWonDeal', { reason: string; evidence?: Evidence }>
  | Command<'HandToImplementation', { implementationLeadId: string; customerSuccessManagerId: string; evidence?: Evidence }>
  | Command<'StartImplementation', { evidence?: Evidence }>
  | Command<'GoLive', { evidence: Evidence }>
  | Command<'AddTeamMember', { userId: string; role: DealTeamRole; access?: TeamAccess }>
  | Command<'RemoveTeamMember', { userId: string; role: DealTeamRole }>
  | Command<'SetCreditSplits', { revenue: readonly CreditShare[]; overlay?: readonly CreditShare[]; reason?: string }>
  /** Someone other than the proposer, with the authority, approves or rejects a proposed change. */
  | Command<'ReviewDealChange', { proposalId: string; decision: 'approve' | 'reject'; reason?: string }>
  /** The proposer takes back a change still waiting. */
  | Command<'WithdrawDealChange', { proposalId: string }>
  /** A manager of the owner approves or rejects terms waiting for the deal desk (never their own, never in their favour). */
  | Command<'DecideDealDesk', { requestId: string; decision: 'approve' | 'reject'; reason: string }>;

export type DealCommandType = DealCommand['type'];
export type DealCommandOf<T extends DealCommandType> = Extract<DealCommand, { type: T }>;
