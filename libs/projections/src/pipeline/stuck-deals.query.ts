import { isStageStuck } from '@deals/domain';
import { ReadModel } from '../projection';
import { DealSummary } from '../deal-summary/deal-summary';
import { instantMs } from './period';
import { CatalogOption, catalogOf, dealStage } from './pipeline-stages';
import { msBetween, toDays } from './statistics';

/** Days after which a stage counts as stuck, by stage id; overrides the pipeline's `stuckAfterDays`. */
export type StuckThresholds = Readonly<Record<string, number>>;

export interface StuckDealsOptions extends CatalogOption {
  readonly now: string;
  readonly thresholds?: StuckThresholds;
  readonly pipelineId?: string;
  readonly ownerId?: string;
}

export interface StuckDeal {
  readonly dealId: string;
  readonly name: string;
  readonly ownerId: string;
  readonly stageId: string;
  readonly stageName: string;
  readonly enteredAt: string;
  readonly daysInStage: number;
  readonly stuckAfterDays: number;
}

/**
 * Open deals that have sat in their open stage longer (strictly) than the stage's threshold,
 * longest first. Stages without a threshold are never stuck. Won deals waiting after the close
 * are the post-close queries' business.
 */
export function stuckDeals(model: ReadModel<DealSummary>, options: StuckDealsOptions): StuckDeal[] {
  const catalog = catalogOf(options);
  const now = new Date(instantMs(options.now, 'now')).toISOString();
  const stuck: StuckDeal[] = [];
  for (const doc of model.values()) {
    if (doc.status !== 'open') continue;
    if (options.pipelineId !== undefined && doc.pipeline.id !== options.pipelineId) continue;
    if (options.ownerId !== undefined && doc.ownerId !== options.ownerId) continue;
    const stage = dealStage(catalog, doc, doc.stageId);
    if (!stage || stage.phase !== 'open') continue;
    const stuckAfterDays = options.thresholds?.[stage.id] ?? stage.stuckAfterDays;
    if (stuckAfterDays === undefined || !isStageStuck({ ...stage, stuckAfterDays }, doc.stageEnteredAt, now)) continue;
    stuck.push({
      dealId: doc.dealId, name: doc.name, ownerId: doc.ownerId, stageId: doc.stageId, stageName: doc.stageName,
      enteredAt: doc.stageEnteredAt, daysInStage: toDays(msBetween(doc.stageEnteredAt, now)), stuckAfterDays,
    });
  }
  return stuck.sort((a, b) => b.daysInStage - a.daysInStage || (a.dealId < b.dealId ? -1 : 1));
}
