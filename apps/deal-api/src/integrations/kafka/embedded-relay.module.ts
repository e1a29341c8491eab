import { BeforeApplicationShutdown, DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { RelayConfig, RelayService } from '@deals/kafka-relay';

/** The embedded relay (a RelayService), for GET /health and the metrics; absent when the relay runs elsewhere. */
export const EMBEDDED_RELAY = Symbol('EMBEDDED_RELAY');

/** The Kafka relay inside the API process (KAFKA_RELAY_EMBEDDED=true): started with the API, stopped before its store closes. */
@Injectable()
class EmbeddedRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(EMBEDDED_RELAY) private readonly relay: RelayService) {}

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
      global: true,
      providers: [
        { provide: EMBEDDED_RELAY, inject: [EVENT_STORE], useFactory: (store: EventStore) => new RelayService(config, store, new Logger('KafkaRelay')) },
        EmbeddedRelay,
      ],
      exports: [EMBEDDED_RELAY],
    };
  }
}
