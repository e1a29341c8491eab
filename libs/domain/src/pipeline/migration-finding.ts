import { Evidence } from '../shared/evidence';
import { evaluateExitCriteria } from './exit-criteria';
import { PipelineDefinition } from './pipeline-definition';
import { openStages } from './pipeline-navigation';
import { RecordedFacts } from './recorded-fact';

export interface CriterionFinding {
  readonly stageId: string;
  readonly criterionId: string;
  readonly label: string;
  readonly met: boolean;
  /** The evidence that meets it; absent when missing. */
  readonly evidence?: readonly Evidence[];
}

/**
 * Where a deal lands in a new version and why: `kept` its stage (it exists in the new version),
 * or `first-unmet` (its stage is gone: the first open stage whose criteria are not all met).
 * `criteria` lists every criterion of the open stages up to and including that stage: those of
 * earlier stages show what the deal is taken to have passed, met or not.
 */
export interface MigrationFinding {
  readonly placement: 'kept' | 'first-unmet';
  readonly criteria: readonly CriterionFinding[];
}

export function migrationFinding(stageId: string, facts: RecordedFacts, to: PipelineDefinition): { stageId: string; finding: MigrationFinding } {
  const open = openStages(to);
  const evaluations = open.map((stage) => ({ stage, ...evaluateExitCriteria(stage, facts) }));
  const keptAt = open.findIndex((stage) => stage.id === stageId);
  const firstUnmet = evaluations.findIndex(({ missing }) => missing.length > 0);
  const index = keptAt >= 0 ? keptAt : firstUnmet >= 0 ? firstUnmet : open.length - 1;
  const criteria = evaluations.slice(0, index + 1).flatMap(({ stage, met }) => stage.exitCriteria.map((criterion): CriterionFinding => {
    const found = met.find((entry) => entry.criterion.id === criterion.id);
    const base = { stageId: stage.id, criterionId: criterion.id, label: criterion.label };
    return found ? { ...base, met: true, evidence: found.evidence } : { ...base, met: false };
  }));
  return { stageId: open[index].id, finding: { placement: keptAt >= 0 ? 'kept' : 'first-unmet', criteria } };
}
