import { EventFilter } from '@deals/event-store';

/**
 * A filter passing every event that any of `filters` passes, so one read serves them all: their
 * stream prefixes together, or their event types together. Undefined (every event) when they
 * cannot be joined into one filter; each projection still applies its own.
 */
export function unionFilter(filters: readonly EventFilter[]): EventFilter | undefined {
  if (filters.length === 1) return filters[0];
  const prefixes = filters.map((f) => f.streamPrefixes ?? []);
  const types = filters.map((f) => f.eventTypes ?? []);
  if (prefixes.every((p) => p.length > 0) && types.every((t) => t.length === 0)) return { streamPrefixes: [...new Set(prefixes.flat())] };
  if (types.every((t) => t.length > 0) && prefixes.every((p) => p.length === 0)) return { eventTypes: [...new Set(types.flat())] };
  return undefined;
}
