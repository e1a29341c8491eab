import { Actor, authorizeDealRead, readsEveryDeal } from '@deals/domain';
import { DealSummary, pipelineByStage, PipelineByStage, PipelineStageRow, ReadModel } from '@deals/projections';

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

/** Who may see which deal on the board: the rule of GET /deals/:id and the live feed. */
export type DealVisibility = (doc: DealSummary) => boolean;

export function dealVisibility(actor: Actor, managerOf: (person: string) => string | undefined): DealVisibility {
  if (readsEveryDeal(actor)) return () => true;
  return (doc) => authorizeDealRead(actor, { dealId: doc.dealId, ownerId: doc.ownerId, team: doc.team, status: doc.status }, managerOf).allowed;
}

/**
 * The pipeline board: the figures of `pipelineByStage` over the deals the caller may see, and
 * those deals per stage (oldest in the stage first), so the cards and the figures always agree.
 */
export function boardOf(model: ReadModel<DealSummary>, visible: DealVisibility, options: { pipelineId?: string } = {}): Board {
  const mine = new Map([...model].filter(([, doc]) => visible(doc)));
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
