import { CreditShare } from '../../deal/credit-split';
import { LineItem } from '../../deal/deal.events';
import { parseInstant } from '../../shared/time';
import { allocateLargestRemainder, applyBp, BP } from '../basis-points';
import { DealFacts, FactRef } from './facts';

/** The split that governs a deal at a moment, or the owner's default 100% when none was set. */
export interface SplitInForce {
  readonly ref: FactRef;
  readonly source: 'CreditSplitsSet' | 'owner-default';
  readonly revenue: readonly CreditShare[];
  readonly overlay: readonly CreditShare[];
}

/**
 * The last CreditSplitsSet whose business time is on or before `at` (ties: the later recorded
 * position). Without one, the deal owner holds 100% of revenue credit (lineage: DealOpened).
 */
export function splitInForce(deal: DealFacts, at: string): SplitInForce {
  const ms = parseInstant(at, 'at');
  const candidates = deal.splits
    .filter((split) => parseInstant(split.ref.occurredAt, 'occurredAt') <= ms)
    .sort((a, b) => parseInstant(a.ref.occurredAt, 'occurredAt') - parseInstant(b.ref.occurredAt, 'occurredAt') || a.ref.position - b.ref.position);
  const last = candidates[candidates.length - 1];
  if (last) return { ref: last.ref, source: 'CreditSplitsSet', revenue: last.revenue, overlay: last.overlay };
  return { ref: deal.opened, source: 'owner-default', revenue: [{ userId: deal.ownerId, role: 'account-executive', shareBp: BP }], overlay: [] };
}

/**
 * Can the deal credit the person at any moment, as known at any moment? Only if they own it or
 * are named in one of its splits: the split in force is always one of `deal.splits` (as known
 * then, a subset) or the owner's default, and credit needs a share in it.
 */
export function mayCredit(deal: DealFacts, userId: string): boolean {
  if (deal.ownerId === userId) return true;
  const named = (share: CreditShare) => share.userId === userId;
  return deal.splits.some((split) => split.revenue.some(named) || split.overlay.some(named));
}

export type CreditType = 'revenue' | 'overlay';

/** One line item's credit for one person. */
export interface LineCredit {
  readonly index: number;
  readonly productCode: string;
  readonly quantity: number;
  readonly lineAmountMinor: number;
  readonly creditMinor: number;
  /** True when the credit is not exactly amount × share (largest remainder or half-up moved it). */
  readonly rounded: boolean;
}

/**
 * Revenue credit: each line's amount allocated across the revenue shares by largest remainder,
 * so the shares of one line always sum to the line amount. Overlay credit: amount × share,
 * rounded half-up, on top of revenue credit.
 */
export function lineCredits(lineItems: readonly LineItem[], split: SplitInForce, creditType: CreditType, userId: string): { shareBp: number; credits: LineCredit[] } | undefined {
  const shares = creditType === 'revenue' ? split.revenue : split.overlay;
  const position = shares.findIndex((share) => share.userId === userId);
  if (position < 0) return undefined;
  const shareBp = shares[position].shareBp;
  const credits = lineItems.map((item, index) => {
    const creditMinor = creditType === 'revenue'
      ? allocateLargestRemainder(item.amountMinor, shares.map((share) => share.shareBp))[position]
      : applyBp(item.amountMinor, shareBp);
    const rounded = BigInt(creditMinor) * BigInt(BP) !== BigInt(item.amountMinor) * BigInt(shareBp);
    return { index, productCode: item.productCode, quantity: item.quantity, lineAmountMinor: item.amountMinor, creditMinor, rounded };
  });
  return { shareBp, credits };
}
