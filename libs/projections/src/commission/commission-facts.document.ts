import { PipelineRef } from '@deals/domain';
import { AdjustmentFact, AssignmentFact, DealFacts, FactRef, PlanVersionFact } from '@deals/domain/commission/calculate/facts';

/** A deal's commission facts, plus the pipeline version its stage probabilities come from. */
export interface DealFactsDocument {
  readonly kind: 'deal';
  readonly pipeline: PipelineRef;
  readonly deal: DealFacts;
  readonly revision: number;
}

export interface PlanFactsDocument {
  readonly kind: 'plan';
  readonly planId: string;
  readonly versions: readonly PlanVersionFact[];
  readonly revision: number;
}

export interface AssignmentFactsDocument {
  readonly kind: 'assignment';
  readonly userId: string;
  readonly assignments: readonly AssignmentFact[];
  readonly revision: number;
}

export interface DisputeDocument {
  readonly kind: 'dispute';
  readonly disputeId: string;
  readonly userId: string;
  readonly period: string;
  readonly lineId: string;
  readonly dealId?: string;
  readonly claim: string;
  readonly raised: FactRef;
  readonly status: 'open' | 'accepted' | 'rejected';
  readonly resolution?: { readonly ref: FactRef; readonly reason: string; readonly approverId: string };
  readonly adjustments: readonly AdjustmentFact[];
  readonly revision: number;
}

/**
 * The commission-facts read model holds facts, not results: every statement, as known at any
 * recorded moment, is computed from them by the pure domain calculation. JSON throughout.
 */
export type CommissionFactsDocument = DealFactsDocument | PlanFactsDocument | AssignmentFactsDocument | DisputeDocument;

export const STREAM_PREFIXES = { deal: 'deal-', plan: 'plan-', assignment: 'assignment-', dispute: 'dispute-' } as const;
export type FactsKind = keyof typeof STREAM_PREFIXES;

/** Document key: `<kind>:<id>`, e.g. `deal:acme`, `assignment:ana`. */
export const factsKey = (kind: FactsKind, id: string) => `${kind}:${id}`;
