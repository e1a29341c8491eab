import { EventStore, RecordedEvent } from '@deals/event-store';
import { matchesFilter } from '../fold';
import { applyBatchInPlace, WritableModel } from './apply-batch';
import { DocumentChange, Projection } from '../projection';
import { ProjectionRebuildError } from './projection.errors';

export interface RebuildProgress {
  readonly projection: string;
  readonly events: number;
  readonly position: number;
  readonly headPosition: number;
}

/** A rebuild's read model: written page by page (`afterPage`), e.g. a bounded cache over projections.db. */
export interface RebuildTarget<D> extends WritableModel<D> {
  /** Told the keys a page's events touch before it is folded (to read them back at once). */
  beforePage?(keys: Iterable<string>): void;
  afterPage?(): void;
}

/** The keys a page's events touch; an event whose keys cannot be told is left to the fold (it dead-letters it). */
function keysOfPage<D>(projection: Projection<D>, page: readonly RecordedEvent[]): string[] {
  const keys: string[] = [];
  for (const e of page) {
    if (!matchesFilter(projection.filter, e)) continue;
    try {
      for (const key of projection.keysOf(e)) keys.push(key);
    } catch {
      continue;
    }
  }
  return keys;
}

/**
 * Folds every event from position zero into `docs`, a fresh read model; a poison event stops it.
 * `onPage` receives each page's document changes, in order, with each one's document before it,
 * before the next page is read.
 */
export async function rebuildReadModel<D, T extends RebuildTarget<D> = Map<string, D>>(
  store: EventStore,
  projection: Projection<D>,
  batchSize: number,
  onProgress?: (p: RebuildProgress) => void,
  onPage?: (changes: DocumentChange<D>[], previous: ReadonlyMap<DocumentChange<D>, D | undefined>) => void,
  docs: T = new Map<string, D>() as unknown as T,
): Promise<{ docs: T; position: number; events: number }> {
  // For progress reports only: the read says where it ends.
  const head = await store.headPosition();
  let position = 0;
  let events = 0;
  for (;;) {
    const { events: page, scannedTo } = await store.readAll({ after: position, maxCount: batchSize, filter: projection.filter });
    position = scannedTo;
    if (page.length === 0) break;
    docs.beforePage?.(keysOfPage(projection, page));
    // A poison event abandons the whole rebuild.
    const { changes, previous, deadLetters } = applyBatchInPlace(projection, docs, page);
    if (deadLetters.length > 0) {
      const poison = page.find((e) => e.eventId === deadLetters[0].eventId)!;
      throw new ProjectionRebuildError(projection.name, poison, deadLetters[0].error);
    }
    onPage?.(changes, previous);
    docs.afterPage?.();
    events += page.length;
    onProgress?.({ projection: projection.name, events, position, headPosition: Math.max(head, position) });
    if (page.length < batchSize) break;
    // The embedded store answers synchronously: yield so requests and the other projections go on.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { docs, position, events };
}
