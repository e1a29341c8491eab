import { join } from 'node:path';
import { EventStore } from '@deals/event-store';
import { RelayConfig } from './config/relay-config';
import { DealEventRelay } from './deal-event-relay';
import { KafkaDealEventPublisher } from './kafka-deal-event.publisher';
import { RelayCheckpoint } from './relay-checkpoint';
import { RelayLogger } from './relay-logger';

/** How long a stop waits for the publish in flight before cutting the connection. */
const STOP_GRACE_MS = 10_000;

/**
 * The relay as one service: its checkpoint, its Kafka producer and the loop between them. The host
 * (the relay process, or the API with the relay embedded) starts it with the application and
 * stops it, publish in flight first, before the store closes.
 */
export class RelayService {
  private checkpoint?: RelayCheckpoint;
  private publisher?: KafkaDealEventPublisher;
  private relay?: DealEventRelay;

  constructor(
    private readonly config: RelayConfig,
    private readonly store: EventStore,
    private readonly logger: RelayLogger,
  ) {}

  async start(): Promise<void> {
    const { config } = this;
    const path = config.dataDir === ':memory:' ? ':memory:' : join(config.dataDir, 'kafka-relay.db');
    this.checkpoint = new RelayCheckpoint(path, `deal-lifecycle:${config.topic}`);
    this.publisher = new KafkaDealEventPublisher(config, this.logger);
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

  /** The position in `$all` published through (for metrics); undefined until started. */
  get checkpointPosition(): number | undefined {
    return this.relay?.checkpointPosition;
  }

  async stop(): Promise<void> {
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
