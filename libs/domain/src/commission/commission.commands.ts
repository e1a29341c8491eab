import { Command } from '../shared/message';
import { AmountInput } from '../shared/money';

/** Stream `plan-<planId>`. Finance only. */
export type CommissionPlanCommand = Command<'PublishPlanVersion', {
  planId: string; version: number; name: string; effectiveFrom: string; rules: unknown;
}>;

/** Stream `assignment-<userId>`. Finance only. */
export type PlanAssignmentCommand =
  | Command<'AssignPlan', {
      userId: string; planId: string; effectiveFrom: string; effectiveTo?: string;
      /** Minor units, or decimal text read in `currency`. */
      quotaMinor?: AmountInput; currency: string;
    }>
  /** Ends the assignment starting on `effectiveFrom` early: `effectiveTo` becomes its last day. */
  | Command<'EndPlanAssignment', { userId: string; effectiveFrom: string; effectiveTo: string }>;

export interface AdjustmentInput {
  readonly userId: string;
  readonly period: string;
  /** Signed: positive pays more, negative recovers. Minor units, or decimal text read in `currency`. */
  readonly amountMinor: AmountInput;
  readonly currency: string;
  /** Defaults to the resolution's reason. */
  readonly reason?: string;
  readonly dealId?: string;
}

/** Stream `dispute-<disputeId>`. */
export type DisputeCommand =
  | Command<'RaiseDispute', { disputeId: string; userId: string; period: string; lineId: string; dealId?: string; claim: string }>
  | Command<'ResolveDispute', {
      disputeId: string; decision: 'accept' | 'reject'; reason: string; adjustments?: readonly AdjustmentInput[];
    }>
  /** A second finance user approves (or sends back) an acceptance above the threshold. */
  | Command<'ReviewDisputeAcceptance', { disputeId: string; decision: 'approve' | 'reject'; reason: string }>;

/** Stream `commission-period-<period>`. Finance and admin. */
export type CommissionPeriodCommand =
  | Command<'CloseCommissionPeriod', { period: string }>
  | Command<'ReopenCommissionPeriod', { period: string; reason: string }>;

export type CommissionCommand = CommissionPlanCommand | PlanAssignmentCommand | DisputeCommand | CommissionPeriodCommand;
export type CommissionCommandType = CommissionCommand['type'];
export type CommissionCommandOf<T extends CommissionCommandType> = Extract<CommissionCommand, { type: T }>;
