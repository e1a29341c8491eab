import { DomainEvent } from '../shared/message';

/**
 * Commission events. Streams: `plan-<planId>` (plan versions), `assignment-<userId>` (which plan
 * a person is on, when), `dispute-<disputeId>` (a dispute and its resolution, including the
 * adjustments it issues), `commission-period-<period>` (a quarter closed and reopened). Money is integer minor units; rates and multipliers are basis points.
 */
export type CommissionEvent =
  | DomainEvent<'CommissionPlanVersionPublished', {
      planId: string; version: number; name: string; effectiveFrom: string; rules: unknown;
    }>
  | DomainEvent<'CommissionPlanAssigned', {
      userId: string; planId: string; effectiveFrom: string; effectiveTo?: string; quotaMinor?: number; currency: string;
    }>
  /** The assignment starting on `effectiveFrom` ends early: `effectiveTo` is its new last day (inclusive). */
  | DomainEvent<'CommissionPlanAssignmentEnded', { userId: string; planId: string; effectiveFrom: string; effectiveTo: string }>
  | DomainEvent<'DisputeRaised', {
      disputeId: string; userId: string; period: string; lineId: string; dealId?: string; claim: string;
    }>
  /** Accepted by `approverId`, and by `secondApproverId` when the adjustments were above the threshold. */
  | DomainEvent<'DisputeAccepted', {
      disputeId: string; reason: string; approverId: string; secondApproverId?: string;
      adjustments: readonly DisputeAdjustment[];
    }>
  /** An acceptance above the threshold, waiting for a second finance user; pays nothing yet. */
  | DomainEvent<'DisputeAcceptanceProposed', { disputeId: string; reason: string; proposedBy: string; adjustments: readonly DisputeAdjustment[] }>
  /** The second finance user sent the proposed acceptance back: the dispute is open again. */
  | DomainEvent<'DisputeAcceptanceRejected', { disputeId: string; reason: string; approverId: string }>
  | DomainEvent<'DisputeRejected', { disputeId: string; reason: string; approverId: string }>
  /** Statements of the period are frozen as known at this event; later facts become prior-period adjustments. */
  | DomainEvent<'CommissionPeriodClosed', { period: string; closedBy: string; closedAt: string }>
  | DomainEvent<'CommissionPeriodReopened', { period: string; reason: string; reopenedBy: string }>;

export interface DisputeAdjustment {
  readonly adjustmentId: string;
  readonly userId: string;
  readonly period: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly reason: string;
  readonly dealId?: string;
}

export type CommissionEventType = CommissionEvent['type'];
