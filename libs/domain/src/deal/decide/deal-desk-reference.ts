import { DealDeskPolicy } from '../../controls/deal-desk-policy';
import { DealDeskReference, LineItem } from '../deal.events';
import { DealState } from '../deal.state';

/** The price the terms are measured against, and the lowest price within the discount limits. */
export interface PriceReference {
  readonly referenceMinor: number;
  /** The lowest price no approval is needed for: every part discounted to its own limit. */
  readonly floorPriceMinor: number;
  /** The discount limit over the whole deal (the parts' limits weighted by their reference). */
  readonly maxDiscountBp: number;
  readonly references: readonly DealDeskReference[];
}

const FULL_BP = 10_000n;

/**
 * What the deal is worth before any discount. Each product on the deal (its line items now, or
 * at opening when it has none now) is priced at its list price times the quantity when the price
 * list has one in the deal's currency; otherwise at what one unit was worth when the deal opened
 * (the pipeline's reference) times the quantity; a product added since the opening counts as
 * entered. A deal without line items is worth its amount at opening. Each part may be discounted
 * up to its product's limit (the policy's default when the price list gives none).
 */
export function priceReference(state: DealState, policy: DealDeskPolicy): PriceReference {
  const opening = state.opening ?? { amountMinor: state.expectedAmountMinor, lineItems: state.lineItems };
  const current = byProduct(state.lineItems.length > 0 ? state.lineItems : opening.lineItems);
  const atOpening = byProduct(opening.lineItems);
  const references: DealDeskReference[] = current.size === 0
    ? [{ referenceMinor: opening.amountMinor, maxDiscountBp: policy.maxDiscountBp, basis: 'opening' }]
    : [...current].map(([productCode, { amountMinor, quantity }]) => {
      const pricing = policy.products.get(productCode);
      const maxDiscountBp = pricing?.maxDiscountBp ?? policy.maxDiscountBp;
      const then = atOpening.get(productCode);
      if (pricing?.listPriceMinor !== undefined && pricing.currency === state.currency) {
        return { productCode, quantity, referenceMinor: Math.round(pricing.listPriceMinor * quantity), maxDiscountBp, basis: 'list-price' };
      }
      if (then !== undefined && then.quantity > 0) {
        return { productCode, quantity, referenceMinor: Math.round((then.amountMinor * quantity) / then.quantity), maxDiscountBp, basis: 'opening' };
      }
      return { productCode, quantity, referenceMinor: amountMinor, maxDiscountBp, basis: 'entered' };
    });
  const reference = references.reduce((sum, part) => sum + BigInt(part.referenceMinor), 0n);
  const floor = floorTimesFull(references);
  return {
    referenceMinor: Number(reference),
    floorPriceMinor: Number(ceilDiv(floor, FULL_BP)),
    maxDiscountBp: reference === 0n ? policy.maxDiscountBp : Number((reference * FULL_BP - floor) / reference),
    references,
  };
}

/** Is the price below every part discounted to its limit? Exact, in integers. */
export function beyondDiscountLimit(priceMinor: number, reference: PriceReference): boolean {
  return BigInt(priceMinor) * FULL_BP < floorTimesFull(reference.references);
}

/** The discount of the price off the reference in basis points, rounded up (0 at or above the reference). */
export function discountBp(priceMinor: number, referenceMinor: number): number {
  if (referenceMinor <= 0 || priceMinor >= referenceMinor) return 0;
  return Number(ceilDiv((BigInt(referenceMinor) - BigInt(priceMinor)) * FULL_BP, BigInt(referenceMinor)));
}

/** The floor price times 10,000: each part's reference less its discount limit. */
function floorTimesFull(references: readonly DealDeskReference[]): bigint {
  return references.reduce((sum, part) => sum + BigInt(part.referenceMinor) * (FULL_BP - BigInt(part.maxDiscountBp)), 0n);
}

function byProduct(lineItems: readonly LineItem[]): Map<string, { amountMinor: number; quantity: number }> {
  const products = new Map<string, { amountMinor: number; quantity: number }>();
  for (const { productCode, amountMinor, quantity } of lineItems) {
    const sum = products.get(productCode) ?? { amountMinor: 0, quantity: 0 };
    products.set(productCode, { amountMinor: sum.amountMinor + amountMinor, quantity: sum.quantity + quantity });
  }
  return products;
}

const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;
