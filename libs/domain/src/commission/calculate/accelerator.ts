import { applyBp, BP } from '../basis-points';
import { dayInQuarter } from '../period';
import { money, multiplier, percent } from '../arithmetic-text';
import { CreditedWin } from './credited-wins';

export interface Multiplier {
  readonly multiplierBp: number;
  readonly rule: string;
  readonly why: string;
}

/**
 * The multipliers for a deal: a quarter-end or quarter-start window (by the close's UTC date;
 * the greater if both apply) and the highest attainment tier already reached before the deal
 * (credit on deals closed earlier in the quarter ÷ the assignment's quarterly quota).
 */
export function multipliersFor(win: CreditedWin): Multiplier[] {
  const { accelerators } = win.plan.version.rules;
  if (!accelerators) return [];
  const day = dayInQuarter(win.closeMs);
  const windows: Multiplier[] = [];
  if (accelerators.quarterEnd && day.toEnd <= accelerators.quarterEnd.days) {
    windows.push({ multiplierBp: accelerators.quarterEnd.multiplierBp, rule: 'accelerators.quarterEnd', why: `closed in the last ${accelerators.quarterEnd.days} days of ${win.closePeriod}` });
  }
  if (accelerators.quarterStart && day.fromStart < accelerators.quarterStart.days) {
    windows.push({ multiplierBp: accelerators.quarterStart.multiplierBp, rule: 'accelerators.quarterStart', why: `closed in the first ${accelerators.quarterStart.days} days of ${win.closePeriod}` });
  }
  const window = windows.sort((a, b) => b.multiplierBp - a.multiplierBp).slice(0, 1);
  const tier = attainmentTier(win);
  return [...window, ...(tier ? [tier] : [])].filter((factor) => factor.multiplierBp !== BP);
}

function attainmentTier(win: CreditedWin): Multiplier | undefined {
  const tiers = win.plan.version.rules.accelerators?.attainmentTiers ?? [];
  const quota = win.plan.assignment.quotaMinor;
  if (tiers.length === 0 || quota === undefined || quota <= 0) return undefined;
  const before = BigInt(win.creditBeforeInQuarterMinor) * BigInt(BP);
  let chosen: { index: number; multiplierBp: number; aboveAttainmentBp: number } | undefined;
  tiers.forEach((tier, index) => {
    if (before >= BigInt(quota) * BigInt(tier.aboveAttainmentBp)) chosen = { index, ...tier };
  });
  if (!chosen) return undefined;
  const attainedBp = Number((before / BigInt(quota)));
  return {
    multiplierBp: chosen.multiplierBp,
    rule: `accelerators.attainmentTiers[${chosen.index}]`,
    why: `attainment before this deal ${money(win.creditBeforeInQuarterMinor, win.plan.version.rules.currency)} ÷ quota ${money(quota, win.plan.version.rules.currency)} = ${percent(attainedBp)} ≥ ${percent(chosen.aboveAttainmentBp)}`,
  };
}

/** The deal's commission after its multipliers, rounded half-up once; the accelerator line is the difference. */
export function accelerate(subtotalMinor: number, factors: readonly Multiplier[]): { totalMinor: number; text: string } {
  const totalMinor = applyBp(subtotalMinor, ...factors.map((factor) => factor.multiplierBp));
  const text = factors.map((factor) => ` × ${multiplier(factor.multiplierBp)}`).join('');
  return { totalMinor, text };
}
