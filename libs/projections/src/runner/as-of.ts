import { EventStore, RecordedEvent } from '@deals/event-store';
import { applyEvent } from '../fold';
import { Projection } from '../projection';

/** A past moment: a global position, or a recorded time (what the engine had recorded by then). */
export type AsOf = { readonly position: number } | { readonly recordedAt: string };

/**
 * Writers stamp recordedAt with their own clocks, so along `$all` it may step back by their skew
 * (never on the embedded store). A replay by recorded time reads this far past the moment.
 */
export const RECORDED_AT_SKEW_MS = 60_000;

/** The read model exactly as the engine knew it at a past moment, by replaying the same fold up to it. */
export async function readModelAsOf<D>(store: EventStore, projection: Projection<D>, asOf: AsOf, pageSize = 2000) {
  const at = 'position' in asOf ? asOf.position : Date.parse(asOf.recordedAt);
  const known = 'position' in asOf ? (e: RecordedEvent) => e.position <= at : (e: RecordedEvent) => Date.parse(e.metadata.recordedAt) <= at;
  const pastAll = 'position' in asOf ? (e: RecordedEvent) => e.position > at : (e: RecordedEvent) => Date.parse(e.metadata.recordedAt) > at + RECORDED_AT_SKEW_MS;
  const docs = new Map<string, D>();
  let position = 0;
  let reached = 0;
  for (;;) {
    const page = await store.readAll({ after: position, maxCount: pageSize, filter: projection.filter });
    for (const e of page) {
      if (pastAll(e)) return { docs, position: reached };
      if (!known(e)) continue;
      applyEvent(projection, docs, e);
      reached = e.position;
    }
    if (page.length < pageSize) return { docs, position: reached };
    position = page[page.length - 1].position;
  }
}
