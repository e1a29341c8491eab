import fc from 'fast-check';
import { allocateLargestRemainder, BP } from '../basis-points';
import { LineItem } from '../../deal/deal.events';
import { lineCredits, SplitInForce } from './credit';
import { FactRef } from './facts';

const ref: FactRef = { eventId: 'e', position: 1, type: 'CreditSplitsSet', streamId: 'deal-d', occurredAt: '2026-01-01T00:00:00.000Z', recordedAt: '2026-01-01T00:00:00.000Z' };

/** Every revenue credit of a deal's line items, per person: the allocation that must total 100%. */
function revenueCreditByPerson(lineItems: readonly LineItem[], split: SplitInForce): Map<string, number> {
  const totals = new Map<string, number>();
  for (const item of lineItems) {
    const parts = allocateLargestRemainder(item.amountMinor, split.revenue.map((share) => share.shareBp));
    split.revenue.forEach((share, index) => totals.set(share.userId, (totals.get(share.userId) ?? 0) + parts[index]));
  }
  return totals;
}

/** Revenue shares of 1..6 people totalling exactly 10,000 bp, as the deal decider guarantees. */
const revenueShares = fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 0, maxLength: 5 }).map((cuts) => {
  const points = [...new Set(cuts.filter((cut) => cut < BP))].sort((a, b) => a - b);
  const bounds = [0, ...points, BP];
  return bounds.slice(1).map((end, index) => ({ userId: `u${index}`, role: 'account-executive' as const, shareBp: end - bounds[index] }));
});
const lineItems = fc.array(
  fc.record({ productCode: fc.constantFrom('CORE', 'X', 'Y', 'Z'), amountMinor: fc.integer({ min: 0, max: 2 ** 40 }), quantity: fc.integer({ min: 1, max: 50 }) }),
  { minLength: 1, maxLength: 6 },
);

describe('credit allocation (property)', () => {
  it('gives out exactly 100% of every deal amount in revenue credit', () => {
    fc.assert(fc.property(revenueShares, lineItems, (revenue, items) => {
      const split: SplitInForce = { ref, source: 'CreditSplitsSet', revenue, overlay: [] };
      const total = [...revenueCreditByPerson(items, split).values()].reduce((sum, credit) => sum + credit, 0);
      expect(total).toBe(items.reduce((sum, item) => sum + item.amountMinor, 0));
      // and each person's line credits agree with the per-person totals
      for (const share of revenue) {
        const mine = lineCredits(items, split, 'revenue', share.userId)!.credits.reduce((sum, line) => sum + line.creditMinor, 0);
        expect(mine).toBe(revenueCreditByPerson(items, split).get(share.userId));
      }
    }));
  });

  it('rounds shares so they sum to the unrounded total, each within one minor unit of its exact part', () => {
    fc.assert(fc.property(fc.integer({ min: -(2 ** 45), max: 2 ** 45 }), fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 }), (total, weights) => {
      const parts = allocateLargestRemainder(total, weights);
      const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
      if (weightSum === 0) {
        expect(parts.every((part) => part === 0)).toBe(true);
        return;
      }
      expect(parts.reduce((sum, part) => sum + part, 0)).toBe(total);
      parts.forEach((part, index) => {
        const exact = (BigInt(total) * BigInt(weights[index]));
        const distance = BigInt(part) * BigInt(weightSum) - exact;
        expect(distance > -BigInt(weightSum) && distance < BigInt(weightSum)).toBe(true);
      });
    }));
  });

  it('computes overlay credit separately, half-up, without touching revenue credit', () => {
    fc.assert(fc.property(lineItems, fc.integer({ min: 1, max: 10_000 }), (items, shareBp) => {
      const split: SplitInForce = { ref, source: 'CreditSplitsSet', revenue: [{ userId: 'ana', role: 'account-executive', shareBp: BP }], overlay: [{ userId: 'sam', role: 'sales-engineer', shareBp }] };
      const overlay = lineCredits(items, split, 'overlay', 'sam')!;
      overlay.credits.forEach((line, index) => {
        const twice = BigInt(items[index].amountMinor) * BigInt(shareBp) * 2n;
        // half-up: exact + 0.5 rounds up, exact − 0.5 does not round down
        expect(BigInt(line.creditMinor) * 2n * BigInt(BP) > twice - BigInt(BP)).toBe(true);
        expect(BigInt(line.creditMinor) * 2n * BigInt(BP) <= twice + BigInt(BP)).toBe(true);
      });
      expect(revenueCreditByPerson(items, split).get('ana')).toBe(items.reduce((sum, item) => sum + item.amountMinor, 0));
    }));
  });
});
