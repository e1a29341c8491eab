import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStore, openEventStore } from '@deals/event-store';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { ApiMetrics } from '../operations/api-metrics';
import { meteredEventStore } from '../operations/metered-event-store';
import { StoreCommits } from './store-commits';

@Global()
@Module({
  providers: [StoreCommits, {
    provide: EVENT_STORE,
    inject: [API_CONFIG, ApiMetrics, StoreCommits],
    useFactory: (config: ApiConfig, metrics: ApiMetrics, commits: StoreCommits) => meteredEventStore(openEventStore(config, {
      onCommit: (batch) => {
        metrics.committed(batch);
        commits.committed();
      },
    }), metrics),
  }],
  exports: [EVENT_STORE, StoreCommits],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
