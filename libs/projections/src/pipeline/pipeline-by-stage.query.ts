import { ReadModel } from '../projection';
import { DealSummary } from '../deal-summary/deal-summary';
import { withinPeriod } from './period';
import { CatalogOption, catalogOf, dealStage, resolvePipeline, StageRows } from './pipeline-stages';
import { weightedMinor } from './statistics';

export interface PipelineByStageOptions extends CatalogOption {
  /** The pipeline to report (its latest version gives the rows); the catalog's default when absent. */
  readonly pipelineId?: string;
  readonly ownerId?: string;
  /** Deals where this person is currently on the team, in any role. */
  readonly teamMemberId?: string;
  /** Deals opened in [openedFrom, openedTo). */
  readonly openedFrom?: string;
  readonly openedTo?: string;
}

/**
 * Amounts of one currency. Deals in different currencies are never added together, so every
 * amount is reported per currency (sorted by code).
 */
export interface CurrencyAmounts {
  readonly currency: string;
  readonly count: number;
  readonly amountMinor: number;
  /** Σ over deals of round-half-up(amountMinor × probability of the deal's stage). */
  readonly weightedAmountMinor: number;
}

export interface PipelineStageRow {
  readonly stageId: string;
  readonly stageName: string;
  readonly count: number;
  readonly amounts: readonly CurrencyAmounts[];
}

export interface PipelineByStage {
  readonly pipelineId: string;
  readonly pipelineVersion: number;
  /** One row per open stage, in pipeline order, including stages with no deals. */
  readonly stages: readonly PipelineStageRow[];
  readonly totals: { readonly count: number; readonly amounts: readonly CurrencyAmounts[] };
}

type Totals = Map<string, { count: number; amountMinor: number; weightedAmountMinor: number }>;

/** Open deals in open stages of one pipeline, per stage: how many, how much, how much weighted. */
export function pipelineByStage(model: ReadModel<DealSummary>, options: PipelineByStageOptions = {}): PipelineByStage {
  const catalog = catalogOf(options);
  const definition = resolvePipeline(catalog, options.pipelineId);
  const opened = withinPeriod({ from: options.openedFrom, to: options.openedTo });
  const rows = new StageRows<Totals>(definition, ['open'], () => new Map());
  const totals: Totals = new Map();
  for (const doc of model.values()) {
    if (doc.status !== 'open' || doc.pipeline.id !== definition.id) continue;
    if (options.ownerId !== undefined && doc.ownerId !== options.ownerId) continue;
    if (options.teamMemberId !== undefined && !doc.team.some((m) => m.userId === options.teamMemberId)) continue;
    if (!opened(doc.openedAt)) continue;
    const row = rows.at(dealStage(catalog, doc, doc.stageId), doc.stageId);
    if (row === undefined) continue;
    const weighted = weightedMinor(doc.amountMinor, doc.probability);
    add(row, doc.currency, doc.amountMinor, weighted);
    add(totals, doc.currency, doc.amountMinor, weighted);
  }
  const stages = rows.map((key, acc) => ({ ...key, count: countOf(acc), amounts: amountsOf(acc) }));
  return {
    pipelineId: definition.id,
    pipelineVersion: definition.version,
    stages,
    totals: { count: countOf(totals), amounts: amountsOf(totals) },
  };
}

function add(totals: Totals, currency: string, amountMinor: number, weightedAmountMinor: number): void {
  const current = totals.get(currency) ?? { count: 0, amountMinor: 0, weightedAmountMinor: 0 };
  totals.set(currency, {
    count: current.count + 1,
    amountMinor: current.amountMinor + amountMinor,
    weightedAmountMinor: current.weightedAmountMinor + weightedAmountMinor,
  });
}

const countOf = (totals: Totals): number => [...totals.values()].reduce((sum, t) => sum + t.count, 0);

const amountsOf = (totals: Totals): CurrencyAmounts[] =>
  [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, t]) => ({ currency, ...t }));
