import { Evidence } from '../shared/evidence';
import { satisfyPredicate } from './fact-predicate';
import { ExitCriterion, StageDefinition } from './pipeline-definition';
import { RecordedFacts } from './recorded-fact';

export interface MetCriterion {
  readonly criterion: ExitCriterion;
  readonly evidence: readonly Evidence[];
}

export interface ExitCriteriaEvaluation {
  readonly met: readonly MetCriterion[];
  readonly missing: readonly ExitCriterion[];
}

/** Splits a stage's exit criteria into met (with the evidence that met each) and missing. */
export function evaluateExitCriteria(stage: StageDefinition, facts: RecordedFacts): ExitCriteriaEvaluation {
  const met: MetCriterion[] = [];
  const missing: ExitCriterion[] = [];
  for (const criterion of stage.exitCriteria) {
    const evidence = satisfyPredicate(criterion.requires, facts);
    if (evidence === undefined) missing.push(criterion);
    else met.push({ criterion, evidence });
  }
  return { met, missing };
}
