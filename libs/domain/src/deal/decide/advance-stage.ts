import { evaluateExitCriteria } from '../../pipeline/exit-criteria';
import { nextOpenStage } from '../../pipeline/pipeline-navigation';
import { DealCommandOf } from '../deal.commands';
import { DealErrors } from '../deal.errors';
import { DealEvent } from '../deal.events';
import { DealContext } from './deal-context';
import { requireAfterStageEntered, requireOpen } from './guards';
import { currentOpenStage } from './current-stage';

/** Moves to the next open stage when every exit criterion of the current one is met. */
export function advanceStage(command: DealCommandOf<'AdvanceStage'>, context: DealContext): DealEvent[] {
  requireOpen(context, command.type);
  const current = currentOpenStage(context);
  const next = nextOpenStage(context.pipeline, current.id);
  const { toStageId } = command.data;
  if (!next) {
    throw DealErrors.invalidTransition(
      `'${current.id}' is the last open stage; close the deal with CloseWon or CloseLost instead of advancing.`,
      { fromStageId: current.id, ...(toStageId === undefined ? {} : { toStageId }), use: ['CloseWon', 'CloseLost'] },
    );
  }
  if (toStageId !== undefined && toStageId !== next.id) {
    throw DealErrors.invalidTransition(`From '${current.id}' the deal can only advance to '${next.id}'.`,
      { fromStageId: current.id, toStageId, allowedNextStageId: next.id });
  }
  requireAfterStageEntered(context);
  const { met, missing } = evaluateExitCriteria(current, context.state.facts);
  if (missing.length > 0) throw DealErrors.exitCriteriaUnmet(current.id, missing);
  return [{
    type: 'StageAdvanced',
    data: {
      fromStageId: current.id,
      toStageId: next.id,
      satisfiedBy: met.map(({ criterion, evidence }) => ({ criterionId: criterion.id, evidence })),
    },
  }];
}
