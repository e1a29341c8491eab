import { RecordedEvent } from '@deals/event-store';
import { matchesFilter } from '../fold';
import { DocumentChange, Projection, ReadModel } from '../projection';
import { NewDeadLetter } from './projection-database';
import { describeError } from './projection.errors';

export interface BatchResult<D> {
  /** Final document per key touched by the batch (`undefined` = deleted). */
  readonly docs: Map<string, D | undefined>;
  readonly changes: DocumentChange<D>[];
  /** Each change's document before it (what a kept version is stored against). */
  readonly previous: Map<DocumentChange<D>, D | undefined>;
  readonly deadLetters: NewDeadLetter[];
}

/**
 * Folds a batch over the current read model without touching it, so a failed commit leaves
 * the read model as it was. An event the projection throws on is dead-lettered; an event is
 * applied to all its keys or none.
 * Documents `apply` returns unchanged (the same object) are left out of the result.
 */
export function applyBatch<D>(
  projection: Projection<D>,
  current: ReadModel<D>,
  events: readonly RecordedEvent[],
): BatchResult<D> {
  const docs = new Map<string, D | undefined>();
  const read = (key: string) => (docs.has(key) ? docs.get(key) : current.get(key));
  const { changes, previous, deadLetters } = fold(projection, events, read, (key, doc) => docs.set(key, doc));
  return { docs, changes, previous, deadLetters };
}

/** What a fold in place writes to: a Map, or a rebuild's bounded cache. */
export interface WritableModel<D> {
  get(key: string): D | undefined;
  set(key: string, doc: D): unknown;
  delete(key: string): unknown;
}

/**
 * Folds events into `model` in place (a rebuild, a replay, a test's reference): the same fold
 * as `applyBatch`, written straight into the map instead of a batch of its own.
 */
export function applyBatchInPlace<D>(projection: Projection<D>, model: WritableModel<D>, events: readonly RecordedEvent[]): Omit<BatchResult<D>, 'docs'> {
  return fold(projection, events, (key) => model.get(key), (key, doc) => (doc === undefined ? model.delete(key) : model.set(key, doc)));
}

/** The one fold: each event's keys read, applied and, when all of them succeeded, written. */
function fold<D>(
  projection: Projection<D>,
  events: readonly RecordedEvent[],
  read: (key: string) => D | undefined,
  write: (key: string, doc: D | undefined) => void,
): Omit<BatchResult<D>, 'docs'> {
  const changes: DocumentChange<D>[] = [];
  const previous = new Map<DocumentChange<D>, D | undefined>();
  const deadLetters: NewDeadLetter[] = [];
  for (const e of events) {
    if (!matchesFilter(projection.filter, e)) continue;
    const updates: [string, D | undefined, D | undefined][] = [];
    try {
      // A document returned as it was is unchanged: nothing to write or to tell live feeds.
      for (const key of projection.keysOf(e)) {
        const before = read(key);
        const after = projection.apply(before, e, key);
        if (after !== before) updates.push([key, after, before]);
      }
    } catch (error) {
      deadLetters.push({ projection: projection.name, position: e.position, eventId: e.eventId, eventType: e.type, streamId: e.streamId, error: describeError(error) });
      continue;
    }
    for (const [key, doc, before] of updates) {
      write(key, doc);
      const change = { projection: projection.name, key, doc, position: e.position, eventId: e.eventId, eventType: e.type };
      changes.push(change);
      previous.set(change, before);
    }
  }
  return { changes, previous, deadLetters };
}
