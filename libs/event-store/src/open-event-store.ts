import { join } from 'node:path';
import { EventStore } from './event-store.port';
import { EsdbEventStore } from './eventstoredb/esdb-event-store.adapter';
import { CommittedBatch } from './sqlite/group-commit';
import { preparePrivateDataDir } from './sqlite/private-files';
import { SqliteEventStore } from './sqlite/sqlite-event-store.adapter';

export interface StoreLocation {
  /** Folder of the embedded store (`:memory:` for a throw-away one). */
  readonly dataDir: string;
  /** When set, EventStoreDB/KurrentDB instead of the embedded store. */
  readonly eventStoreConnectionString?: string;
}

/** The event store a process is configured for: EventStoreDB when a connection string is given, else `<dataDir>/events.db` (a private folder). */
export function openEventStore(location: StoreLocation, options: { onCommit?: (batch: CommittedBatch) => void } = {}): EventStore {
  if (location.eventStoreConnectionString) return new EsdbEventStore(location.eventStoreConnectionString);
  if (location.dataDir === ':memory:') return new SqliteEventStore({ path: ':memory:', onCommit: options.onCommit });
  preparePrivateDataDir(location.dataDir);
  return new SqliteEventStore({ path: join(location.dataDir, 'events.db'), onCommit: options.onCommit });
}
