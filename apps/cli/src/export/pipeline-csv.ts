import { DealSummary, PipelineByStage, ReadModel } from '@deals/projections';
import { weightedMinor } from '@deals/projections';
import { minorToDecimal } from './money-text';

export const PIPELINE_STAGE_COLUMNS = [
  'pipeline_id', 'pipeline_version', 'stage_id', 'stage_name', 'currency', 'deals', 'amount_minor', 'amount',
  'weighted_amount_minor', 'weighted_amount',
] as const;

/** The `GET /pipeline` answer as rows: one per stage and currency; a stage with no deals gets one empty row. */
export function pipelineStageRows(p: PipelineByStage): unknown[][] {
  return p.stages.flatMap((stage) => {
    const base = [p.pipelineId, p.pipelineVersion, stage.stageId, stage.stageName];
    if (stage.amounts.length === 0) return [[...base, '', 0, 0, '0.00', 0, '0.00']];
    return stage.amounts.map((a) => [
      ...base, a.currency, a.count, a.amountMinor, minorToDecimal(a.amountMinor, a.currency), a.weightedAmountMinor, minorToDecimal(a.weightedAmountMinor, a.currency),
    ]);
  });
}

export const PIPELINE_DEAL_COLUMNS = [
  'deal_id', 'name', 'account', 'industry', 'owner_id', 'pipeline_id', 'stage_id', 'stage_name', 'probability', 'currency',
  'amount_minor', 'amount', 'weighted_amount_minor', 'weighted_amount', 'opened_at', 'stage_entered_at', 'days_in_stage',
] as const;

/** Every open deal, oldest first, with its weighted amount and how long it has been in its stage at `now`. */
export function pipelineDealRows(model: ReadModel<DealSummary>, now: Date): unknown[][] {
  return [...model.values()]
    .filter((d) => d.status === 'open')
    .sort((a, b) => (a.openedAt < b.openedAt ? -1 : a.openedAt > b.openedAt ? 1 : a.dealId.localeCompare(b.dealId)))
    .map((d) => {
      const weighted = weightedMinor(d.amountMinor, d.probability);
      const days = Math.floor((now.getTime() - Date.parse(d.stageEnteredAt)) / 86_400_000);
      return [
        d.dealId, d.name, d.account.name, d.account.industry ?? '', d.ownerId, d.pipeline.id, d.stageId, d.stageName, d.probability,
        d.currency, d.amountMinor, minorToDecimal(d.amountMinor, d.currency), weighted, minorToDecimal(weighted, d.currency), d.openedAt, d.stageEnteredAt, days,
      ];
    });
}
