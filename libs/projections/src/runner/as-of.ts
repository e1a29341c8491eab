import { EventStore, RecordedEvent } from '@deals/event-store';
import { applyEvent } from '../fold';
import { Projection } from '../projection';

/** A past moment: a global position, or a recorded time (what the engine had recorded by then). */
export type AsOf = { readonly position: number } | { readonly recordedAt: string };

/**
 * The read model exactly as the engine knew it at a past moment, by replaying the same fold
 * up to that point (recordedAt grows with position, so the replay stops at the first later event).
 */
export async function readModelAsOf<D>(store: EventStore, projection: Projection<D>, asOf: AsOf, pageSize = 2000) {
  const beyond =
    'position' in asOf
      ? (e: RecordedEvent) => e.position > asOf.position
      : (e: RecordedEvent) => Date.parse(e.metadata.recordedAt) > Date.parse(asOf.recordedAt);
  const docs = new Map<string, D>();
  let position = 0;
  let reached = 0;
  for (;;) {
    const page = await store.readAll({ after: position, maxCount: pageSize, filter: projection.filter });
    for (const e of page) {
      if (beyond(e)) return { docs, position: reached };
      applyEvent(projection, docs, e);
      reached = e.position;
    }
    if (page.length < pageSize) return { docs, position: reached };
    position = page[page.length - 1].position;
  }
}
