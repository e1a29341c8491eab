import { BeforeApplicationShutdown, DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { RelayConfig, RelayService } from '@deals/kafka-relay';

/** The embedded relay's RelayService (the metrics read its position). */
export const RELAY = Symbol('RELAY');

/** The Kafka relay inside the API process (KAFKA_RELAY_EMBEDDED=true): started with the API, stopped before its store closes. */
@Injectable()
class EmbeddedRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(RELAY) private readonly relay: RelayService) {}

  onApplicationBootstrap(): Promise<void> {
    return this.relay.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.relay.stop();
  }
}

@Module({})
export class EmbeddedRelayModule {
  static forRoot(config: RelayConfig): DynamicModule {
    return {
      module: EmbeddedRelayModule,
      providers: [
        { provide: RELAY, inject: [EVENT_STORE], useFactory: (store: EventStore) => new RelayService(config, store, new Logger('KafkaRelay')) },
        EmbeddedRelay,
      ],
    };
  }
}
