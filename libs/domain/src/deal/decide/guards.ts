import { requireNotBefore } from '../../shared/time';
import { holdsOnlySupportRep } from '../deal-access';
import { DealErrors } from '../deal.errors';
import { DealContext } from './deal-context';

/** Facts, amounts and stage moves belong to open deals only. */
export function requireOpen(context: DealContext, command: string): void {
  if (context.state.status !== 'open') throw DealErrors.closed(context.state.status, command);
}

/** A stage cannot be left before it was entered; keeps time-in-stage non-negative. */
export function requireAfterStageEntered(context: DealContext): void {
  const { stageEnteredAt } = context.state;
  if (stageEnteredAt === undefined) return;
  requireNotBefore(context.occurredAt, {
    at: stageEnteredAt, label: 'entry into the current stage', code: 'TIME.OCCURRED_BEFORE_STAGE_ENTERED',
  });
}

/** The brief: a support rep must not change commercial terms (contract, amount, splits). */
export function requireMayChangeCommercialTerms(context: DealContext, command: string): void {
  if (holdsOnlySupportRep(context.state.team, context.actor.id)) {
    throw DealErrors.commercialTermsForbidden(context.actor.id, command);
  }
}
