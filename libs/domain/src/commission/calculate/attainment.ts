import { BP } from '../basis-points';
import { Period, periodBounds } from '../period';
import { CreditedWin } from './credited-wins';
import { planInForce } from './plan-in-force';
import { CommissionFacts } from './facts';
import { Attainment } from './statement.types';

/** From the person's credited wins (see creditedWins): their credit in the quarter against the quota in force at its end. */
export function attainmentOf(facts: CommissionFacts, wins: readonly CreditedWin[], userId: string, period: Period): Attainment {
  const lastMoment = new Date(periodBounds(period).endMs - 1).toISOString();
  const creditedMinor = wins.filter((win) => win.closePeriod === period).reduce((sum, win) => sum + win.creditTotalMinor, 0);
  const lookup = planInForce(facts, userId, lastMoment);
  if (!lookup.found) return { userId, period, creditedMinor };
  const { assignment, version } = lookup.plan;
  const quota = assignment.quotaMinor;
  if (quota === undefined || quota <= 0) return { userId, period, creditedMinor, currency: version.rules.currency };
  const attainmentBp = Number((BigInt(creditedMinor) * BigInt(BP)) / BigInt(quota));
  const tiers = (version.rules.accelerators?.attainmentTiers ?? []).map((tier, index) => ({ index, ...tier }));
  const reached = tiers.filter((tier) => BigInt(creditedMinor) * BigInt(BP) >= BigInt(quota) * BigInt(tier.aboveAttainmentBp));
  const tier = reached.at(-1);
  const nextTier = tiers.find((candidate) => !reached.includes(candidate));
  return {
    userId, period, quotaMinor: quota, currency: version.rules.currency, creditedMinor, attainmentBp,
    ...(tier ? { tier } : {}), ...(nextTier ? { nextTier } : {}),
  };
}
