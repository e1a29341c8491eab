import Database from 'better-sqlite3';
import { StoreUnavailableError } from '../event-store.errors';

/** The layout of the embedded store's tables (not the events' payload version); bump with a migration step in migrate(). */
export const STORE_SCHEMA_VERSION = 1;

// AUTOINCREMENT: positions never go backwards or get reused, even after the last row is deleted.
const CREATE_V1 = `
  CREATE TABLE IF NOT EXISTS events (
    position       INTEGER PRIMARY KEY AUTOINCREMENT,
    stream_id      TEXT    NOT NULL,
    revision       INTEGER NOT NULL,
    event_id       TEXT    NOT NULL UNIQUE,
    type           TEXT    NOT NULL,
    schema_version INTEGER NOT NULL,
    data           TEXT    NOT NULL,
    metadata       TEXT    NOT NULL,
    recorded_at    TEXT    NOT NULL,
    hash           TEXT    NOT NULL,
    prev_hash      TEXT    NOT NULL,
    UNIQUE (stream_id, revision)
  );
  CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
`;
// UNIQUE (stream_id, revision) is the index for stream reads and stream-prefix filters.

/** Creates or upgrades the schema. Writes nothing when it is current, so a read-only file opens. */
export function migrate(db: Database.Database): void {
  if (currentVersion(db) === STORE_SCHEMA_VERSION) return;
  db.exec('BEGIN IMMEDIATE');
  try {
    // Re-read under the write lock: another process may have migrated meanwhile.
    const version = currentVersion(db);
    if (version > STORE_SCHEMA_VERSION) {
      throw new StoreUnavailableError(`Event store schema version ${version} is newer than this code (${STORE_SCHEMA_VERSION})`);
    }
    if (version < 1) db.exec(CREATE_V1);
    db.pragma(`user_version = ${STORE_SCHEMA_VERSION}`);
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

function currentVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
