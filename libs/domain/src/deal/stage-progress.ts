import { evaluateExitCriteria } from '../pipeline/exit-criteria';
import { defaultPipelineCatalog, PipelineCatalog } from '../pipeline/pipeline-catalog';
import { PipelineDefinition, StagePhase } from '../pipeline/pipeline-definition';
import { nextOpenStage, postCloseStages, stageById, wonStage, lastOpenStage } from '../pipeline/pipeline-navigation';
import { PipelineErrors } from '../pipeline/pipeline.errors';
import { Evidence } from '../shared/evidence';
import { DealErrors } from './deal.errors';
import { DealState } from './deal.state';

export interface CriterionProgress {
  readonly id: string;
  readonly label: string;
  readonly buyerOutcome: string;
  readonly met: boolean;
  readonly evidence: readonly Evidence[];
}

export interface StageProgress {
  readonly stageId: string;
  readonly stageName: string;
  readonly phase: StagePhase;
  readonly probability: number;
  /** Where the deal goes next, if anywhere (the won stage from the last open stage). */
  readonly nextStageId?: string;
  readonly criteria: readonly CriterionProgress[];
}

/** Which exit criteria of the current stage are met, with their evidence, and which are missing. */
export function describeStageProgress(state: DealState, catalog: PipelineCatalog = defaultPipelineCatalog): StageProgress {
  if (!state.exists) throw DealErrors.notFound('describeStageProgress');
  const pipeline = catalog.get(state.pipeline.id, state.pipeline.version);
  if (!pipeline) throw PipelineErrors.unknown(state.pipeline.id, state.pipeline.version);
  const stage = stageById(pipeline, state.stageId);
  if (!stage) throw PipelineErrors.unknown(state.pipeline.id, state.pipeline.version);
  const { met } = evaluateExitCriteria(stage, state.facts);
  const criteria = stage.exitCriteria.map((criterion) => {
    const satisfied = met.find((entry) => entry.criterion === criterion);
    return {
      id: criterion.id, label: criterion.label, buyerOutcome: criterion.buyerOutcome,
      met: satisfied !== undefined, evidence: satisfied?.evidence ?? [],
    };
  });
  const nextStageId = nextStageOf(state, pipeline);
  return {
    stageId: stage.id, stageName: stage.name, phase: stage.phase, probability: stage.probability,
    ...(nextStageId === undefined ? {} : { nextStageId }),
    criteria,
  };
}

function nextStageOf(state: DealState, pipeline: PipelineDefinition): string | undefined {
  if (state.status === 'lost' || state.reversed) return undefined;
  if (state.status === 'open') {
    return nextOpenStage(pipeline, state.stageId)?.id
      ?? (lastOpenStage(pipeline)?.id === state.stageId ? wonStage(pipeline)?.id : undefined);
  }
  const postClose = postCloseStages(pipeline);
  const index = postClose.findIndex((stage) => stage.id === state.stageId);
  return postClose[index + 1]?.id;
}
