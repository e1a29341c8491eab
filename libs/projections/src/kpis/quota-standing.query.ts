import { DomainError, isPeriod } from '@deals/domain';
import { ReadModel } from '../projection';
import { CommissionFactsDocument } from '../commission/commission-facts.document';
import { openPipelineEstimate, quotaAttainment } from '../commission/commission.queries';
import { ratio, Ratio } from '../pipeline/statistics';
import { parseSalesPeriod } from './sales-period';

const BP = 10_000;

export interface QuotaStandingOptions {
  readonly userId: string;
  /** A quarter (`2026-Q1`): quotas are quarterly. */
  readonly period: string;
  /** Which deals are open, and the split in force: at this moment (the as-of time, else now). */
  readonly now: string;
  /** A deal's expected close date (the buyer's decision timeframe), when noted. */
  readonly expectedCloseOf: (dealId: string) => string | undefined;
}

export interface OpenDealWeighted {
  readonly dealId: string;
  readonly stageId: string;
  readonly probabilityBp: number;
  readonly creditMinor: number;
  /** credit × probability, rounded half-up to a minor unit. */
  readonly weightedMinor: number;
  /** Absent: no decision timeframe noted. */
  readonly expectedCloseBy?: string;
  readonly expectedInPeriod: boolean;
}

export interface QuotaStanding {
  readonly userId: string;
  readonly period: string;
  /** The plan's currency (absent: no plan in force at the quarter's end). */
  readonly currency?: string;
  /** The quarterly quota of the assignment in force at the quarter's end (absent: none set). */
  readonly quotaMinor?: number;
  /** The person's credit on deals won in the quarter, as their commission attainment counts it. */
  readonly closedWonMinor: number;
  /** Open deals they have credit on whose expected close falls in the quarter: Σ credit × probability. */
  readonly weightedOpenMinor: number;
  /** max(0, quota − closed won); absent without a quota. */
  readonly gapMinor?: number;
  /** weighted open ÷ gap; absent without a quota, percent null when the gap is 0. */
  readonly coverage?: Ratio;
  /** Every open deal they have credit on, expected in the quarter or not, by deal id. */
  readonly openDeals: readonly OpenDealWeighted[];
}

/** Quotas are quarterly; a month is 400 REPORT.QUOTA_PERIOD_QUARTERLY. */
export function requireQuarter(period: string): void {
  if (!isPeriod(period)) {
    parseSalesPeriod(period);
    throw new DomainError('REPORT.QUOTA_PERIOD_QUARTERLY', 'invalid', `quotas are quarterly: ask for a quarter (2026-Q1), not '${period}'`, { period });
  }
}

/**
 * Where a person stands against their quarterly quota: credit won in the quarter (reusing the
 * commission attainment), the weighted credit of open deals expected to close in it, the gap
 * left and the coverage of that gap.
 */
export function quotaStanding(model: ReadModel<CommissionFactsDocument>, options: QuotaStandingOptions): QuotaStanding {
  requireQuarter(options.period);
  const attainment = quotaAttainment(model, { userId: options.userId, period: options.period });
  const estimate = openPipelineEstimate(model, { userId: options.userId, now: options.now });
  const openDeals = estimate.lines
    .filter((line) => attainment.currency === undefined || line.currency === attainment.currency)
    .map((line): OpenDealWeighted => {
      const exact = BigInt(line.creditMinor) * BigInt(line.probabilityBp);
      return {
        dealId: line.dealId, stageId: line.stageId, probabilityBp: line.probabilityBp, creditMinor: line.creditMinor,
        weightedMinor: Number((2n * exact + BigInt(BP)) / (2n * BigInt(BP))), expectedInPeriod: false,
      };
    })
    .sort((a, b) => (a.dealId < b.dealId ? -1 : 1));
  const standing: QuotaStanding = {
    userId: options.userId, period: options.period,
    ...(attainment.currency === undefined ? {} : { currency: attainment.currency }),
    ...(attainment.quotaMinor === undefined ? {} : { quotaMinor: attainment.quotaMinor }),
    closedWonMinor: attainment.creditedMinor, weightedOpenMinor: 0, openDeals,
  };
  return withExpectedClose(standing, options.expectedCloseOf);
}

/**
 * The standing with each open deal's expected close date (read from the deal summaries, which a
 * caller may fetch after the commission facts): the weighted open pipeline, gap and coverage.
 */
export function withExpectedClose(standing: QuotaStanding, expectedCloseOf: (dealId: string) => string | undefined): QuotaStanding {
  const { from, to } = parseSalesPeriod(standing.period);
  const inQuarter = (date: string | undefined) =>
    date !== undefined && Date.parse(date) >= Date.parse(from) && Date.parse(date) < Date.parse(to);
  const openDeals = standing.openDeals.map(({ expectedCloseBy: _was, ...deal }) => {
    const expectedCloseBy = expectedCloseOf(deal.dealId);
    return { ...deal, ...(expectedCloseBy === undefined ? {} : { expectedCloseBy }), expectedInPeriod: inQuarter(expectedCloseBy) };
  });
  const weightedOpenMinor = openDeals.filter((deal) => deal.expectedInPeriod).reduce((sum, deal) => sum + deal.weightedMinor, 0);
  const { gapMinor: _gap, coverage: _coverage, ...rest } = standing;
  if (standing.quotaMinor === undefined) return { ...rest, weightedOpenMinor, openDeals };
  const gapMinor = Math.max(0, standing.quotaMinor - standing.closedWonMinor);
  return { ...rest, weightedOpenMinor, openDeals, gapMinor, coverage: ratio(weightedOpenMinor, gapMinor) };
}

/** The ids of the deals a standing needs an expected close date for. */
export const openDealIds = (standings: readonly QuotaStanding[]): string[] =>
  [...new Set(standings.flatMap((standing) => standing.openDeals.map((deal) => deal.dealId)))];

/** One person's standing, or a team's (the people whose manager leads it, see docs/kpis.md). */
export interface QuotaStandingReport {
  readonly scope: 'person' | 'team';
  /** The person, or the team's manager. */
  readonly id: string;
  readonly period: string;
  /** Per currency: the members' sums; the gap of the team as a whole (over-achievers offset the others). */
  readonly totals: readonly {
    readonly currency: string; readonly members: number; readonly quotaMinor: number; readonly closedWonMinor: number;
    readonly weightedOpenMinor: number; readonly gapMinor: number; readonly coverage: Ratio;
  }[];
  readonly members: readonly QuotaStanding[];
}

/** Standings summed per plan currency (members without a plan are listed, not summed). */
export function quotaStandingReport(scope: QuotaStandingReport['scope'], id: string, period: string, members: readonly QuotaStanding[]): QuotaStandingReport {
  const byCurrency = new Map<string, { members: number; quotaMinor: number; closedWonMinor: number; weightedOpenMinor: number }>();
  for (const member of members) {
    if (member.currency === undefined) continue;
    const sum = byCurrency.get(member.currency) ?? { members: 0, quotaMinor: 0, closedWonMinor: 0, weightedOpenMinor: 0 };
    byCurrency.set(member.currency, {
      members: sum.members + 1, quotaMinor: sum.quotaMinor + (member.quotaMinor ?? 0),
      closedWonMinor: sum.closedWonMinor + member.closedWonMinor, weightedOpenMinor: sum.weightedOpenMinor + member.weightedOpenMinor,
    });
  }
  const totals = [...byCurrency.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, sum]) => {
    const gapMinor = Math.max(0, sum.quotaMinor - sum.closedWonMinor);
    return { currency, ...sum, gapMinor, coverage: ratio(sum.weightedOpenMinor, gapMinor) };
  });
  return { scope, id, period, totals, members: [...members].sort((a, b) => (a.userId < b.userId ? -1 : 1)) };
}
