import type { Position } from '@eventstore/db-client';
import { Direction, EventFilter, ReadAllResult, RecordedEvent } from '../event-store.port';
import { ResolvedEventLike, fromResolvedEvent, positionOf } from './esdb-event-envelope';
import { matchesFilter } from './esdb-filter';
import { comparePositions, fromPortPosition, toPortPosition } from './esdb-position';

/**
 * One read of $all as the server does it: forwards from a position inclusive, backwards from a
 * position exclusive, at most `maxCount` records (system events included).
 */
export type AllPageReader = (
  from: Position | 'start' | 'end',
  direction: Direction,
  maxCount: number,
) => Promise<readonly ResolvedEventLike[]>;

export interface AllRead {
  readonly direction: Direction;
  /** Exclusive, as in the port. */
  readonly after?: number;
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

/** Records per $all read: large, since a filtered read may pass over many records to find a few. */
export const ALL_PAGE_SIZE = 2_048;

/**
 * Reads $all page by page and keeps this store's events that match the filter, until
 * `maxCount` are found or $all ends. The 6.x client cannot filter reads on the server (only
 * subscriptions), so a selective filter scans every record from the start position — and so
 * knows how far it scanned: forwards to the last record of $all it read, whatever its stream.
 */
export async function readAllFiltered(readPage: AllPageReader, read: AllRead, pageSize = ALL_PAGE_SIZE): Promise<ReadAllResult> {
  const forwards = read.direction === 'forwards';
  const limit = read.maxCount ?? Infinity;
  const found: RecordedEvent[] = [];
  if (limit === 0) return { events: found, scannedTo: read.after ?? 0 };
  if (!forwards && read.after === 0) return { events: found, scannedTo: 0 };
  // A small unfiltered read (headPosition) only has system events to pass over.
  const size = read.filter || limit > pageSize ? pageSize : Math.max(limit, 32);
  let bound = read.after ? fromPortPosition(read.after) : undefined;
  let from: Position | 'start' | 'end' = bound ?? (forwards ? 'start' : 'end');
  for (;;) {
    const page = await readPage(from, read.direction, size);
    for (const resolved of page) {
      const position = positionOf(resolved);
      if (!position) continue;
      if (bound && (forwards ? comparePositions(position, bound) <= 0 : comparePositions(position, bound) >= 0)) continue;
      bound = position;
      const event = fromResolvedEvent(resolved);
      if (event && matchesFilter(event, read.filter)) {
        found.push(event);
        if (found.length >= limit) return { events: found, scannedTo: event.position };
      }
    }
    const last = page.length === size ? positionOf(page[page.length - 1]) : undefined;
    if (!last || (typeof from === 'object' && comparePositions(last, from) === 0)) {
      return { events: found, scannedTo: forwards && bound ? toPortPosition(bound) : 0 };
    }
    from = last;
  }
}
