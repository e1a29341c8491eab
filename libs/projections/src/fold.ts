import { EventFilter, RecordedEvent } from '@deals/event-store';

export function matchesFilter(filter: EventFilter, e: RecordedEvent): boolean {
  const prefixes = filter.streamPrefixes ?? [];
  const types = filter.eventTypes ?? [];
  return (prefixes.length === 0 || prefixes.some((p) => e.streamId.startsWith(p))) &&
    (types.length === 0 || types.includes(e.type));
}
