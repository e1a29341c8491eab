import { evaluateExitCriteria } from '../../pipeline/exit-criteria';
import { lastOpenStage } from '../../pipeline/pipeline-navigation';
import { copyEvidence, requireEvidence } from '../../shared/evidence-check';
import { DealCommandOf } from '../deal.commands';
import { DealErrors } from '../deal.errors';
import { DealEvent } from '../deal.events';
import { checkAmountAndLineItems, copyLineItems, minorIn } from './amounts';
import { DealContext } from './deal-context';
import { requireDealDeskCleared } from './deal-desk';
import { requireAfterStageEntered, requireMayChangeCommercialTerms, requireOpen } from './guards';

/**
 * Closes won from the last open stage, with its criteria met, a signed order as proof, and the
 * latest terms within the deal desk's limits or approved.
 */
export function closeWon(command: DealCommandOf<'CloseWon'>, context: DealContext): DealEvent[] {
  const { state, pipeline } = context;
  requireOpen(context, command.type);
  requireMayChangeCommercialTerms(context, command.type);
  const last = lastOpenStage(pipeline);
  if (!last || state.stageId !== last.id) {
    throw DealErrors.invalidTransition(
      `A deal closes won only from '${last?.id}'; this one is in '${state.stageId}'.`,
      { fromStageId: state.stageId, requiredStageId: last?.id },
    );
  }
  const signedOrder = copyEvidence(requireEvidence(command.data.signedOrder, 'signedOrder'));
  const amountMinor = command.data.amountMinor === undefined ? state.expectedAmountMinor : minorIn(command.data.amountMinor, state.currency, 'amount');
  const lineItems = copyLineItems(command.data.lineItems ?? state.lineItems, state.currency);
  checkAmountAndLineItems(amountMinor, lineItems, 'amountMinor');
  requireAfterStageEntered(context);
  const { missing } = evaluateExitCriteria(last, state.facts);
  if (missing.length > 0) throw DealErrors.exitCriteriaUnmet(last.id, missing);
  requireDealDeskCleared(state);
  return [{ type: 'DealClosedWon', data: { fromStageId: last.id, amountMinor, lineItems, signedOrder } }];
}
