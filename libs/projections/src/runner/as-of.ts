import { EventFilter, EventStore, RecordedEvent } from '@deals/event-store';
import { applyBatchInPlace } from './apply-batch';
import { ProjectionRebuildError } from './projection.errors';
import { Projection } from '../projection';

/** A past moment: a global position, or a recorded time (what the engine had recorded by then). */
export type AsOf = { readonly position: number } | { readonly recordedAt: string };

/**
 * Writers stamp recordedAt with their own clocks, so along `$all` it may step back by their skew
 * (never on the embedded store). A replay by recorded time reads this far past the moment.
 */
export const RECORDED_AT_SKEW_MS = 60_000;

/**
 * The read model exactly as the engine knew it at a past moment, by replaying the same fold up
 * to it: the reference the bounded as-of reads (`ProjectionRunner.queryAsOf`) are tested and
 * measured against. Its cost grows with the store, so the API does not serve requests with it
 * where recorded times can be found by position.
 */
export async function readModelAsOf<D>(store: EventStore, projection: Projection<D>, asOf: AsOf, pageSize = 2000) {
  const at = 'position' in asOf ? asOf.position : Date.parse(asOf.recordedAt);
  const known = 'position' in asOf ? (e: RecordedEvent) => e.position <= at : (e: RecordedEvent) => Date.parse(e.metadata.recordedAt) <= at;
  const pastAll = 'position' in asOf ? (e: RecordedEvent) => e.position > at : (e: RecordedEvent) => Date.parse(e.metadata.recordedAt) > at + RECORDED_AT_SKEW_MS;
  const docs = new Map<string, D>();
  let position = 0;
  let reached = 0;
  for (;;) {
    const { events: page, scannedTo } = await store.readAll({ after: position, maxCount: pageSize, filter: projection.filter });
    const end = page.findIndex(pastAll);
    const events = (end < 0 ? page : page.slice(0, end)).filter(known);
    const { deadLetters } = applyBatchInPlace(projection, docs, events);
    if (deadLetters.length > 0) {
      throw new ProjectionRebuildError(projection.name, events.find((e) => e.eventId === deadLetters[0].eventId)!, deadLetters[0].error);
    }
    if (events.length > 0) reached = events[events.length - 1].position;
    if (end >= 0 || page.length < pageSize) return { docs, position: reached };
    position = scannedTo;
  }
}

/**
 * The last position recorded at or before `recordedAt`, for a store whose recordedAt never
 * decreases along `$all` and whose positions can be probed (the embedded store): there, the
 * events recorded by then are exactly those up to it. A binary search of one-event reads.
 */
export async function positionRecordedBy(store: EventStore, recordedAt: string, head: number): Promise<number> {
  const at = Date.parse(recordedAt);
  // Every event at or before `known` was recorded by then; none after `unknown`.
  let known = 0;
  let unknown = head;
  while (known < unknown) {
    const middle = known + Math.ceil((unknown - known) / 2);
    const [first] = (await store.readAll({ after: middle - 1, maxCount: 1 })).events;
    if (first === undefined || first.position > unknown || Date.parse(first.metadata.recordedAt) > at) unknown = middle - 1;
    else known = first.position;
  }
  return known;
}

/** The position of the last event of `filter` at or before `position` (0 when none): what a replay up to it reports. */
export async function lastPositionAtOrBefore(store: EventStore, filter: EventFilter, position: number): Promise<number> {
  const [last] = (await store.readAll({ direction: 'backwards', after: position + 1, maxCount: 1, filter })).events;
  return last?.position ?? 0;
}
