import { EventStore } from '@deals/event-store';
import { Projection } from '../projection';
import { applyBatch } from './apply-batch';

export interface RebuildProgress {
  readonly projection: string;
  readonly events: number;
  readonly position: number;
  readonly headPosition: number;
}

/** Folds every event from position zero into a fresh read model; a poison event stops it. */
export async function rebuildReadModel<D>(
  store: EventStore,
  projection: Projection<D>,
  batchSize: number,
  onProgress?: (p: RebuildProgress) => void,
): Promise<{ docs: Map<string, D>; position: number; events: number }> {
  const docs = new Map<string, D>();
  const head = await store.headPosition();
  let position = 0;
  let events = 0;
  for (;;) {
    const page = await store.readAll({ after: position, maxCount: batchSize, filter: projection.filter });
    if (page.length === 0) break;
    const batch = applyBatch(projection, docs, page, 'strict');
    for (const [key, doc] of batch.docs) {
      if (doc === undefined) docs.delete(key);
      else docs.set(key, doc);
    }
    position = page[page.length - 1].position;
    events += page.length;
    onProgress?.({ projection: projection.name, events, position, headPosition: Math.max(head, position) });
    if (page.length < batchSize) break;
  }
  return { docs, position: Math.max(position, head), events };
}
