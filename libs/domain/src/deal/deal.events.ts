import { DomainEvent } from '../shared/message';
import { Evidence } from '../shared/evidence';
import { CreditShare } from './credit-split';
import { DealTeamRole, TeamAccess, TeamMemberSource } from './deal-team';

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

/** Why agreed terms wait for the deal desk: a discount beyond the limit, payment terms beyond the limit (or unreadable). */
export type DealDeskReason = 'discount' | 'payment-terms';

/** Where one part of the reference price came from, and its discount limit. */
export interface DealDeskReference {
  /** Absent when the deal has no line items: the reference is its amount at opening. */
  readonly productCode?: string;
  readonly quantity?: number;
  readonly referenceMinor: number;
  readonly maxDiscountBp: number;
  /** The price list (unit list price × quantity), the deal at its opening (unit amount then × quantity), or the line as entered (a product added since). */
  readonly basis: 'list-price' | 'opening' | 'entered';
}

/** Carried by an event an approval applied: whose proposal it was and who approved it. */
export interface ChangeApproval {
  readonly proposalId: string;
  readonly proposedBy: string;
  readonly approvedBy: string;
}

export interface CriterionFinding {
  readonly stageId: string;
  readonly criterionId: string;
  readonly label: string;
  readonly met: boolean;
  /** The evidence that meets it; absent when missing. */
  readonly evidence?: readonly Evidence[];
}

/**
 * Where a deal lands in a new version and why: `kept` its stage (it exists in the new version),
 * or `first-unmet` (its stage is gone: the first open stage whose criteria are not all met).
 * `criteria` lists every criterion of the open stages up to and including that stage: those of
 * earlier stages show what the deal is taken to have passed, met or not.
 */
export interface MigrationFinding {
  readonly placement: 'kept' | 'first-unmet';
  readonly criteria: readonly CriterionFinding[];
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
  /** A fact of a custom type declared by the deal's pipeline version; `attributes` as declared. */
  | DomainEvent<'BuyerFactRecorded', { factType: string; attributes: Readonly<Record<string, string | number | boolean>>; evidence: Evidence }>
  /** The deal now follows `toVersion` of its pipeline, in `stageId`; `finding` shows each criterion up to that stage, met or missing. */
  | DomainEvent<'DealPipelineMigrated', {
      pipelineId: string; fromVersion: number; toVersion: number; fromStageId: string; stageId: string; finding: MigrationFinding;
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
  /**
   * `access` is written only when it is less than `full`; `source` only when a standing team (the
   * owner's default team, the account's team) brought the member at the deal's opening.
   */
  | DomainEvent<'TeamMemberAdded', { userId: string; role: DealTeamRole; access?: TeamAccess; source?: TeamMemberSource }>
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
  | DomainEvent<'DealChangeWithdrawn', { proposalId: string; proposedBy: string }>
  /**
   * Follows `TermsAgreed` in the same append when the terms are beyond the deal desk's limits:
   * the deal cannot close won until a manager approves. `paymentTermsDays` is absent when the
   * terms cannot be read as a number of days.
   */
  | DomainEvent<'DealDeskApprovalRequested', {
      requestId: string; requestedBy: string; reasons: readonly DealDeskReason[];
      priceMinor: number; referenceMinor: number; discountBp: number; paymentTerms: string; paymentTermsDays?: number;
      limits: { maxDiscountBp: number; floorPriceMinor: number; maxPaymentTermsDays: number };
      references: readonly DealDeskReference[];
    }>
  | DomainEvent<'DealDeskApproved', { requestId: string; requestedBy: string; approverId: string; reason: string }>
  | DomainEvent<'DealDeskRejected', { requestId: string; requestedBy: string; approverId: string; reason: string }>;

export type DealEventType = DealEvent['type'];
export type DealEventOf<T extends DealEventType> = Extract<DealEvent, { type: T }>;
