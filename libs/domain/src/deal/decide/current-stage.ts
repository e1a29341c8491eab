import { StageDefinition } from '../../pipeline/pipeline-definition';
import { stageById } from '../../pipeline/pipeline-navigation';
import { DealErrors } from '../deal.errors';
import { DealContext } from './deal-context';

/** The open stage the deal is in; a stage missing from its pipeline version is a broken stream. */
export function currentOpenStage(context: DealContext): StageDefinition {
  const stage = stageById(context.pipeline, context.state.stageId);
  if (!stage || stage.phase !== 'open') {
    throw DealErrors.invalidTransition(`The deal is in '${context.state.stageId}', which is not an open stage.`,
      { fromStageId: context.state.stageId });
  }
  return stage;
}
