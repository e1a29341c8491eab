import { stageById } from '@deals/domain';
import { ReadModel } from '../projection';
import { DealSummary } from '../deal-summary/deal-summary';
import { instantMs, withinPeriod } from '../pipeline/period';
import { CatalogOption, catalogOf } from '../pipeline/pipeline-stages';
import { StuckThresholds } from '../pipeline/stuck-deals.query';
import { msBetween, toDays } from '../pipeline/statistics';
import { postCloseWait, PostCloseWaitingFor } from './post-close-wait';

export interface PostCloseDealsOptions extends CatalogOption {
  /** The moment waits are measured up to (never read from a clock). */
  readonly now: string;
  /** Deals closed in [closedFrom, closedTo). */
  readonly closedFrom?: string;
  readonly closedTo?: string;
  readonly implementationLeadId?: string;
  readonly customerSuccessManagerId?: string;
  readonly thresholds?: StuckThresholds;
}

/** One won, not reversed deal after the close. Absent facts are null. */
export interface PostCloseDeal {
  readonly dealId: string;
  readonly name: string;
  readonly ownerId: string;
  readonly closedAt: string;
  /** The current post-close stage (the won stage until the hand-off). */
  readonly stageId: string;
  readonly stageName: string;
  readonly handedOffAt: string | null;
  readonly implementationStartedAt: string | null;
  readonly liveAt: string | null;
  readonly implementationLeadId: string | null;
  readonly customerSuccessManagerId: string | null;
  /** Close → hand-off: how long customer success took to react. */
  readonly daysToHandOff: number | null;
  /** Implementation start → live. */
  readonly implementationDays: number | null;
  readonly waitingFor: PostCloseWaitingFor | null;
  readonly waitingSince: string | null;
  readonly daysWaiting: number | null;
  readonly stuckAfterDays: number | null;
  /** Waiting (strictly) longer than `stuckAfterDays`. */
  readonly stuck: boolean;
}

/** Won, not reversed deals and where they are after the close, by close date then id. */
export function postCloseDeals(model: ReadModel<DealSummary>, options: PostCloseDealsOptions): PostCloseDeal[] {
  const catalog = catalogOf(options);
  const now = new Date(instantMs(options.now, 'now')).toISOString();
  const closed = withinPeriod({ from: options.closedFrom, to: options.closedTo });
  const deals: PostCloseDeal[] = [];
  for (const doc of model.values()) {
    if (doc.status !== 'won' || doc.reversed || doc.closedAt === undefined || !closed(doc.closedAt)) continue;
    const facts = doc.postClose;
    if (options.implementationLeadId !== undefined && facts.implementationLeadId !== options.implementationLeadId) continue;
    if (options.customerSuccessManagerId !== undefined && facts.customerSuccessManagerId !== options.customerSuccessManagerId) continue;
    const wait = postCloseWait(catalog, doc, options.thresholds);
    const daysWaiting = wait ? toDays(msBetween(wait.since, now)) : null;
    const definition = catalog.get(doc.pipeline.id, doc.pipeline.version);
    deals.push({
      dealId: doc.dealId, name: doc.name, ownerId: doc.ownerId, closedAt: doc.closedAt,
      stageId: doc.stageId, stageName: (definition && stageById(definition, doc.stageId)?.name) ?? doc.stageName,
      handedOffAt: facts.handedOffAt ?? null,
      implementationStartedAt: facts.implementationStartedAt ?? null,
      liveAt: facts.liveAt ?? null,
      implementationLeadId: facts.implementationLeadId ?? null,
      customerSuccessManagerId: facts.customerSuccessManagerId ?? null,
      daysToHandOff: facts.handedOffAt === undefined ? null : toDays(msBetween(doc.closedAt, facts.handedOffAt)),
      implementationDays: facts.implementationStartedAt === undefined || facts.liveAt === undefined
        ? null : toDays(msBetween(facts.implementationStartedAt, facts.liveAt)),
      waitingFor: wait?.waitingFor ?? null,
      waitingSince: wait?.since ?? null,
      daysWaiting,
      stuckAfterDays: wait?.stuckAfterDays ?? null,
      stuck: wait !== undefined && wait.stuckAfterDays !== null && daysWaiting !== null && daysWaiting > wait.stuckAfterDays,
    });
  }
  return deals.sort((a, b) => (a.closedAt === b.closedAt ? (a.dealId < b.dealId ? -1 : 1) : a.closedAt < b.closedAt ? -1 : 1));
}

/**
 * Won deals stuck after the close, longest wait first: not handed off, handed off but not
 * started, or started but not live, for longer than the stage's threshold (see `postCloseWait`).
 */
export function stuckAfterClose(model: ReadModel<DealSummary>, options: PostCloseDealsOptions): PostCloseDeal[] {
  return postCloseDeals(model, options)
    .filter((deal) => deal.stuck)
    .sort((a, b) => (b.daysWaiting as number) - (a.daysWaiting as number) || (a.dealId < b.dealId ? -1 : 1));
}
