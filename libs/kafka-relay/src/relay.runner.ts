import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { RELAY_CONFIG, RelayConfig } from './config/relay-config';
import { DealEventRelay } from './deal-event-relay';
import { KafkaDealEventPublisher } from './kafka-deal-event.publisher';
import { RelayCheckpoint } from './relay-checkpoint';

/** How long a stop waits for the publish in flight before cutting the connection. */
const STOP_GRACE_MS = 10_000;

/** Starts the relay with the application and stops it (publish in flight first) before the store closes. */
@Injectable()
export class RelayRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('KafkaRelay');
  private checkpoint?: RelayCheckpoint;
  private publisher?: KafkaDealEventPublisher;
  private relay?: DealEventRelay;

  constructor(
    @Inject(RELAY_CONFIG) private readonly config: RelayConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { config } = this;
    const path = config.dataDir === ':memory:' ? ':memory:' : join(config.dataDir, 'kafka-relay.db');
    this.checkpoint = new RelayCheckpoint(path, `deal-lifecycle:${config.topic}`);
    this.publisher = new KafkaDealEventPublisher(config);
    await this.publisher.connect();
    this.relay = new DealEventRelay(this.store, this.publisher, this.checkpoint, {
      batchSize: config.batchSize,
      lingerMs: config.lingerMs,
      onPublished: (position, events) => this.logger.debug(`published ${events} events through position ${position}`),
      onError: (error, position) =>
        this.logger.error(`publishing after position ${position} failed; starting again from there: ${describe(error)}`),
    });
    this.relay.start();
    this.logger.log(`relaying deal events after position ${this.relay.checkpointPosition} to ${config.topic} on ${config.brokers.join(',')}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    const stopped = this.relay?.stop();
    await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref())]);
    await this.publisher?.disconnect();
    await stopped;
    this.checkpoint?.close();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
