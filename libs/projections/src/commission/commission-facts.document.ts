import {
  AdjustmentFact, AssignmentFact, COMMISSION_STREAM_PREFIXES, DEAL_STREAM_PREFIX, DealFacts, FactRef, PeriodFact, PipelineRef, PlanVersionFact,
} from '@deals/domain';
import { fnv1a } from '../fnv1a';

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

/** An adjustment an acceptance proposes; it pays nothing until the acceptance is approved. */
export type ProposedAdjustment = Omit<AdjustmentFact, 'ref' | 'disputeId' | 'approverId'>;

export interface DisputeDocument {
  readonly kind: 'dispute';
  readonly disputeId: string;
  readonly userId: string;
  readonly period: string;
  readonly lineId: string;
  readonly dealId?: string;
  readonly claim: string;
  readonly raised: FactRef;
  readonly status: 'open' | 'awaiting-approval' | 'accepted' | 'rejected';
  readonly resolution?: { readonly ref: FactRef; readonly reason: string; readonly approverId: string; readonly secondApproverId?: string };
  /** An acceptance above the threshold waiting for a second finance user (with the adjustments it proposes), and acceptances sent back. */
  readonly approvals?: readonly {
    readonly ref: FactRef; readonly step: 'proposed' | 'sent-back'; readonly by: string; readonly reason: string;
    readonly adjustments?: readonly ProposedAdjustment[];
  }[];
  readonly adjustments: readonly AdjustmentFact[];
  readonly revision: number;
}

/** A commission period's closes and reopenings, in the order recorded. */
export interface PeriodFactsDocument {
  readonly kind: 'period';
  readonly period: string;
  readonly changes: readonly PeriodFact[];
  readonly revision: number;
}

/**
 * Under `person:<userId>/<bucket>` (bucket 0–15, by a hash of the document key): keys of the
 * documents a person's commission can depend on — deals they own or are named in a split of,
 * their plan assignments, disputes that adjust their pay. A person's index is sixteen reads
 * however large the store, and each document holds about a sixteenth of their keys, so a new
 * entry rewrites little.
 */
export interface PersonIndexDocument {
  readonly kind: 'person-index';
  readonly userId: string;
  readonly keys: readonly string[];
}

/** Under `plans`: the key of every plan document (plans are few, and every statement reads them). */
export interface PlanKeysDocument {
  readonly kind: 'plan-keys';
  readonly keys: readonly string[];
}

/** Under `periods`: the key of every period document (every statement reads them). */
export interface PeriodKeysDocument {
  readonly kind: 'period-keys';
  readonly keys: readonly string[];
}

/**
 * Under `misfiled-deals`: deal documents whose key is not `deal:<dealId>` (a DealOpened in a
 * stream not named after its dealId). Absent while every deal stream is `deal-<dealId>`, as the
 * writers name them; with it a deal is found by id without reading every deal.
 */
export interface MisfiledDealsDocument {
  readonly kind: 'misfiled-deals';
  readonly keys: readonly string[];
}

/**
 * The commission-facts read model holds facts, not results: every statement, as known at any
 * recorded moment, is computed from them by the pure domain calculation. JSON throughout.
 */
export type CommissionFactsDocument =
  | DealFactsDocument | PlanFactsDocument | AssignmentFactsDocument | DisputeDocument | PeriodFactsDocument
  | PersonIndexDocument | PlanKeysDocument | PeriodKeysDocument | MisfiledDealsDocument;

export const STREAM_PREFIXES = { deal: DEAL_STREAM_PREFIX, ...COMMISSION_STREAM_PREFIXES } as const;
export type FactsKind = keyof typeof STREAM_PREFIXES;

/** Document key: `<kind>:<id>`, e.g. `deal:acme`, `assignment:ana`. */
export const factsKey = (kind: FactsKind, id: string) => `${kind}:${id}`;

export const PLAN_KEYS_KEY = 'plans';
export const PERIOD_KEYS_KEY = 'periods';
export const MISFILED_DEALS_KEY = 'misfiled-deals';
export const PERSON_INDEX_BUCKETS = 16;

/** `person:<userId>/<bucket>`: unambiguous without escaping, since the bucket is the part after the last '/'. */
export const personIndexKey = (userId: string, bucket: number) => `person:${userId}/${bucket}`;
export const userIdOfPersonIndexKey = (key: string) => key.slice('person:'.length, key.lastIndexOf('/'));

/** The bucket of a document key in every person's index (32-bit FNV-1a): fixed, as stored keys depend on it. */
export function personIndexBucket(documentKey: string): number {
  return fnv1a(documentKey) % PERSON_INDEX_BUCKETS;
}
