import { DealSummary } from '../deal-summary/deal-summary';
import { ReadModel } from '../projection';
import { CatalogOption } from './pipeline-stages';
import { pipelineByStage, PipelineByStage, PipelineStageRow } from './pipeline-by-stage.query';

/** What a board card needs of a deal; the live feed's deal-summary documents carry the same fields. */
export type BoardCard = Pick<
  DealSummary,
  'dealId' | 'name' | 'account' | 'ownerId' | 'team' | 'currency' | 'amountMinor' | 'probability' | 'stageId' | 'stageName'
  | 'stageEnteredAt' | 'status' | 'pipeline' | 'lastPosition' | 'revision'
>;

export interface BoardStage extends PipelineStageRow {
  readonly deals: readonly BoardCard[];
}

export interface Board extends Omit<PipelineByStage, 'stages'> {
  readonly stages: readonly BoardStage[];
}

/**
 * The pipeline board: the figures of `pipelineByStage` over the deals given (those the caller may
 * see), and those deals per stage (oldest in the stage first), so the cards and the figures agree.
 */
export function boardOf(model: ReadModel<DealSummary>, options: { pipelineId?: string } & CatalogOption = {}): Board {
  const mine = new Map(model);
  const figures = pipelineByStage(mine, options);
  const cards = new Map<string, BoardCard[]>();
  for (const doc of mine.values()) {
    if (doc.status !== 'open' || doc.pipeline.id !== figures.pipelineId) continue;
    cards.set(doc.stageId, [...(cards.get(doc.stageId) ?? []), cardOf(doc)]);
  }
  const byEntry = (a: BoardCard, b: BoardCard) => (a.stageEnteredAt < b.stageEnteredAt ? -1 : a.stageEnteredAt > b.stageEnteredAt ? 1 : 0);
  return { ...figures, stages: figures.stages.map((row) => ({ ...row, deals: (cards.get(row.stageId) ?? []).sort(byEntry) })) };
}

function cardOf(d: DealSummary): BoardCard {
  return {
    dealId: d.dealId, name: d.name, account: d.account, ownerId: d.ownerId, team: d.team, currency: d.currency,
    amountMinor: d.amountMinor, probability: d.probability, stageId: d.stageId, stageName: d.stageName,
    stageEnteredAt: d.stageEnteredAt, status: d.status, pipeline: d.pipeline, lastPosition: d.lastPosition, revision: d.revision,
  };
}
