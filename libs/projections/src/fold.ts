import { EventFilter, RecordedEvent } from '@deals/event-store';
import { DocumentChange, Projection } from './projection';

export function matchesFilter(filter: EventFilter, e: RecordedEvent): boolean {
  const prefixes = filter.streamPrefixes ?? [];
  const types = filter.eventTypes ?? [];
  return (prefixes.length === 0 || prefixes.some((p) => e.streamId.startsWith(p))) &&
    (types.length === 0 || types.includes(e.type));
}

/**
 * Folds one event into `model` (mutating the map, never the documents) and returns what changed;
 * a document `apply` returns as it was is no change.
 */
export function applyEvent<D>(projection: Projection<D>, model: Map<string, D>, e: RecordedEvent): DocumentChange<D>[] {
  if (!matchesFilter(projection.filter, e)) return [];
  return projection.keysOf(e).flatMap((key) => {
    const before = model.get(key);
    const doc = projection.apply(before, e, key);
    if (doc === before) return [];
    if (doc === undefined) model.delete(key);
    else model.set(key, doc);
    return [{ projection: projection.name, key, doc, position: e.position, eventId: e.eventId, eventType: e.type }];
  });
}
