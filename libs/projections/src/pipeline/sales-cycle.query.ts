import { ReadModel } from '../projection';
import { DealSummary } from '../deal-summary/deal-summary';
import { Period, withinPeriod } from './period';
import { CatalogOption } from './pipeline-stages';
import { durationStats, DurationStats, msBetween, toDays } from './statistics';

export interface SalesCycleOptions extends Period, CatalogOption {
  readonly pipelineId?: string;
  readonly ownerId?: string;
}

export interface SalesCycleDeal {
  readonly dealId: string;
  readonly openedAt: string;
  readonly closedAt: string;
  readonly cycleDays: number;
}

export interface SalesCycle extends DurationStats {
  /** The deals measured, by close date then id. */
  readonly deals: readonly SalesCycleDeal[];
}

/**
 * Sales cycle of the deals won (and not reversed) with a close in [from, to): opening to close
 * in business time, as fractional days.
 */
export function salesCycle(model: ReadModel<DealSummary>, options: SalesCycleOptions): SalesCycle {
  const within = withinPeriod(options);
  const deals: SalesCycleDeal[] = [];
  const durations: number[] = [];
  for (const doc of model.values()) {
    if (doc.status !== 'won' || doc.reversed || doc.closedAt === undefined || !within(doc.closedAt)) continue;
    if (options.pipelineId !== undefined && doc.pipeline.id !== options.pipelineId) continue;
    if (options.ownerId !== undefined && doc.ownerId !== options.ownerId) continue;
    const ms = msBetween(doc.openedAt, doc.closedAt);
    durations.push(ms);
    deals.push({ dealId: doc.dealId, openedAt: doc.openedAt, closedAt: doc.closedAt, cycleDays: toDays(ms) });
  }
  deals.sort((a, b) => (a.closedAt === b.closedAt ? (a.dealId < b.dealId ? -1 : 1) : a.closedAt < b.closedAt ? -1 : 1));
  return { ...durationStats(durations), deals };
}
