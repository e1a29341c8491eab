import { EventFilter, RecordedEvent } from '@deals/event-store';
import { Projection } from '../projection';

export interface EventCount {
  readonly count: number;
  readonly positionSum: number;
}

/** Counts events overall and per stream: applying one twice or skipping one changes the numbers. */
export function eventCounterProjection(
  options: {
    poisonType?: string; version?: number; storage?: Projection<EventCount>['storage']; name?: string; busyMicrosPerEvent?: number; filter?: EventFilter;
    /** Declare `stream:<id>` documents as made by their stream alone (folded from it when read as of a past moment). */
    streamScoped?: boolean;
  } = {},
): Projection<EventCount> {
  return {
    name: options.name ?? 'event-counter',
    version: options.version ?? 1,
    storage: options.storage,
    filter: options.filter ?? {},
    keysOf: (e: RecordedEvent) => ['total', `stream:${e.streamId}`],
    ...(options.streamScoped ? { streamOf: (key: string) => (key.startsWith('stream:') ? key.slice('stream:'.length) : undefined) } : {}),
    apply(doc, e) {
      if (e.type === options.poisonType) throw new Error(`cannot count ${e.type}`);
      if (options.busyMicrosPerEvent) busy(options.busyMicrosPerEvent);
      return { count: (doc?.count ?? 0) + 1, positionSum: (doc?.positionSum ?? 0) + e.position };
    },
  };
}

/** The same numbers straight from the raw events. */
export function recount(events: readonly RecordedEvent[], skipType?: string): Map<string, EventCount> {
  const counts = new Map<string, EventCount>();
  for (const e of events) {
    if (e.type === skipType) continue;
    for (const key of ['total', `stream:${e.streamId}`]) {
      const c = counts.get(key) ?? { count: 0, positionSum: 0 };
      counts.set(key, { count: c.count + 1, positionSum: c.positionSum + e.position });
    }
  }
  return counts;
}

/** Keeps the thread busy, as a costly fold would. */
function busy(micros: number): void {
  const until = performance.now() + micros / 1000;
  while (performance.now() < until) {
    // spin
  }
}
