import { Direction, EventFilter } from '../event-store.port';
import { EVENT_COLUMNS } from './sqlite-event-row';

export interface AllQuery {
  readonly direction: Direction;
  /** Exclusive bound in the reading direction. */
  readonly after?: number;
  /** Inclusive upper bound: subscriptions read up to a head they saw, so they can skip past filtered-out rows. */
  readonly upTo?: number;
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

/** SQL for reading `$all`; the text depends only on the query's shape, so statements can be cached by it. */
export function buildAllQuery(query: AllQuery): { sql: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (query.after !== undefined) {
    where.push(query.direction === 'forwards' ? 'position > ?' : 'position < ?');
    params.push(query.after);
  }
  if (query.upTo !== undefined) {
    where.push('position <= ?');
    params.push(query.upTo);
  }
  const prefixes = query.filter?.streamPrefixes ?? [];
  if (prefixes.length > 0) {
    // A page of `$all` is read in position order: `+stream_id` keeps SQLite from taking every row
    // of the prefix from the stream index and sorting them all by position for each page.
    const column = query.maxCount === undefined ? 'stream_id' : '+stream_id';
    where.push(`(${prefixes.map(() => `${column} GLOB ?`).join(' OR ')})`);
    params.push(...prefixes.map(globPrefix));
  }
  const types = query.filter?.eventTypes ?? [];
  if (types.length > 0) {
    where.push(`type IN (${types.map(() => '?').join(', ')})`);
    params.push(...types);
  }
  let sql = `SELECT ${EVENT_COLUMNS} FROM events`;
  if (where.length > 0) sql += ` WHERE ${where.join(' AND ')}`;
  // LIMIT -1 is SQLite's "no limit"; always binding one keeps fewer statement shapes.
  sql += ` ORDER BY position ${query.direction === 'forwards' ? 'ASC' : 'DESC'} LIMIT ?`;
  params.push(query.maxCount ?? -1);
  return { sql, params };
}

/** A GLOB pattern matching strings that start with `prefix`: GLOB is case-sensitive (LIKE is not) and can use the stream index. */
export function globPrefix(prefix: string): string {
  return `${prefix.replace(/[*?[]/g, (c) => `[${c}]`)}*`;
}
