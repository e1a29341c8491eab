import { Period } from '../period';
import { CreditType } from './credit';
import { FactRef } from './facts';
import { PeriodClose } from './period-status';

export type LineKind = 'commission' | 'accelerator' | 'spif' | 'clawback' | 'adjustment' | 'prior-period';
export const LINE_KINDS: readonly LineKind[] = ['commission', 'accelerator', 'spif', 'clawback', 'adjustment', 'prior-period'];

/** Why an event is in a line's lineage. */
export type LineageRole =
  | 'close' | 'amount-correction' | 'split' | 'plan-version' | 'assignment' | 'go-live' | 'reversal' | 'adjustment' | 'contributing-close'
  | 'late-fact' | 'period-close';

export interface LineageEvent extends FactRef {
  readonly role: LineageRole;
}

/** A plan version, by id, number and name. */
export interface PlanRef {
  readonly planId: string;
  readonly version: number;
  readonly name: string;
}

/** How a line was computed: from which events, under which split, plan version and rule. */
export interface Lineage {
  readonly dealId?: string;
  readonly events: readonly LineageEvent[];
  /** The person's share in the split in force at the close. */
  readonly split?: {
    readonly source: 'CreditSplitsSet' | 'owner-default';
    readonly creditType: CreditType;
    readonly shareBp: number;
    readonly eventId: string;
    readonly position: number;
  };
  readonly plan?: PlanRef;
  /** The plan rule applied, e.g. `productRates[X]`, `baseRateBp + verticalIncentives[retail]`, `accelerators.quarterEnd`. */
  readonly rule: string;
  /** The computation in words and numbers, e.g. `40,000.00 × 70.00% × 20.00% = 5,600.00`. */
  readonly arithmetic: string;
  /** On a prior-period line: the line of the closed period it is about. */
  readonly priorPeriod?: PriorPeriodLineage;
}

/**
 * A prior-period line is about one line of another (closed) period: a correction pays what is
 * known now less what that period's closed statement paid and what closed statements already
 * corrected; an offset, in a reopened period, takes back what closed statements already corrected.
 */
export interface PriorPeriodLineage {
  readonly period: Period;
  readonly lineId: string;
  /** The line in the closed period's frozen statement (0: it had none); absent on an offset. */
  readonly frozenMinor?: number;
  /** The line as known now (0: it is gone); absent on an offset. */
  readonly knownNowMinor?: number;
  /** Corrections of the line already in closed statements, and in which periods. */
  readonly adjustedMinor: number;
  readonly adjustedIn: readonly Period[];
  /** The close the frozen figure is as known at; absent on an offset. */
  readonly close?: PeriodClose;
}

export interface StatementLine {
  /** Stable across recomputations: `<dealId>:commission:<productCode>`, `<dealId>:accelerator`, `<dealId>:clawback`, `spif:<id>:<period>`, `adjustment:<adjustmentId>`. */
  readonly lineId: string;
  readonly kind: LineKind;
  readonly amountMinor: number;
  readonly currency: string;
  /** The business time that put the line in its period: payout trigger, reversal, target reached, adjustment. */
  readonly dueAt: string;
  readonly productCode?: string;
  readonly lineage: Lineage;
}

/** Something finance should know about: a deal with credit that pays nothing, and why. */
export interface StatementNote {
  readonly dealId?: string;
  /** The plan in force at the close, when there is one. */
  readonly plan?: PlanRef;
  readonly problem: string;
}

export interface StatementTotal {
  readonly currency: string;
  readonly totalMinor: number;
  readonly byKind: Readonly<Record<LineKind, number>>;
}

export interface Statement {
  readonly userId: string;
  readonly period: Period;
  /** The recorded moment the statement is as known at; absent = everything recorded. */
  readonly asKnownAt?: string;
  readonly lines: readonly StatementLine[];
  readonly totals: readonly StatementTotal[];
  readonly notes: readonly StatementNote[];
  /** Earned by the period's end but not payable yet: deals won whose payout waits for a trigger. Not in the totals. */
  readonly pending: readonly PendingPay[];
  /** Quota attainment in the period, and the attainment tier reached. */
  readonly attainment: Attainment;
  /** Present when the period is closed: the statement is then as known just before the close. */
  readonly closed?: PeriodClose;
}

/** Commission earned on a won deal, waiting for its payout trigger. */
export interface PendingPay {
  readonly dealId: string;
  /** What it waits for. */
  readonly waitsFor: 'go-live';
  /** When it was earned (the close, business time). */
  readonly earnedAt: string;
  /** The go-live, when it came after the period's end. */
  readonly payableAt?: string;
  readonly amountMinor: number;
  readonly currency: string;
  /** The lines it will pay, each with its lineage. */
  readonly lines: readonly StatementLine[];
}

export interface TierReached {
  readonly index: number;
  readonly aboveAttainmentBp: number;
  readonly multiplierBp: number;
}

/** Quota attainment of a person in a quarter: what the attainment accelerators look at. */
export interface Attainment {
  readonly userId: string;
  readonly period: Period;
  /** The quarterly quota of the assignment in force at the quarter's end (undefined: none set). */
  readonly quotaMinor?: number;
  readonly currency?: string;
  /** The person's credit on deals won in the quarter, counted as the attainment tiers count it. */
  readonly creditedMinor: number;
  /** credited ÷ quota, in basis points (undefined without a quota). */
  readonly attainmentBp?: number;
  /** The highest tier reached by the quarter's end, and the next one. */
  readonly tier?: TierReached;
  readonly nextTier?: TierReached;
}
