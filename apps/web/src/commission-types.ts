/** The commission answers the pages read (docs/commissions.md). */
export interface FactRef {
  readonly eventId: string; readonly position: number; readonly type: string; readonly streamId: string;
  readonly occurredAt: string; readonly recordedAt: string; readonly actorId?: string; readonly role?: string;
}

export interface Line {
  readonly lineId: string; readonly kind: string; readonly amountMinor: number; readonly currency: string; readonly dueAt: string;
  readonly productCode?: string;
  readonly lineage: {
    readonly dealId?: string; readonly events: readonly FactRef[]; readonly rule: string; readonly arithmetic: string;
    readonly split?: { readonly source: string; readonly creditType: string; readonly shareBp: number; readonly position: number };
    readonly plan?: { readonly planId: string; readonly version: number; readonly name: string };
  };
}

export interface Statement {
  readonly userId: string; readonly period: string; readonly asKnownAt?: string;
  readonly lines: readonly Line[];
  readonly totals: readonly { readonly currency: string; readonly totalMinor: number }[];
  readonly notes: readonly { readonly dealId?: string; readonly problem: string }[];
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

export interface Dispute {
  readonly disputeId: string; readonly userId: string; readonly period: string; readonly lineId: string; readonly dealId?: string;
  readonly claim: string; readonly raised: FactRef; readonly status: 'open' | 'awaiting-approval' | 'accepted' | 'rejected';
  readonly resolution?: { readonly reason: string; readonly approverId: string; readonly ref: FactRef };
  readonly adjustments: readonly { readonly adjustmentId?: string; readonly userId: string; readonly period: string; readonly amountMinor: number; readonly currency: string }[];
}
