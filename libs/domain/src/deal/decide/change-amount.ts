import { isBlank } from '../../shared/text';
import { DealCommandOf } from '../deal.commands';
import { DealErrors } from '../deal.errors';
import { DealEvent } from '../deal.events';
import { checkAmountAndLineItems, copyLineItems, minorIn } from './amounts';
import { DealContext } from './deal-context';
import { requireMayChangeCommercialTerms, requireOpen } from './guards';

/**
 * Changes the expected amount of an open deal, or corrects a won deal's amount (a change after
 * the close, so only through an approval). Omitted line items keep the current ones, which must
 * then still add up: a new amount with old line items is refused rather than left inconsistent.
 */
export function changeAmount(command: DealCommandOf<'ChangeAmount'>, context: DealContext): DealEvent[] {
  const { state } = context;
  if (state.status === 'won' && !state.reversed) return correctWonAmount(command, context);
  requireOpen(context, command.type);
  requireMayChangeCommercialTerms(context, command.type);
  if (isBlank(command.data.reason)) throw DealErrors.reasonRequired(command.type);
  const expectedAmountMinor = minorIn(command.data.expectedAmountMinor, state.currency, 'expectedAmount');
  const lineItems = copyLineItems(command.data.lineItems ?? state.lineItems, state.currency);
  checkAmountAndLineItems(expectedAmountMinor, lineItems, 'expectedAmountMinor');
  return [{
    type: 'AmountChanged',
    data: { previousAmountMinor: state.expectedAmountMinor, expectedAmountMinor, lineItems, reason: command.data.reason.trim() },
  }];
}

function correctWonAmount(command: DealCommandOf<'ChangeAmount'>, context: DealContext): DealEvent[] {
  const { state } = context;
  requireMayChangeCommercialTerms(context, command.type);
  if (isBlank(command.data.reason)) throw DealErrors.reasonRequired(command.type);
  const amountMinor = minorIn(command.data.expectedAmountMinor, state.currency, 'expectedAmount');
  const lineItems = copyLineItems(command.data.lineItems ?? state.lineItems, state.currency);
  checkAmountAndLineItems(amountMinor, lineItems, 'expectedAmountMinor');
  return [{
    type: 'WonAmountCorrected',
    data: { previousAmountMinor: state.expectedAmountMinor, amountMinor, lineItems, reason: command.data.reason.trim() },
  }];
}
