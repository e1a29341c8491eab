import { DEAL_STREAM_PREFIX, dealIdOfStream, defaultPipelineCatalog, PipelineCatalog } from '@deals/domain';
import { Projection } from '../projection';
import { DealSummary } from './deal-summary';
import { applyToDealSummary } from './deal-summary.evolve';

/** One summary per deal, keyed by deal id; stage names and probabilities come from `catalog`. */
export function createDealSummaryProjection(catalog: PipelineCatalog = defaultPipelineCatalog): Projection<DealSummary> {
  return {
    name: 'deal-summary',
    version: 2,
    filter: { streamPrefixes: [DEAL_STREAM_PREFIX] },
    keysOf: (event) => {
      const dealId = dealIdOfStream(event.streamId);
      return dealId === undefined ? [] : [dealId];
    },
    apply: (doc, event) => applyToDealSummary(catalog, doc, event),
  };
}

export const dealSummaryProjection: Projection<DealSummary> = createDealSummaryProjection();
