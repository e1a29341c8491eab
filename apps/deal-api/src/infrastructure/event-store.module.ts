import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { EsdbEventStore, EVENT_STORE, EventStore, preparePrivateDataDir, SqliteEventStore } from '@deals/event-store';
import { API_CONFIG, ApiConfig } from '../config/api-config';

function openStore(config: ApiConfig): EventStore {
  if (config.eventStoreConnectionString) return new EsdbEventStore(config.eventStoreConnectionString);
  if (config.dataDir === ':memory:') return new SqliteEventStore({ path: ':memory:' });
  preparePrivateDataDir(config.dataDir);
  return new SqliteEventStore({ path: join(config.dataDir, 'events.db') });
}

@Global()
@Module({
  providers: [{ provide: EVENT_STORE, inject: [API_CONFIG], useFactory: openStore }],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
