import { ExpectedRevision, RecordedEvent } from '../event-store.port';
import { StoredEventLocation } from '../idempotency';

/** How many of a stream's last events an append with `any` or `stream_exists` searches for its ids. */
export const DEFAULT_IDEMPOTENCY_WINDOW = 1_000;

/** The events of the stream among which an append looks for its own ids before writing. */
export type IdLookup =
  | { readonly direction: 'forwards'; readonly fromRevision: number; readonly maxCount: number }
  | { readonly direction: 'backwards'; readonly maxCount: number };

/**
 * EventStoreDB has no index by event id, so the adapter reads where a retry would have put its
 * events. An exact revision or no_stream says where: right after it. `any` and `stream_exists`
 * do not, so the last `window` events are searched (at least the append's own length); a retry
 * that arrives after more than `window` further events were appended is not recognised.
 */
export function idLookupFor(expected: ExpectedRevision, eventCount: number, window: number): IdLookup {
  if (expected === 'no_stream') return { direction: 'forwards', fromRevision: 0, maxCount: eventCount };
  if (typeof expected === 'number') return { direction: 'forwards', fromRevision: expected + 1, maxCount: eventCount };
  return { direction: 'backwards', maxCount: Math.max(window, eventCount) };
}

/** Where each id sits among the events read, for findIdempotentResult. */
export function locateIds(ids: readonly string[], candidates: readonly RecordedEvent[]): (StoredEventLocation | undefined)[] {
  const byId = new Map(candidates.map((event) => [event.eventId, event]));
  return ids.map((id) => {
    const found = byId.get(id);
    return found && { streamId: found.streamId, revision: found.revision, position: found.position };
  });
}
