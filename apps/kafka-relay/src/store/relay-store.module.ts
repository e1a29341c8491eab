import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { EsdbEventStore, EVENT_STORE, EventStore, preparePrivateDataDir, SqliteEventStore } from '@deals/event-store';
import { RelayConfig } from '@deals/kafka-relay';

/**
 * The store the relay reads: EventStoreDB when a connection string is given, otherwise the
 * embedded store file in DATA_DIR (shared with the Deal API's process; SQLite lets the relay
 * read it from its own process and notices the API's commits by polling).
 */
function openStore(config: RelayConfig): EventStore {
  if (config.eventStoreConnectionString) return new EsdbEventStore(config.eventStoreConnectionString);
  if (config.dataDir === ':memory:') return new SqliteEventStore({ path: ':memory:' });
  preparePrivateDataDir(config.dataDir);
  return new SqliteEventStore({ path: join(config.dataDir, 'events.db') });
}

@Global()
@Module({})
export class RelayStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static forRoot(config: RelayConfig): DynamicModule {
    return {
      module: RelayStoreModule,
      providers: [{ provide: EVENT_STORE, useFactory: () => openStore(config) }],
      exports: [EVENT_STORE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
