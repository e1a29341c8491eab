import type { CriterionFinding, MigrationFinding } from '../deal/deal.events';
import { evaluateExitCriteria } from './exit-criteria';
import { PipelineDefinition } from './pipeline-definition';
import { openStages } from './pipeline-navigation';
import { RecordedFacts } from './recorded-fact';

/** Where a deal on another version lands in `to` (kept, or the first stage not met), and each criterion up to there. */
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
