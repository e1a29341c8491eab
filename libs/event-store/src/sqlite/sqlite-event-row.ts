import { RecordedEvent } from '../event-store.port';

export const EVENT_COLUMNS = 'position, stream_id, revision, event_id, type, schema_version, data, metadata, hash, prev_hash';

/** A row of `EVENT_COLUMNS` as read in raw mode (an array in column order): better-sqlite3 makes no object per row. */
export type EventRow = readonly [
  position: number,
  streamId: string,
  revision: number,
  eventId: string,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  hash: string,
  prevHash: string,
];

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    streamId: row[1],
    revision: row[2],
    position: row[0],
    eventId: row[3],
    type: row[4],
    schemaVersion: row[5],
    data: JSON.parse(row[6]),
    metadata: JSON.parse(row[7]),
    hash: row[8],
    prevHash: row[9],
  };
}
