/** The commission answers the pages read (docs/commissions.md). */
export interface FactRef {
  readonly eventId: string; readonly position: number; readonly type: string; readonly streamId: string;
  readonly occurredAt: string; readonly recordedAt: string; readonly actorId?: string; readonly role?: string;
}

export interface PeriodClose { readonly closedAt: string; readonly closedBy: string; readonly event: FactRef }

/** On a prior-period line: the line of the closed period it corrects (amounts as decimal text). */
export interface PriorPeriod {
  readonly period: string; readonly lineId: string;
  readonly frozen?: string; readonly knownNow?: string; readonly adjusted: string; readonly adjustedIn: readonly string[];
  readonly close?: PeriodClose;
}

export interface Line {
  readonly lineId: string; readonly kind: string; readonly amountMinor: number; readonly currency: string; readonly dueAt: string;
  readonly productCode?: string; readonly dealName?: string; readonly planName?: string;
  readonly lineage: {
    readonly dealId?: string; readonly events: readonly FactRef[]; readonly rule: string; readonly arithmetic: string;
    readonly split?: { readonly source: string; readonly creditType: string; readonly shareBp: number; readonly position: number };
    readonly plan?: { readonly planId: string; readonly version: number; readonly name: string };
    readonly priorPeriod?: PriorPeriod;
  };
}

/** Earned by the quarter's end, not payable yet (a go-live plan's deal not live by then). */
export interface PendingPay {
  readonly dealId: string; readonly dealName?: string; readonly planName?: string; readonly waitsFor: string;
  readonly earnedAt: string; readonly payableAt?: string; readonly amountMinor: number; readonly currency: string;
}

export interface Statement {
  readonly userId: string; readonly period: string; readonly asKnownAt?: string;
  readonly lines: readonly Line[];
  readonly totals: readonly { readonly currency: string; readonly totalMinor: number }[];
  readonly notes: readonly { readonly dealId?: string; readonly dealName?: string; readonly problem: string }[];
  readonly pending?: readonly PendingPay[];
  readonly closed?: PeriodClose;
}

export interface Difference {
  readonly lineId: string; readonly kind: string; readonly dealId?: string; readonly currency: string;
  readonly amountAMinor: number; readonly amountBMinor: number; readonly deltaMinor: number; readonly arithmetic: string;
  readonly causes: readonly FactRef[];
}

export interface Reconstruction {
  readonly knownAtA: string; readonly knownAtB: string; readonly a: Statement; readonly b: Statement;
  readonly differences: readonly Difference[];
  readonly totalDifference: readonly { readonly currency: string; readonly deltaMinor: number }[];
  readonly causes: readonly FactRef[];
}

export interface Adjustment {
  readonly adjustmentId?: string; readonly userId: string; readonly period: string; readonly amountMinor: number; readonly currency: string;
  readonly dealId?: string; readonly reason?: string;
}

/** An acceptance above the threshold proposed (with the adjustments it would issue), or sent back. */
export interface ApprovalStep {
  readonly ref: FactRef; readonly step: 'proposed' | 'sent-back'; readonly by: string; readonly reason: string;
  readonly adjustments?: readonly Adjustment[];
}

export interface Dispute {
  readonly disputeId: string; readonly userId: string; readonly period: string; readonly lineId: string; readonly dealId?: string; readonly dealName?: string;
  readonly claim: string; readonly raised: FactRef; readonly status: 'open' | 'awaiting-approval' | 'accepted' | 'rejected';
  readonly resolution?: { readonly reason: string; readonly approverId: string; readonly secondApproverId?: string; readonly ref: FactRef };
  readonly approvals?: readonly ApprovalStep[];
  readonly adjustments: readonly Adjustment[];
}

/** A person with a plan assignment or statement lines in a period (`GET /commission/periods/:period/payees`). */
export interface Payee {
  readonly userId: string; readonly name?: string; readonly assigned: boolean; readonly lines: number;
  readonly totals: readonly { readonly currency: string; readonly totalMinor: number; readonly total?: string }[];
}
