import { optionalEvidence } from '../../shared/evidence-check';
import { isBlank } from '../../shared/text';
import { DealCommandOf } from '../deal.commands';
import { DealErrors } from '../deal.errors';
import { DealEvent } from '../deal.events';
import { DealContext } from './deal-context';
import { requireAfterStageEntered, requireOpen } from './guards';

/** A deal may be lost from any open stage; the reason is what sales ops learns from. */
export function closeLost(command: DealCommandOf<'CloseLost'>, context: DealContext): DealEvent[] {
  requireOpen(context, command.type);
  if (isBlank(command.data.reason)) throw DealErrors.reasonRequired(command.type);
  const evidence = optionalEvidence(command.data.evidence);
  requireAfterStageEntered(context);
  return [{
    type: 'DealClosedLost',
    data: { fromStageId: context.state.stageId, reason: command.data.reason.trim(), ...evidence },
  }];
}
