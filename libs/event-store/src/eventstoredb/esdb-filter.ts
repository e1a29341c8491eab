import { eventTypeFilter, streamNameFilter } from '@eventstore/db-client';
import type { Filter } from '@eventstore/db-client';
import { EventFilter, RecordedEvent } from '../event-store.port';

/** Stream ids that do not start with `$`: everything but the server's own streams. */
export const NON_SYSTEM_STREAMS = '^[^$]';

/**
 * The server-side filter for a subscription. The server filters on stream name or on event
 * type, not both: with both, it filters on the prefixes and `matchesFilter` drops the other
 * types on the client. With neither, it still keeps system streams away.
 */
export function toServerFilter(filter: EventFilter | undefined): Filter {
  const prefixes = filter?.streamPrefixes ?? [];
  const types = filter?.eventTypes ?? [];
  if (prefixes.length > 0) return streamNameFilter({ prefixes: [...prefixes] });
  if (types.length > 0) return eventTypeFilter({ regex: exactlyOneOf(types) });
  return streamNameFilter({ regex: NON_SYSTEM_STREAMS });
}

/** Both parts of the port's filter; every read and subscription applies it on the client as well. */
export function matchesFilter(event: Pick<RecordedEvent, 'streamId' | 'type'>, filter: EventFilter | undefined): boolean {
  const prefixes = filter?.streamPrefixes ?? [];
  const types = filter?.eventTypes ?? [];
  return (prefixes.length === 0 || prefixes.some((p) => event.streamId.startsWith(p))) && (types.length === 0 || types.includes(event.type));
}

/** A regex (the .NET dialect the server runs, in its common subset with JS) matching exactly these strings. */
export function exactlyOneOf(values: readonly string[]): string {
  return `^(?:${values.map(escapeRegex).join('|')})$`;
}

export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, (c) => `\\${c}`);
}
