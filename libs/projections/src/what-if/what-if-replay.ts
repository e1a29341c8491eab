import { DEAL_STREAM_PREFIX, PipelineDefinition } from '@deals/domain';
import { EventStore } from '@deals/event-store';
import { createWhatIf, WHAT_IF_EVENT_TYPES, WhatIfMetrics, WhatIfOptions } from './what-if';

export interface WhatIfReplay {
  /** One answer per definition, in the order given. */
  readonly metrics: readonly WhatIfMetrics[];
  /** Deals of the pipeline opened in the window. */
  readonly deals: number;
  readonly eventsRead: number;
}

/**
 * Reads the deal events the what-if needs from the store, page by page, once, and folds each
 * page into one throw-away replay per definition. Only per-deal state is kept between pages;
 * nothing is written anywhere.
 */
export async function replayWhatIf(
  store: EventStore, definitions: readonly PipelineDefinition[], options: WhatIfOptions, pageSize = 5000,
): Promise<WhatIfReplay> {
  const folds = definitions.map((definition) => createWhatIf(definition, options));
  const filter = { streamPrefixes: [DEAL_STREAM_PREFIX], eventTypes: [...WHAT_IF_EVENT_TYPES] };
  let eventsRead = 0;
  for (let after = 0; ;) {
    const { events, scannedTo } = await store.readAll({ after, maxCount: pageSize, filter });
    eventsRead += events.length;
    for (const event of events) for (const fold of folds) fold.apply(event);
    if (events.length < pageSize || scannedTo <= after) break;
    after = scannedTo;
    // The embedded store answers synchronously: yield so requests go on.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const metrics = folds.map((fold) => fold.result());
  return { metrics, deals: folds[0]?.deals() ?? 0, eventsRead };
}
