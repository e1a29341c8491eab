import { AmountInput, amountToMinor, isMinorAmount, sumMinor } from '../../shared/money';
import { isBlank } from '../../shared/text';
import { DealErrors } from '../deal.errors';
import { LineItemInput } from '../deal.commands';
import { LineItem } from '../deal.events';

/** An amount in minor units, and line items (if any) that add up to it exactly. */
export function checkAmountAndLineItems(amountMinor: number, lineItems: readonly LineItem[], amountField: string): void {
  if (!isMinorAmount(amountMinor)) throw DealErrors.invalidAmount(amountField, amountMinor);
  lineItems.forEach((item, index) => {
    if (isBlank(item.productCode)) throw DealErrors.invalidLineItem(index, 'productCode must not be blank');
    if (!isMinorAmount(item.amountMinor)) {
      throw DealErrors.invalidLineItem(index, 'amountMinor must be a non-negative whole number of minor units');
    }
    if (typeof item.quantity !== 'number' || !Number.isFinite(item.quantity) || item.quantity <= 0) {
      throw DealErrors.invalidLineItem(index, 'quantity must be a positive number');
    }
  });
  const total = sumMinor(lineItems.map((item) => item.amountMinor));
  if (lineItems.length > 0 && total !== amountMinor) throw DealErrors.lineItemsMismatch(total, amountMinor);
}

/** Copies only the line-item fields the event schema knows, amounts in minor units of `currency`. */
export function copyLineItems(lineItems: readonly (LineItem | LineItemInput)[], currency: string): readonly LineItem[] {
  return lineItems.map(({ productCode, amountMinor, quantity }, index) =>
    ({ productCode, amountMinor: amountToMinor(amountMinor, currency, `lineItems[${index}].amount`), quantity }));
}

/** An amount of the command in minor units of the deal's currency (text is read in it). */
export function minorIn(amount: AmountInput, currency: string, field: string): number {
  return amountToMinor(amount, currency, field);
}
