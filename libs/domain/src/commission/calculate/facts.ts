import { CreditShare } from '../../deal/credit-split';
import { LineItem } from '../../deal/deal.events';
import { PlanRules } from '../plan-rules';
import { DisputeAdjustment } from '../commission.events';

/**
 * A stored event a fact came from: enough for finance to open it (id, global position) and to
 * say who did it, when it happened (business time) and when the engine learned it (recorded).
 * Times are UTC ISO-8601.
 */
export interface FactRef {
  readonly eventId: string;
  readonly position: number;
  readonly type: string;
  readonly streamId: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actorId?: string;
  /** Set when the fact was applied by an approval: whose proposal it was and who approved it. */
  readonly approval?: { readonly proposalId: string; readonly proposedBy: string; readonly approvedBy: string };
}

export interface SplitFact {
  readonly ref: FactRef;
  readonly revenue: readonly CreditShare[];
  readonly overlay: readonly CreditShare[];
}

/** The deal's line items as set by DealOpened or AmountChanged. */
export interface LineItemsFact {
  readonly ref: FactRef;
  readonly amountMinor: number;
  readonly lineItems: readonly LineItem[];
}

export interface StageFact {
  readonly ref: FactRef;
  readonly stageId: string;
  /** Win probability of the stage, in basis points. */
  readonly probabilityBp: number;
}

export interface ClosedWonFact {
  readonly ref: FactRef;
  readonly amountMinor: number;
  readonly lineItems: readonly LineItem[];
  /** Corrections of the won amount after the close (approved), in the order recorded; the last known one counts. */
  readonly corrections?: readonly { readonly ref: FactRef; readonly amountMinor: number; readonly lineItems: readonly LineItem[] }[];
}

/** Everything commissions need to know about one deal, each fact with the event it came from. */
export interface DealFacts {
  readonly dealId: string;
  readonly name: string;
  readonly currency: string;
  readonly industry?: string;
  readonly ownerId: string;
  readonly opened: FactRef;
  readonly amounts: readonly LineItemsFact[];
  readonly stages: readonly StageFact[];
  readonly splits: readonly SplitFact[];
  readonly closedWon?: ClosedWonFact;
  readonly closedLost?: { readonly ref: FactRef };
  readonly wentLive?: { readonly ref: FactRef };
  readonly reversed?: { readonly ref: FactRef };
}

export interface PlanVersionFact {
  readonly ref: FactRef;
  readonly planId: string;
  readonly version: number;
  readonly name: string;
  readonly effectiveFrom: string;
  readonly rules: PlanRules;
}

export interface AssignmentFact {
  readonly ref: FactRef;
  readonly userId: string;
  readonly planId: string;
  readonly effectiveFrom: string;
  /** Inclusive: a calendar date covers that whole day (UTC). */
  readonly effectiveTo?: string;
  /** Quarterly quota in minor units, for attainment tiers. */
  readonly quotaMinor?: number;
  readonly currency: string;
  /** Ended early: each ending brings the last day forward, from when it is known. */
  readonly endings?: readonly { readonly ref: FactRef; readonly effectiveTo: string }[];
}

/** An accepted dispute's adjustment as the calculation reads it: the adjustment, where it was recorded and by whom. */
export interface AdjustmentFact extends DisputeAdjustment {
  readonly ref: FactRef;
  readonly disputeId: string;
  readonly approverId: string;
}

/** A commission period closed or reopened. */
export type PeriodFact =
  | { readonly ref: FactRef; readonly period: string; readonly change: 'closed'; readonly closedBy: string; readonly closedAt: string }
  | { readonly ref: FactRef; readonly period: string; readonly change: 'reopened'; readonly reopenedBy: string; readonly reason: string };

/** The facts as known: the only input of the calculation. */
export interface CommissionFacts {
  readonly deals: readonly DealFacts[];
  readonly planVersions: readonly PlanVersionFact[];
  readonly assignments: readonly AssignmentFact[];
  readonly adjustments: readonly AdjustmentFact[];
  /** Every period's closes and reopenings, in recording order. */
  readonly periods: readonly PeriodFact[];
}
