import { defaultPipelineCatalog, PipelineCatalog } from '@deals/domain';
import { Projection } from '../projection';
import { DealSummary } from './deal-summary';
import { applyToDealSummary } from './deal-summary.evolve';

const DEAL_STREAM_PREFIX = 'deal-';

/** One summary per deal, keyed by deal id; stage names and probabilities come from `catalog`. */
export function createDealSummaryProjection(catalog: PipelineCatalog = defaultPipelineCatalog): Projection<DealSummary> {
  return {
    name: 'deal-summary',
    version: 1,
    filter: { streamPrefixes: [DEAL_STREAM_PREFIX] },
    keysOf: (event) =>
      event.streamId.startsWith(DEAL_STREAM_PREFIX) && event.streamId.length > DEAL_STREAM_PREFIX.length
        ? [event.streamId.slice(DEAL_STREAM_PREFIX.length)]
        : [],
    apply: (doc, event) => applyToDealSummary(catalog, doc, event),
  };
}

export const dealSummaryProjection: Projection<DealSummary> = createDealSummaryProjection();
