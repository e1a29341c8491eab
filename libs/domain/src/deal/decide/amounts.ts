import { isMinorAmount, sumMinor } from '../../shared/money';
import { isBlank } from '../../shared/text';
import { DealErrors } from '../deal.errors';
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

/** Copies only the line-item fields the event schema knows. */
export function copyLineItems(lineItems: readonly LineItem[]): readonly LineItem[] {
  return lineItems.map(({ productCode, amountMinor, quantity }) => ({ productCode, amountMinor, quantity }));
}
