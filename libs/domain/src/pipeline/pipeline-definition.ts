import { FactKey } from './fact-key';

export type StagePhase = 'open' | 'won' | 'lost' | 'post-close';

export type FactValue = string | number | boolean;

/** A condition over the facts recorded on a deal. */
export type FactPredicate =
  | { readonly fact: FactKey; readonly where?: Readonly<Record<string, FactValue>> }
  | { readonly allOf: readonly FactPredicate[] }
  | { readonly anyOf: readonly FactPredicate[] };

/** Required, factual, inspectable, buyer-centric: a thing the buyer did, with evidence. */
export interface ExitCriterion {
  readonly id: string;
  readonly label: string;
  readonly buyerOutcome: string;
  readonly requires: FactPredicate;
}

export interface StageDefinition {
  readonly id: string;
  readonly name: string;
  readonly phase: StagePhase;
  /** Likelihood of winning from this stage, 0..1, for weighted pipeline. */
  readonly probability: number;
  readonly exitCriteria: readonly ExitCriterion[];
  /** A deal that stays longer than this in the stage is reported as stuck. */
  readonly stuckAfterDays?: number;
}

/**
 * Stages in order: the open stages (the path to the close), one won and one lost stage, then
 * either no post-close stages or exactly three, which the hand-off, implementation start and
 * go-live commands move through in order.
 */
export interface PipelineDefinition {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly stages: readonly StageDefinition[];
}
