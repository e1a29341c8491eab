import { ReadModel } from '../projection';
import { DealSummary } from '../deal-summary/deal-summary';
import { durationStats, DurationStats, ratio, Ratio } from '../pipeline/statistics';
import { DealOrigin, DEAL_ORIGINS, originOf } from './deal-origin';
import { DealOutcome, OutcomesAsOf, outcomeAt } from './outcome-at';
import { MeetingsDefinition, meetingsCounted } from './meetings-definition';
import { MonthBounds, parseSalesPeriod, previousMonth } from './sales-period';

export type KpiGroupBy = 'rep' | 'team';
export type OriginSplit = DealOrigin | 'all';

export interface SalesKpiOptions {
  /** `2026-02` or `2026-Q1`. */
  readonly period: string;
  readonly groupBy: KpiGroupBy;
  /** Only this origin; every origin (and `all`) when absent. */
  readonly origin?: OriginSplit;
  readonly outcomesAsOf: OutcomesAsOf;
  readonly meetings: MeetingsDefinition;
  /** The team a person is in: the id of the manager leading it (see docs/kpis.md). */
  readonly teamOf: (userId: string) => string;
  /** Which rows the caller may see (a person's id, or a team's manager id); all when absent. */
  readonly visible?: (key: string) => boolean;
}

export interface WonAmount {
  readonly currency: string;
  readonly deals: number;
  readonly totalMinor: number;
  /** Average deal size: total ÷ deals, rounded half-up to a minor unit. */
  readonly averageMinor: number;
}

export interface MonthRevenue {
  readonly currency: string;
  readonly wonMinor: number;
  readonly previousMonthMinor: number;
  /** (won − previous month) ÷ previous month; percent null when the previous month had none. */
  readonly growth: Ratio;
}

export interface KpiFigures {
  /** Closes dated in the period, by outcome (a reversed win counts apart, neither won nor lost). */
  readonly won: number;
  readonly lost: number;
  readonly reversed: number;
  /** won ÷ (won + lost). */
  readonly winRate: Ratio;
  readonly wonAmounts: readonly WonAmount[];
  /** Open to close of the deals won in the period, fractional days. */
  readonly salesCycle: DurationStats;
  readonly monthlyRevenue: readonly { readonly month: string; readonly revenue: readonly MonthRevenue[] }[];
  /** Deals first contacted in the period, and where they ended (as of the outcomes' moment). */
  readonly leadConversion: {
    readonly firstContacted: number; readonly won: number; readonly lost: number; readonly reversed: number; readonly open: number;
    /** won ÷ firstContacted. */
    readonly rate: Ratio;
  };
  /** Deals live during the period (live before its end, not reversed before its start) and those whose win was reversed in it after going live. */
  readonly churnAfterGoLive: { readonly live: number; readonly churned: number; readonly rate: Ratio };
  readonly meetings: number;
}

export interface KpiRow {
  /** A rep's id, or a team's (its manager's id). */
  readonly key: string;
  readonly origins: readonly { readonly origin: OriginSplit; readonly figures: KpiFigures }[];
}

export interface SalesKpis {
  readonly period: string;
  readonly from: string;
  readonly to: string;
  readonly groupBy: KpiGroupBy;
  readonly outcomesAsOf: OutcomesAsOf;
  readonly meetingsDefinition: MeetingsDefinition;
  /** One row per rep or team with anything in the period, by key. */
  readonly rows: readonly KpiRow[];
  /** Every row shown, together. */
  readonly total: KpiRow['origins'];
}

interface Bucket {
  won: DealSummary[];
  lost: number;
  reversed: number;
  /** Revenue won per month and currency (the period's months and the one before). */
  revenue: Map<string, Map<string, number>>;
  cohort: DealOutcome[];
  live: number;
  churned: number;
  meetings: number;
}

const emptyBucket = (): Bucket => ({ won: [], lost: 0, reversed: 0, revenue: new Map(), cohort: [], live: 0, churned: 0, meetings: 0 });
const TOTAL = '\u0000total';

/**
 * Sales KPIs of a month or quarter per rep (the deal's owner) or team, split by origin. Deal
 * figures go to the owner; meetings to whoever recorded them. With `outcomesAsOf: period-end`
 * nothing dated at or after the period's end counts (closes, reversals, first contacts).
 */
export function salesKpis(model: ReadModel<DealSummary>, options: SalesKpiOptions): SalesKpis {
  const period = parseSalesPeriod(options.period);
  const fromMs = Date.parse(period.from);
  const toMs = Date.parse(period.to);
  const cutoffMs = options.outcomesAsOf === 'period-end' ? toMs : Infinity;
  const months: MonthBounds[] = [previousMonth(period.months[0]), ...period.months];
  const groupOf = (userId: string) => (options.groupBy === 'rep' ? userId : options.teamOf(userId));
  const visible = options.visible ?? (() => true);
  const buckets = new Map<string, Map<OriginSplit, Bucket>>();
  const touch = (key: string, origin: DealOrigin, change: (bucket: Bucket) => void) => {
    if (!visible(key)) return;
    for (const row of [key, TOTAL]) {
      const byOrigin = buckets.get(row) ?? new Map<OriginSplit, Bucket>();
      buckets.set(row, byOrigin);
      for (const split of [origin, 'all'] as const) {
        const bucket = byOrigin.get(split) ?? emptyBucket();
        byOrigin.set(split, bucket);
        change(bucket);
      }
    }
  };
  const inPeriod = (at: string | undefined) => at !== undefined && Date.parse(at) >= fromMs && Date.parse(at) < toMs;

  for (const doc of model.values()) {
    const key = groupOf(doc.ownerId);
    const origin = originOf(doc, cutoffMs);
    const outcome = outcomeAt(doc, cutoffMs);
    if (inPeriod(doc.closedAt)) {
      if (outcome === 'won') touch(key, origin, (b) => b.won.push(doc));
      if (outcome === 'lost') touch(key, origin, (b) => { b.lost += 1; });
      if (outcome === 'reversed') touch(key, origin, (b) => { b.reversed += 1; });
    }
    const closedMs = doc.closedAt === undefined ? NaN : Date.parse(doc.closedAt);
    const closeMonth = outcome === 'won' ? months.find((m) => closedMs >= Date.parse(m.from) && closedMs < Date.parse(m.to)) : undefined;
    if (closeMonth) {
      touch(key, origin, (b) => {
        const byCurrency = b.revenue.get(closeMonth.month) ?? new Map<string, number>();
        b.revenue.set(closeMonth.month, byCurrency);
        byCurrency.set(doc.currency, (byCurrency.get(doc.currency) ?? 0) + doc.amountMinor);
      });
    }
    if (doc.firstContact !== undefined && inPeriod(doc.firstContact.at)) touch(key, origin, (b) => b.cohort.push(outcome));
    const { liveAt } = doc.postClose;
    const reversedMs = doc.reversed && doc.reversedAt !== undefined ? Date.parse(doc.reversedAt) : Infinity;
    if (liveAt !== undefined && Date.parse(liveAt) < toMs && reversedMs >= fromMs) {
      const churned = reversedMs < toMs && reversedMs >= Date.parse(liveAt);
      touch(key, origin, (b) => { b.live += 1; if (churned) b.churned += 1; });
    }
    for (const meeting of meetingsCounted(doc, options.meetings)) {
      if (inPeriod(meeting.at)) touch(groupOf(meeting.actorId), origin, (b) => { b.meetings += 1; });
    }
  }

  const splits: readonly OriginSplit[] = options.origin === undefined ? ['all', ...DEAL_ORIGINS] : [options.origin];
  const present = (byOrigin: Map<OriginSplit, Bucket> | undefined) =>
    splits.map((origin) => ({ origin, figures: figuresOf(byOrigin?.get(origin) ?? emptyBucket(), period.months) }));
  const rows = [...buckets.keys()].filter((key) => key !== TOTAL).sort((a, b) => (a < b ? -1 : 1))
    .map((key) => ({ key, origins: present(buckets.get(key)) }));
  return {
    period: period.period, from: period.from, to: period.to, groupBy: options.groupBy, outcomesAsOf: options.outcomesAsOf,
    meetingsDefinition: options.meetings, rows, total: present(buckets.get(TOTAL)),
  };
}

function figuresOf(bucket: Bucket, months: readonly MonthBounds[]): KpiFigures {
  const won = bucket.won.length;
  const totals = new Map<string, { deals: number; total: bigint }>();
  for (const doc of bucket.won) {
    const current = totals.get(doc.currency) ?? { deals: 0, total: 0n };
    totals.set(doc.currency, { deals: current.deals + 1, total: current.total + BigInt(doc.amountMinor) });
  }
  const wonAmounts = [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, { deals, total }]) => ({
    currency, deals, totalMinor: Number(total),
    averageMinor: Number((2n * total + BigInt(deals)) / (2n * BigInt(deals))),
  }));
  const count = (outcome: DealOutcome) => bucket.cohort.filter((o) => o === outcome).length;
  return {
    won, lost: bucket.lost, reversed: bucket.reversed,
    winRate: ratio(won, won + bucket.lost),
    wonAmounts,
    salesCycle: durationStats(bucket.won.map((doc) => Date.parse(doc.closedAt!) - Date.parse(doc.openedAt))),
    monthlyRevenue: months.map((month) => ({ month: month.month, revenue: monthRevenue(bucket, month) })),
    leadConversion: {
      firstContacted: bucket.cohort.length, won: count('won'), lost: count('lost'), reversed: count('reversed'), open: count('open'),
      rate: ratio(count('won'), bucket.cohort.length),
    },
    churnAfterGoLive: { live: bucket.live, churned: bucket.churned, rate: ratio(bucket.churned, bucket.live) },
    meetings: bucket.meetings,
  };
}

function monthRevenue(bucket: Bucket, month: MonthBounds): MonthRevenue[] {
  const current = bucket.revenue.get(month.month) ?? new Map<string, number>();
  const previous = bucket.revenue.get(previousMonth(month).month) ?? new Map<string, number>();
  const currencies = [...new Set([...current.keys(), ...previous.keys()])].sort();
  return currencies.map((currency) => {
    const wonMinor = current.get(currency) ?? 0;
    const previousMonthMinor = previous.get(currency) ?? 0;
    return { currency, wonMinor, previousMonthMinor, growth: ratio(wonMinor - previousMonthMinor, previousMonthMinor) };
  });
}
