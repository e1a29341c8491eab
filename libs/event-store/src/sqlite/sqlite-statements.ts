import Database from 'better-sqlite3';
import { EVENT_COLUMNS, EventRow } from './sqlite-event-row';
import { StoredEventLocation } from '../idempotency';

export interface StreamHead {
  readonly revision: number;
  readonly position: number;
  readonly hash: string;
}

export interface EventInsert {
  readonly streamId: string;
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: string;
  readonly metadata: string;
  readonly recordedAt: string;
  readonly hash: string;
  readonly prevHash: string;
}

export type Statements = ReturnType<typeof prepareStatements>;

/** The fixed statements, prepared once per connection. */
export function prepareStatements(db: Database.Database) {
  return {
    streamHead: db.prepare<[string], StreamHead>(
      'SELECT revision, position, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
    ),
    findEvent: db.prepare<[string], StoredEventLocation>(
      'SELECT stream_id AS streamId, revision, position FROM events WHERE event_id = ?',
    ),
    insert: db.prepare<[EventInsert]>(
      `INSERT INTO events (stream_id, revision, event_id, type, schema_version, data, metadata, recorded_at, hash, prev_hash)
       VALUES (@streamId, @revision, @eventId, @type, @schemaVersion, @data, @metadata, @recordedAt, @hash, @prevHash)`,
    ),
    lastRecordedAt: db.prepare<[], string>('SELECT recorded_at FROM events ORDER BY position DESC LIMIT 1').pluck(),
    headPosition: db.prepare<[], number>('SELECT COALESCE(MAX(position), 0) FROM events').pluck(),
    // LIMIT -1 means no limit.
    streamForwards: db.prepare<[string, number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
    ).raw(),
    streamBackwards: db.prepare<[string, number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    ).raw(),
  };
}
