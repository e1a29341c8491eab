import { ReadModel } from '../projection';
import { DealSummary } from '../deal-summary/deal-summary';
import { instantMs } from './period';
import { CatalogOption, catalogOf, dealStage, resolvePipeline, StageRows } from './pipeline-stages';
import { medianOf, nearestRank, toDays } from './statistics';

export interface TimeInStageOptions extends CatalogOption {
  /** The moment current stays are measured up to (never read from a clock). */
  readonly now: string;
  /** Only this stage's row. */
  readonly stageId?: string;
  readonly pipelineId?: string;
}

/** Median (conventional) and p90 (nearest-rank) of stays, in fractional days; null when none. */
export interface StayStats {
  readonly count: number;
  readonly medianDays: number | null;
  readonly p90Days: number | null;
}

export interface TimeInStageRow {
  readonly stageId: string;
  readonly stageName: string;
  /** Deals in the stage now: open deals in open stages, won and not reversed deals in post-close stages; days so far. */
  readonly current: StayStats;
  /** Completed stays (the deal has left the stage), whatever became of the deal. */
  readonly historical: StayStats;
}

/**
 * Time spent per stage, for the open and post-close stages of one pipeline (won and lost are
 * where deals end; close → hand-off is measured by the post-close queries). A deal that came
 * back to a stage contributes one stay per visit.
 */
export function timeInStage(model: ReadModel<DealSummary>, options: TimeInStageOptions): TimeInStageRow[] {
  const catalog = catalogOf(options);
  const definition = resolvePipeline(catalog, options.pipelineId);
  const now = instantMs(options.now, 'now');
  const rows = new StageRows(definition, ['open', 'post-close'], () => ({ current: [] as number[], historical: [] as number[] }));
  for (const doc of model.values()) {
    if (doc.pipeline.id !== definition.id) continue;
    doc.stageHistory.forEach((stay, index) => {
      const stage = dealStage(catalog, doc, stay.stageId);
      const row = rows.at(stage, stay.stageId);
      if (row === undefined) return;
      const entered = Date.parse(stay.enteredAt);
      if (stay.leftAt !== undefined) {
        row.historical.push(Date.parse(stay.leftAt) - entered);
      } else if (index === doc.stageHistory.length - 1 && isActive(doc, stage?.phase)) {
        row.current.push(now - entered);
      }
    });
  }
  return rows.map((key, acc) => ({ ...key, current: stayStats(acc.current), historical: stayStats(acc.historical) }))
    .filter((row) => options.stageId === undefined || row.stageId === options.stageId);
}

function isActive(doc: DealSummary, phase: string | undefined): boolean {
  if (phase === 'open') return doc.status === 'open';
  return phase === 'post-close' && doc.status === 'won' && !doc.reversed;
}

export function stayStats(durationsMs: readonly number[]): StayStats {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  if (sorted.length === 0) return { count: 0, medianDays: null, p90Days: null };
  return { count: sorted.length, medianDays: toDays(medianOf(sorted)), p90Days: toDays(nearestRank(sorted, 90) as number) };
}
