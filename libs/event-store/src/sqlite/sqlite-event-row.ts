import { RecordedEvent } from '../event-store.port';

export const EVENT_COLUMNS = 'position, stream_id, revision, event_id, type, schema_version, data, metadata, hash, prev_hash';

export interface EventRow {
  readonly position: number;
  readonly stream_id: string;
  readonly revision: number;
  readonly event_id: string;
  readonly type: string;
  readonly schema_version: number;
  readonly data: string;
  readonly metadata: string;
  readonly hash: string;
  readonly prev_hash: string;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    hash: row.hash,
    prevHash: row.prev_hash,
  };
}
