import { evaluateExitCriteria } from '../../pipeline/exit-criteria';
import { openStageIndex, openStages, stageById } from '../../pipeline/pipeline-navigation';
import { isBlank } from '../../shared/text';
import { DealCommandOf } from '../deal.commands';
import { DealErrors } from '../deal.errors';
import { DealEvent } from '../deal.events';
import { currentOpenStage } from './current-stage';
import { DealContext } from './deal-context';
import { requireAfterStageEntered, requireOpen } from './guards';

export const OVERRIDE_ROLE = 'manager';

/**
 * A manager moves a deal to another open stage past unmet criteria. Nothing is bypassed
 * silently: a forward move names every unmet criterion of each stage it leaves behind.
 */
export function overrideStage(command: DealCommandOf<'OverrideStage'>, context: DealContext): DealEvent[] {
  const { actor, pipeline, state } = context;
  if (!actor.roles.includes(OVERRIDE_ROLE)) throw DealErrors.overrideForbidden(actor.id);
  if (isBlank(command.data.reason)) throw DealErrors.overrideReasonRequired();
  requireOpen(context, command.type);
  const current = currentOpenStage(context);
  const { toStageId } = command.data;
  const target = stageById(pipeline, toStageId);
  if (!target || target.phase !== 'open' || target.id === current.id) {
    throw DealErrors.invalidTransition(`An override must target an open stage other than '${current.id}'.`, {
      fromStageId: current.id, toStageId,
      allowedStageIds: openStages(pipeline).map((stage) => stage.id).filter((id) => id !== current.id),
    });
  }
  requireAfterStageEntered(context);
  const from = openStageIndex(pipeline, current.id);
  const to = openStageIndex(pipeline, target.id);
  const leftBehind = to > from ? openStages(pipeline).slice(from, to) : [];
  const missingCriteria = leftBehind.flatMap(
    (stage) => evaluateExitCriteria(stage, state.facts).missing.map((criterion) => criterion.id));
  if (to > from && missingCriteria.length === 0) throw DealErrors.overrideNotNeeded(current.id, target.id);
  return [{
    type: 'StageOverridden',
    data: { fromStageId: current.id, toStageId: target.id, missingCriteria, reason: command.data.reason.trim(), managerId: actor.id },
  }];
}
