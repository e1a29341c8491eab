import { BeforeApplicationShutdown, DynamicModule, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStore, openEventStore } from '@deals/event-store';
import { RelayConfig, RelayService } from '@deals/kafka-relay';

/**
 * The standalone relay process: its own connection to the store (EventStoreDB, or the embedded
 * store file it shares with the API, whose commits it notices by polling) and the relay, started
 * with the process and stopped, publish in flight first, before the store closes.
 */
@Injectable()
class RelayProcess implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly store: EventStore,
    private readonly relay: RelayService,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.relay.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.relay.stop();
  }

  onApplicationShutdown(): Promise<void> {
    return this.store.close();
  }
}

@Module({})
export class RelayAppModule {
  static forRoot(config: RelayConfig): DynamicModule {
    const store = openEventStore(config);
    const relay = new RelayService(config, store, new Logger('KafkaRelay'));
    return {
      module: RelayAppModule,
      providers: [{ provide: EVENT_STORE, useValue: store }, { provide: RelayProcess, useFactory: () => new RelayProcess(store, relay) }],
    };
  }
}
