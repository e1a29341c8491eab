import { EventStore } from '@deals/event-store';
import { applyBatchInPlace } from './apply-batch';
import { DocumentChange, Projection } from '../projection';
import { ProjectionRebuildError } from './projection.errors';

export interface RebuildProgress {
  readonly projection: string;
  readonly events: number;
  readonly position: number;
  readonly headPosition: number;
}

/**
 * Folds every event from position zero into a fresh read model; a poison event stops it.
 * `onPage` receives each page's document changes, in order, before the next page is read.
 */
export async function rebuildReadModel<D>(
  store: EventStore,
  projection: Projection<D>,
  batchSize: number,
  onProgress?: (p: RebuildProgress) => void,
  onPage?: (changes: DocumentChange<D>[]) => void,
): Promise<{ docs: Map<string, D>; position: number; events: number }> {
  const docs = new Map<string, D>();
  // For progress reports only: the read says where it ends.
  const head = await store.headPosition();
  let position = 0;
  let events = 0;
  for (;;) {
    const { events: page, scannedTo } = await store.readAll({ after: position, maxCount: batchSize, filter: projection.filter });
    position = scannedTo;
    if (page.length === 0) break;
    // A poison event abandons the whole rebuild.
    const { changes, deadLetters } = applyBatchInPlace(projection, docs, page);
    if (deadLetters.length > 0) {
      const poison = page.find((e) => e.eventId === deadLetters[0].eventId)!;
      throw new ProjectionRebuildError(projection.name, poison, deadLetters[0].error);
    }
    onPage?.(changes);
    events += page.length;
    onProgress?.({ projection: projection.name, events, position, headPosition: Math.max(head, position) });
    if (page.length < batchSize) break;
    // The embedded store answers synchronously: yield so requests and the other projections go on.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { docs, position, events };
}
