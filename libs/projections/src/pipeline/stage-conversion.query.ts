import { lastOpenStage, nextOpenStage, PipelineDefinition, wonStage } from '@deals/domain';
import { ReadModel } from '../projection';
import { DealSummary } from '../deal-summary/deal-summary';
import { DealOutcome, OutcomesAsOf, outcomeAt } from '../kpis/outcome-at';
import { instantMs, withinPeriod } from './period';
import { CatalogOption, catalogOf } from './pipeline-stages';
import { Ratio, ratio } from './statistics';

export interface StageConversionOptions extends CatalogOption {
  readonly stageId: string;
  /** Deals that left the stage in [from, to). */
  readonly from: string;
  readonly to: string;
  /** Only deals following this pipeline; all pipelines with that stage id when absent. */
  readonly pipelineId?: string;
  /** `now` (default): outcomes as the read model holds them; `period-end`: only those dated before `to`. */
  readonly outcomesAsOf?: OutcomesAsOf;
}

export interface StageExit {
  readonly dealId: string;
  readonly leftAt: string;
  readonly toStageId: string;
  readonly toNextStage: boolean;
  readonly outcome: DealOutcome;
}

export interface StageConversion {
  /** The choices this answer was computed with. */
  readonly definitions: { readonly outcomesAsOf: OutcomesAsOf };
  readonly stageId: string;
  readonly from: string;
  readonly to: string;
  readonly left: number;
  /** Went straight to the next stage of the pipeline: the next open stage, or the won stage from the last open one. */
  readonly toNextStage: number;
  readonly won: number;
  readonly lost: number;
  readonly reversed: number;
  readonly open: number;
  /** Each over `left`. */
  readonly rates: { readonly toNextStage: Ratio; readonly won: Ratio; readonly lost: Ratio };
  /** The deals counted, by time they left then id, so every number can be checked. */
  readonly deals: readonly StageExit[];
}

/**
 * Deals that left `stageId` during [from, to): how many moved to the next stage, and how many
 * were eventually won or lost. A deal counts once; when it left the stage more than once in
 * the period (after a backward override), its last exit in the period says where it went.
 * With `outcomesAsOf: period-end` a close or reversal dated at or after `to` is not known yet:
 * a deal won in May is still open in a February report.
 */
export function stageConversion(model: ReadModel<DealSummary>, options: StageConversionOptions): StageConversion {
  const catalog = catalogOf(options);
  const within = withinPeriod(options);
  const outcomesAsOf = options.outcomesAsOf ?? 'now';
  const cutoffMs = outcomesAsOf === 'period-end' ? instantMs(options.to, 'to') : Infinity;
  const deals: StageExit[] = [];
  for (const doc of model.values()) {
    if (options.pipelineId !== undefined && doc.pipeline.id !== options.pipelineId) continue;
    const history = doc.stageHistory;
    let exit: number | undefined;
    history.forEach((stay, index) => {
      if (stay.stageId === options.stageId && within(stay.leftAt) && index + 1 < history.length) exit = index;
    });
    if (exit === undefined) continue;
    const definition = catalog.get(doc.pipeline.id, doc.pipeline.version);
    const toStageId = history[exit + 1].stageId;
    deals.push({
      dealId: doc.dealId,
      leftAt: history[exit].leftAt as string,
      toStageId,
      toNextStage: definition !== undefined && toStageId === nextStageId(definition, options.stageId),
      outcome: cutoffMs === Infinity ? outcomeOf(doc) : outcomeAt(doc, cutoffMs),
    });
  }
  deals.sort((a, b) => (a.leftAt === b.leftAt ? (a.dealId < b.dealId ? -1 : 1) : a.leftAt < b.leftAt ? -1 : 1));
  const count = (outcome: DealOutcome) => deals.filter((deal) => deal.outcome === outcome).length;
  const toNextStage = deals.filter((deal) => deal.toNextStage).length;
  const left = deals.length;
  return {
    definitions: { outcomesAsOf },
    stageId: options.stageId, from: options.from, to: options.to,
    left, toNextStage, won: count('won'), lost: count('lost'), reversed: count('reversed'), open: count('open'),
    rates: { toNextStage: ratio(toNextStage, left), won: ratio(count('won'), left), lost: ratio(count('lost'), left) },
    deals,
  };
}

export function outcomeOf(doc: DealSummary): DealOutcome {
  if (doc.status === 'won') return doc.reversed ? 'reversed' : 'won';
  return doc.status;
}

function nextStageId(definition: PipelineDefinition, stageId: string): string | undefined {
  const next = nextOpenStage(definition, stageId);
  if (next) return next.id;
  return lastOpenStage(definition)?.id === stageId ? wonStage(definition)?.id : undefined;
}
