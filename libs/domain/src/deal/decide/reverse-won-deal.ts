import { optionalEvidence } from '../../shared/evidence-check';
import { isBlank } from '../../shared/text';
import { requireNotBefore } from '../../shared/time';
import { DealCommandOf } from '../deal.commands';
import { DealErrors } from '../deal.errors';
import { DealEvent } from '../deal.events';
import { DealContext } from './deal-context';

/** Undoes a win (cancelled order, failed payment); commissions read it as a clawback trigger. */
export function reverseWonDeal(command: DealCommandOf<'ReverseWonDeal'>, context: DealContext): DealEvent[] {
  const { state } = context;
  if (state.status !== 'won') {
    throw DealErrors.invalidTransition(`Only a won deal can be reversed; this one is ${state.status}.`,
      { status: state.status, required: 'DealClosedWon' });
  }
  if (state.reversed) throw DealErrors.alreadyReversed();
  if (isBlank(command.data.reason)) throw DealErrors.reasonRequired(command.type);
  const evidence = optionalEvidence(command.data.evidence);
  if (state.closedAt !== undefined) {
    requireNotBefore(context.occurredAt, { at: state.closedAt, label: 'close of the deal', code: 'TIME.OCCURRED_BEFORE_STAGE_ENTERED' });
  }
  return [{ type: 'WonDealReversed', data: { reason: command.data.reason.trim(), ...evidence } }];
}
