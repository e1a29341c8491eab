import { BeforeApplicationShutdown, DynamicModule, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStore, openEventStore } from '@deals/event-store';
import { RelayConfig, RelayService } from '@deals/kafka-relay';
import { RelayHealthConfig } from './health/relay-health.config';
import { RelayHealthServer } from './health/relay-health.server';
import { RelayMetrics } from './health/relay-metrics';

/**
 * The standalone relay process: its own connection to the store (EventStoreDB, or the embedded
 * store file it shares with the API, whose commits it notices by polling) and the relay, started
 * with the process and stopped, publish in flight first, before the store closes. Its health
 * endpoint answers from the start, so a relay still waiting for the brokers shows `starting`.
 */
@Injectable()
class RelayProcess implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('KafkaRelay');

  constructor(
    private readonly store: EventStore,
    private readonly relay: RelayService,
    private readonly health: RelayHealthServer | undefined,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.health) {
      const base = `http://${this.health.config.host}:${await this.health.listen()}`;
      this.logger.log(`health at ${base}/health, metrics at ${base}/metrics`);
    }
    await this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.health?.close();
  }

  onApplicationShutdown(): Promise<void> {
    return this.store.close();
  }
}

@Module({})
export class RelayAppModule {
  /** `health` undefined: no HTTP endpoint (neither health nor metrics). */
  static forRoot(config: RelayConfig, health?: RelayHealthConfig): DynamicModule {
    const store = openEventStore(config);
    const relay = new RelayService(config, store, new Logger('KafkaRelay'));
    const server = health ? new RelayHealthServer(health, () => relay.status(), new RelayMetrics(() => relay.status(), () => store.headPosition())) : undefined;
    return {
      module: RelayAppModule,
      providers: [
        { provide: EVENT_STORE, useValue: store },
        { provide: RelayService, useValue: relay },
        ...(server ? [{ provide: RelayHealthServer, useValue: server }] : []),
        { provide: RelayProcess, useFactory: () => new RelayProcess(store, relay, server) },
      ],
    };
  }
}
