import { dealIdOfStream, DEAL_STREAM_PREFIX, PipelineRef } from '@deals/domain';
import { EventStore } from '@deals/event-store';

const TYPES = ['DealOpened', 'DealPipelineMigrated', 'DealClosedWon', 'DealClosedLost'];

/** The open deals on a pipeline and the version each is on, from the deal events that say so (a scan of the store). */
export async function openDealsOn(store: EventStore, pipelineId: string): Promise<{ dealId: string; version: number }[]> {
  const deals = new Map<string, { pipeline: PipelineRef; open: boolean }>();
  const pageSize = 1000;
  for (let after = 0; ;) {
    const { events, scannedTo } = await store.readAll({ after, maxCount: pageSize, filter: { streamPrefixes: [DEAL_STREAM_PREFIX], eventTypes: TYPES } });
    for (const event of events) {
      const dealId = dealIdOfStream(event.streamId);
      if (dealId === undefined) continue;
      const data = event.data as { pipeline?: PipelineRef; pipelineId?: string; toVersion?: number };
      const known = deals.get(dealId);
      if (event.type === 'DealOpened' && data.pipeline) deals.set(dealId, { pipeline: data.pipeline, open: true });
      else if (known && event.type === 'DealPipelineMigrated' && typeof data.toVersion === 'number') {
        deals.set(dealId, { ...known, pipeline: { id: known.pipeline.id, version: data.toVersion } });
      } else if (known) deals.set(dealId, { ...known, open: false });
    }
    if (events.length < pageSize) break;
    after = scannedTo;
  }
  return [...deals].filter(([, deal]) => deal.open && deal.pipeline.id === pipelineId).map(([dealId, deal]) => ({ dealId, version: deal.pipeline.version }));
}
