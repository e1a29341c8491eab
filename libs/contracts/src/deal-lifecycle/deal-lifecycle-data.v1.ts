import { IsoDate, IsoDateTime } from './time';

// The `data` of each deal event type as deal-lifecycle.v1 publishes it: schema version 1 of the
// engine's deal events (docs/event-catalogue.md), restated here so the contract depends on nothing.
// deal-lifecycle-data.v1.spec.ts keeps it in step with the domain's types; docs/schemas/ is
// generated from it (`npm run schemas`). Consumers ignore fields they do not know: an optional
// field may be added without a new contract.

export type EvidenceKind = 'email' | 'meeting' | 'call' | 'document' | 'calendar' | 'signature' | 'crm' | 'other';

/** Where a person can check the fact: an email Message-ID, a meeting id, a document link. */
export interface Evidence {
  readonly kind: EvidenceKind;
  readonly ref: string;
  readonly url?: string;
  readonly note?: string;
}

/** `amountMinor` is the line total in minor units of the deal's currency. */
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

export type DealTeamRole =
  | 'account-executive'
  | 'sales-development-rep'
  | 'sales-engineer'
  | 'executive-sponsor'
  | 'support-rep'
  | 'marketing-rep'
  | 'implementation-lead'
  | 'customer-success-manager';

export type TeamAccess = 'full' | 'record-facts' | 'read';

export type TeamMemberSource =
  | { readonly kind: 'default-team'; readonly ownerId: string }
  | { readonly kind: 'account-team'; readonly account: string };

/** One person's share of a deal's credit, in basis points (10,000 = 100%). */
export interface CreditShare {
  readonly userId: string;
  readonly role: DealTeamRole;
  readonly shareBp: number;
}

/** On an event a manager's approval applied: whose proposal it was and who approved it. */
export interface ChangeApproval {
  readonly proposalId: string;
  readonly proposedBy: string;
  readonly approvedBy: string;
}

export type ApprovalReason = 'after-close' | 'names-others' | 'backdated';

export type DealDeskReason = 'discount' | 'payment-terms';

export interface DealDeskReference {
  readonly productCode?: string;
  readonly quantity?: number;
  readonly referenceMinor: number;
  readonly maxDiscountBp: number;
  readonly basis: 'list-price' | 'opening' | 'entered';
}

/** A criterion of the new version at a pipeline migration, met (with the evidence) or missing. */
export interface CriterionFinding {
  readonly stageId: string;
  readonly criterionId: string;
  readonly label: string;
  readonly met: boolean;
  readonly evidence?: readonly Evidence[];
}

/** Where a migrated deal landed: `kept` its stage, or `first-unmet` (the first open stage not all met). */
export interface MigrationFinding {
  readonly placement: 'kept' | 'first-unmet';
  readonly criteria: readonly CriterionFinding[];
}

/** Event type → its `data`. */
export interface DealLifecycleDataV1 {
  readonly DealOpened: {
    readonly dealId: string;
    readonly name: string;
    readonly account: { readonly name: string; readonly industry?: string };
    readonly ownerId: string;
    /** ISO 4217. */
    readonly currency: string;
    readonly expectedAmountMinor: number;
    readonly lineItems: readonly LineItem[];
    readonly pipeline: PipelineRef;
    readonly stageId: string;
  };
  readonly ContactMade: { readonly channel: string; readonly evidence: Evidence };
  readonly BuyerResponded: { readonly evidence: Evidence };
  readonly MeetingBooked: { readonly meetingId: string; readonly scheduledFor: IsoDateTime | IsoDate; readonly evidence: Evidence };
  readonly DecisionMakerConfirmed: { readonly contactName: string; readonly contactTitle?: string; readonly evidence: Evidence };
  readonly BudgetNoted: { readonly minMinor?: number; readonly maxMinor: number; readonly evidence: Evidence };
  readonly DecisionTimeframeNoted: { readonly decisionBy: IsoDateTime | IsoDate; readonly evidence: Evidence };
  readonly DemoHeld: { readonly attended: boolean; readonly questionsAnswered: boolean; readonly evidence: Evidence };
  readonly NextMeetingScheduled: { readonly meetingId: string; readonly scheduledFor: IsoDateTime | IsoDate; readonly evidence: Evidence };
  readonly RecapEmailSent: { readonly evidence: Evidence };
  readonly RecapConfirmedByBuyer: { readonly evidence: Evidence };
  readonly ProposalDelivered: { readonly evidence: Evidence };
  readonly ProposalAcknowledged: { readonly evidence: Evidence };
  /** A fact of a type the deal's pipeline version declares; `attributes` as declared there. */
  readonly BuyerFactRecorded: { readonly factType: string; readonly attributes: { readonly [attribute: string]: string | number | boolean }; readonly evidence: Evidence };
  readonly DealPipelineMigrated: {
    readonly pipelineId: string;
    readonly fromVersion: number;
    readonly toVersion: number;
    readonly fromStageId: string;
    readonly stageId: string;
    readonly finding: MigrationFinding;
  };
  readonly TermsAgreed: { readonly priceMinor: number; readonly paymentTerms: string; readonly deliveryTimeline: string; readonly evidence: Evidence };
  readonly AmountChanged: {
    readonly previousAmountMinor: number;
    readonly expectedAmountMinor: number;
    readonly lineItems: readonly LineItem[];
    readonly reason: string;
    readonly approval?: ChangeApproval;
  };
  readonly StageAdvanced: { readonly fromStageId: string; readonly toStageId: string; readonly satisfiedBy: readonly CriterionEvidence[] };
  readonly StageOverridden: {
    readonly fromStageId: string;
    readonly toStageId: string;
    readonly missingCriteria: readonly string[];
    readonly reason: string;
    readonly managerId: string;
  };
  readonly DealClosedWon: {
    readonly fromStageId: string;
    readonly amountMinor: number;
    readonly lineItems: readonly LineItem[];
    readonly signedOrder: Evidence;
    readonly approval?: ChangeApproval;
  };
  readonly DealClosedLost: { readonly fromStageId: string; readonly reason: string; readonly evidence?: Evidence };
  readonly WonDealReversed: { readonly reason: string; readonly evidence?: Evidence };
  readonly DealHandedToImplementation: { readonly implementationLeadId: string; readonly customerSuccessManagerId: string; readonly evidence?: Evidence };
  readonly ImplementationStarted: { readonly evidence?: Evidence };
  readonly DealWentLive: { readonly evidence: Evidence; readonly approval?: ChangeApproval };
  /** `access` only when less than `full`; `source` only when a standing team brought the member at the opening. */
  readonly TeamMemberAdded: {
    readonly userId: string;
    readonly role: DealTeamRole;
    readonly access?: TeamAccess;
    readonly source?: TeamMemberSource;
    readonly approval?: ChangeApproval;
  };
  readonly TeamMemberRemoved: { readonly userId: string; readonly role: DealTeamRole; readonly approval?: ChangeApproval };
  readonly CreditSplitsSet: {
    readonly revenue: readonly CreditShare[];
    readonly overlay: readonly CreditShare[];
    readonly reason?: string;
    readonly approval?: ChangeApproval;
  };
  readonly WonAmountCorrected: {
    readonly previousAmountMinor: number;
    readonly amountMinor: number;
    readonly lineItems: readonly LineItem[];
    readonly reason: string;
    readonly approval?: ChangeApproval;
  };
  /** `change` is the command as it was sent, waiting for approval: its shape is the command's, not this contract's. */
  readonly DealChangeProposed: {
    readonly proposalId: string;
    readonly change: { readonly type: string; readonly data: unknown };
    readonly occurredAt: IsoDateTime;
    readonly proposedBy: string;
    readonly proposerRoles?: readonly string[];
    readonly reasons: readonly ApprovalReason[];
  };
  readonly DealChangeApproved: { readonly proposalId: string; readonly proposedBy: string; readonly approverId: string; readonly reason?: string };
  readonly DealChangeRejected: { readonly proposalId: string; readonly proposedBy: string; readonly approverId: string; readonly reason: string };
  readonly DealChangeWithdrawn: { readonly proposalId: string; readonly proposedBy: string };
  readonly DealDeskApprovalRequested: {
    readonly requestId: string;
    readonly requestedBy: string;
    readonly reasons: readonly DealDeskReason[];
    readonly priceMinor: number;
    readonly referenceMinor: number;
    readonly discountBp: number;
    readonly paymentTerms: string;
    /** Absent when the terms cannot be read as a number of days. */
    readonly paymentTermsDays?: number;
    readonly limits: { readonly maxDiscountBp: number; readonly floorPriceMinor: number; readonly maxPaymentTermsDays: number };
    readonly references: readonly DealDeskReference[];
  };
  readonly DealDeskApproved: { readonly requestId: string; readonly requestedBy: string; readonly approverId: string; readonly reason: string };
  readonly DealDeskRejected: { readonly requestId: string; readonly requestedBy: string; readonly approverId: string; readonly reason: string };
}

export type DealLifecycleEventType = keyof DealLifecycleDataV1;
