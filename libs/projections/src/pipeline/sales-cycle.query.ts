import { ReadModel } from '../projection';
import { DealSummary } from '../deal-summary/deal-summary';
import { OutcomesAsOf } from '../kpis/outcome-at';
import { instantMs, Period, withinPeriod } from './period';
import { CatalogOption } from './pipeline-stages';
import { durationStats, DurationStats, msBetween, toDays } from './statistics';

export interface SalesCycleOptions extends Period, CatalogOption {
  readonly pipelineId?: string;
  readonly ownerId?: string;
  /** `now` (default): a win reversed at any time is no win; `period-end`: only reversals dated before `to` undo it. */
  readonly outcomesAsOf?: OutcomesAsOf;
}

export interface SalesCycleDeal {
  readonly dealId: string;
  readonly openedAt: string;
  readonly closedAt: string;
  readonly cycleDays: number;
}

export interface SalesCycle extends DurationStats {
  /** The choices this answer was computed with. */
  readonly definitions: { readonly outcomesAsOf: OutcomesAsOf };
  /** The deals measured, by close date then id. */
  readonly deals: readonly SalesCycleDeal[];
}

/**
 * Sales cycle of the deals won (and not reversed) with a close in [from, to): opening to close
 * in business time, as fractional days. A close is always dated in the period, so
 * `outcomesAsOf` only decides whether a reversal dated after the period undoes the win.
 */
export function salesCycle(model: ReadModel<DealSummary>, options: SalesCycleOptions): SalesCycle {
  const within = withinPeriod(options);
  const outcomesAsOf = options.outcomesAsOf ?? 'now';
  const reversedBy = reversalCutoff(options, outcomesAsOf);
  const deals: SalesCycleDeal[] = [];
  const durations: number[] = [];
  for (const doc of model.values()) {
    if (doc.status !== 'won' || doc.closedAt === undefined || !within(doc.closedAt) || reversedBy(doc)) continue;
    if (options.pipelineId !== undefined && doc.pipeline.id !== options.pipelineId) continue;
    if (options.ownerId !== undefined && doc.ownerId !== options.ownerId) continue;
    const ms = msBetween(doc.openedAt, doc.closedAt);
    durations.push(ms);
    deals.push({ dealId: doc.dealId, openedAt: doc.openedAt, closedAt: doc.closedAt, cycleDays: toDays(ms) });
  }
  deals.sort((a, b) => (a.closedAt === b.closedAt ? (a.dealId < b.dealId ? -1 : 1) : a.closedAt < b.closedAt ? -1 : 1));
  return { definitions: { outcomesAsOf }, ...durationStats(durations), deals };
}

/** Whether a won deal's reversal counts: any reversal, or only one dated before the period's end. */
export function reversalCutoff(period: Period, outcomesAsOf: OutcomesAsOf): (doc: DealSummary) => boolean {
  if (outcomesAsOf === 'now' || period.to === undefined) return (doc) => doc.reversed;
  const cutoffMs = instantMs(period.to, 'to');
  return (doc) => doc.reversed && doc.reversedAt !== undefined && Date.parse(doc.reversedAt) < cutoffMs;
}
