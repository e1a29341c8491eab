import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStore, openEventStore } from '@deals/event-store';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { ApiMetrics } from '../operations/api-metrics';
import { meteredEventStore } from '../operations/metered-event-store';

@Global()
@Module({
  providers: [{
    provide: EVENT_STORE,
    inject: [API_CONFIG, ApiMetrics],
    useFactory: (config: ApiConfig, metrics: ApiMetrics) => meteredEventStore(openEventStore(config, { onCommit: (batch) => metrics.committed(batch) }), metrics),
  }],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
