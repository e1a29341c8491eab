import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EventStore, openEventStore, preparePrivateDataDir } from '@deals/event-store';
import { ProjectionDatabase } from '@deals/projections';
import { CliIo } from './cli-io';

/** The folder the API uses too: `events.db` (the event store) and `projections.db` (read models). */
export interface DataDir {
  readonly path: string;
  /** Events live in EventStoreDB when EVENTSTORE_CONNECTION_STRING is set, as for the API. */
  readonly external: boolean;
  openStore(options?: { create?: boolean }): EventStore;
  openProjections(): ProjectionDatabase;
}

export class CliUsageError extends Error {}

export function dataDir(io: CliIo, option: string | undefined): DataDir {
  const path = resolve(io.cwd, option ?? io.env.DATA_DIR ?? './data');
  const esdb = io.env.EVENTSTORE_CONNECTION_STRING || undefined;
  return {
    path,
    external: esdb !== undefined,
    openStore({ create = false } = {}) {
      const file = join(path, 'events.db');
      if (!esdb && !create && !existsSync(file)) throw new CliUsageError(`There is no event store at ${file}; seed or import first, or pass --data-dir`);
      return openEventStore({ dataDir: path, eventStoreConnectionString: esdb });
    },
    openProjections() {
      preparePrivateDataDir(path);
      return new ProjectionDatabase(join(path, 'projections.db'));
    },
  };
}
