import { DomainEvent } from '../shared/message';
import { Evidence } from '../shared/evidence';
import { CreditShare } from './credit-split';
import { DealTeamRole } from './deal-team';

/** Money is integer minor units (cents) with an ISO 4217 currency on the deal. */
export interface LineItem {
  readonly productCode: string;
  readonly amountMinor: number;
  readonly quantity: number;
}

export interface PipelineRef {
  readonly id: string;
  readonly version: number;
}

export interface CriterionEvidence {
  readonly criterionId: string;
  readonly evidence: readonly Evidence[];
}

/** Why a change to a deal waits for someone else's approval. */
export type ApprovalReason = 'after-close' | 'names-others' | 'backdated';

/** Carried by an event an approval applied: whose proposal it was and who approved it. */
export interface ChangeApproval {
  readonly proposalId: string;
  readonly proposedBy: string;
  readonly approvedBy: string;
}

export type DealEvent =
  | DomainEvent<'DealOpened', {
      dealId: string; name: string; account: { name: string; industry?: string };
      ownerId: string; currency: string; expectedAmountMinor: number; lineItems: readonly LineItem[];
      pipeline: PipelineRef; stageId: string;
    }>
  | DomainEvent<'ContactMade', { channel: string; evidence: Evidence }>
  | DomainEvent<'BuyerResponded', { evidence: Evidence }>
  | DomainEvent<'MeetingBooked', { meetingId: string; scheduledFor: string; evidence: Evidence }>
  | DomainEvent<'DecisionMakerConfirmed', { contactName: string; contactTitle?: string; evidence: Evidence }>
  | DomainEvent<'BudgetNoted', { minMinor?: number; maxMinor: number; evidence: Evidence }>
  | DomainEvent<'DecisionTimeframeNoted', { decisionBy: string; evidence: Evidence }>
  | DomainEvent<'DemoHeld', { attended: boolean; questionsAnswered: boolean; evidence: Evidence }>
  | DomainEvent<'NextMeetingScheduled', { meetingId: string; scheduledFor: string; evidence: Evidence }>
  | DomainEvent<'RecapEmailSent', { evidence: Evidence }>
  | DomainEvent<'RecapConfirmedByBuyer', { evidence: Evidence }>
  | DomainEvent<'ProposalDelivered', { evidence: Evidence }>
  | DomainEvent<'ProposalAcknowledged', { evidence: Evidence }>
  | DomainEvent<'TermsAgreed', {
      priceMinor: number; paymentTerms: string; deliveryTimeline: string; evidence: Evidence;
    }>
  | DomainEvent<'AmountChanged', {
      previousAmountMinor: number; expectedAmountMinor: number; lineItems: readonly LineItem[]; reason: string;
    }>
  | DomainEvent<'StageAdvanced', {
      fromStageId: string; toStageId: string; satisfiedBy: readonly CriterionEvidence[];
    }>
  | DomainEvent<'StageOverridden', {
      fromStageId: string; toStageId: string; missingCriteria: readonly string[]; reason: string; managerId: string;
    }>
  | DomainEvent<'DealClosedWon', {
      fromStageId: string; amountMinor: number; lineItems: readonly LineItem[]; signedOrder: Evidence;
    }>
  | DomainEvent<'DealClosedLost', { fromStageId: string; reason: string; evidence?: Evidence }>
  | DomainEvent<'WonDealReversed', { reason: string; evidence?: Evidence }>
  | DomainEvent<'DealHandedToImplementation', {
      implementationLeadId: string; customerSuccessManagerId: string; evidence?: Evidence;
    }>
  | DomainEvent<'ImplementationStarted', { evidence?: Evidence }>
  | DomainEvent<'DealWentLive', { evidence: Evidence }>
  | DomainEvent<'TeamMemberAdded', { userId: string; role: DealTeamRole }>
  | DomainEvent<'TeamMemberRemoved', { userId: string; role: DealTeamRole }>
  /** Replaces the deal's credit splits; the split in force at a moment is the last one set by then. */
  | DomainEvent<'CreditSplitsSet', { revenue: readonly CreditShare[]; overlay: readonly CreditShare[]; reason?: string; approval?: ChangeApproval }>
  /** A won deal's amount or line items corrected after the close (always through an approval). */
  | DomainEvent<'WonAmountCorrected', {
      previousAmountMinor: number; amountMinor: number; lineItems: readonly LineItem[]; reason: string; approval?: ChangeApproval;
    }>
  /**
   * A change that waits for approval: the command as sent (`change`), its business time, who
   * proposed it and why it needs approval. Nothing changes until `DealChangeApproved`.
   */
  | DomainEvent<'DealChangeProposed', {
      proposalId: string; change: { readonly type: string; readonly data: unknown }; occurredAt: string; proposedBy: string;
      /** The proposer's organisation roles when proposing: the applied events are theirs. */
      proposerRoles?: readonly string[];
      reasons: readonly ApprovalReason[];
    }>
  /**
   * Followed in the same append by the events of the change, each carrying `approval`, with the
   * proposer as their actor and the proposal's business time.
   */
  | DomainEvent<'DealChangeApproved', { proposalId: string; proposedBy: string; approverId: string; reason?: string }>
  | DomainEvent<'DealChangeRejected', { proposalId: string; proposedBy: string; approverId: string; reason: string }>
  | DomainEvent<'DealChangeWithdrawn', { proposalId: string; proposedBy: string }>;

export type DealEventType = DealEvent['type'];
export type DealEventOf<T extends DealEventType> = Extract<DealEvent, { type: T }>;
