import { IdempotencyConflictError } from './event-store.errors';
import { AppendResult } from './event-store.port';

/** Where an event id is already stored, if it is. */
export interface StoredEventLocation {
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
}

/**
 * A retried append is a no-op only when all its ids are stored, consecutively and in order,
 * in the same stream: then the original result is returned. A partial or misplaced match means
 * the caller reused ids for different events, which must not be silently written or dropped.
 * Returns undefined when none of the ids is stored (a new append).
 */
export function findIdempotentResult(
  streamId: string,
  eventIds: readonly string[],
  stored: readonly (StoredEventLocation | undefined)[],
): AppendResult | undefined {
  const storedIds = eventIds.filter((_, i) => stored[i] !== undefined);
  if (storedIds.length === 0) return undefined;
  if (storedIds.length < eventIds.length) {
    throw new IdempotencyConflictError(streamId, storedIds, `events ${storedIds.join(', ')} are already stored but ${eventIds.length - storedIds.length} others of this append are not`);
  }
  const locations = stored as readonly StoredEventLocation[];
  const first = locations[0];
  const inPlace = locations.every((l, i) => l.streamId === streamId && l.revision === first.revision + i);
  if (!inPlace) {
    throw new IdempotencyConflictError(streamId, storedIds, `events ${storedIds.join(', ')} are already stored in another stream or another order`);
  }
  const last = locations[locations.length - 1];
  return { nextExpectedRevision: last.revision, position: last.position };
}
