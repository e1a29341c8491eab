/**
 * A commission plan version's rules. Money is integer minor units of `currency`; rates and
 * multipliers are basis points (10,000 = 100% or ×1.00).
 */
export interface PlanRules {
  /** Which credit the plan pays on: revenue credit (splits total 100%) or overlay credit (extra). */
  readonly creditType: 'revenue' | 'overlay';
  readonly currency: string;
  readonly baseRateBp: number;
  /** Replaces the base rate for a product: higher to push it, lower to de-emphasise it. */
  readonly productRates?: readonly ProductRate[];
  /** Added to the rate of every line of a deal whose account is in the industry (case-insensitive). */
  readonly verticalIncentives?: readonly VerticalIncentive[];
  /** Bonuses per calendar quarter, paid once when the target is reached. */
  readonly spifs?: readonly Spif[];
  readonly accelerators?: Accelerators;
  /** When commission is paid: at the close, or when the customer goes live. */
  readonly payoutTrigger: 'close' | 'go-live';
  /** A won deal reversed within this many days of the anchor is clawed back. */
  readonly clawbackWindowDays: number;
  /** What the clawback window is counted from: the close (default), go-live, or the payout. */
  readonly clawbackWindowFrom?: ClawbackAnchor;
}

export type ClawbackAnchor = 'close' | 'go-live' | 'payout';
export const CLAWBACK_ANCHORS: readonly ClawbackAnchor[] = ['close', 'go-live', 'payout'];

export interface ProductRate {
  readonly productCode: string;
  readonly rateBp: number;
}

export interface VerticalIncentive {
  readonly industry: string;
  readonly extraRateBp: number;
}

export interface Spif {
  readonly id: string;
  readonly productCode: string;
  /** quantity: units sold on deals the person has credit on; amount: the person's credited amount of the product. */
  readonly metric: 'quantity' | 'amount';
  readonly target: number;
  readonly bonusMinor: number;
}

export interface WindowAccelerator {
  readonly days: number;
  readonly multiplierBp: number;
}

export interface AttainmentTier {
  /** Attainment (credited revenue in the quarter ÷ quarterly quota) at or above which the tier applies. */
  readonly aboveAttainmentBp: number;
  readonly multiplierBp: number;
}

export interface Accelerators {
  /** Deals closed in the last `days` days of a calendar quarter. */
  readonly quarterEnd?: WindowAccelerator;
  /** Deals closed in the first `days` days of a calendar quarter. */
  readonly quarterStart?: WindowAccelerator;
  readonly attainmentTiers?: readonly AttainmentTier[];
}
