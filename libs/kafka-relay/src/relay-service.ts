import { join } from 'node:path';
import { EventStore } from '@deals/event-store';
import { RelayConfig } from './config/relay-config';
import { DealEventRelay } from './deal-event-relay';
import { KafkaDealEventPublisher } from './kafka-deal-event.publisher';
import { PoisonEventError } from './poison-event.error';
import { RelayCheckpoint } from './relay-checkpoint';
import { RelayLogger } from './relay-logger';
import { RelayStatus } from './relay-status';

/** How long a stop waits for the publish in flight before cutting the connection. */
const STOP_GRACE_MS = 10_000;

/**
 * The relay as one service: its checkpoint, its Kafka producer and the loop between them. The host
 * (the relay process, or the API with the relay embedded) starts it with the application and
 * stops it, publish in flight first, before the store closes; it shows `status()` in its health.
 */
export class RelayService {
  private checkpoint?: RelayCheckpoint;
  private publisher?: KafkaDealEventPublisher;
  private relay?: DealEventRelay;
  private stalledAt?: string;

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
      topic: config.topic,
      onPublished: (position, events) => this.logger.debug(`published ${events} events through position ${position}`),
      onError: (error, position, retryInMs) => this.reportFailure(error, position, retryInMs),
    });
    this.relay.start();
    this.logger.log(`relaying deal events after position ${this.relay.checkpointPosition} to ${config.topic} on ${config.brokers.join(',')}`);
  }

  /** What the relay is doing: for the host's health endpoint. */
  status(): RelayStatus {
    return this.relay?.status ?? { state: 'starting', topic: this.config.topic, checkpointPosition: this.checkpoint?.load() ?? 0 };
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

  /** A stall is logged as an error once per event, its retries at debug level; other failures each time. */
  private reportFailure(error: unknown, position: number, retryInMs: number): void {
    const retry = `trying again in ${Math.round(retryInMs / 100) / 10} s`;
    if (error instanceof PoisonEventError) {
      const { event } = error;
      const where = `event ${event.eventId} (${event.type}, ${event.streamId}@${event.revision}, position ${event.position})`;
      if (this.stalledAt === event.eventId) {
        this.logger.debug(`still stopped at ${where}; ${retry}`);
        return;
      }
      this.stalledAt = event.eventId;
      this.logger.error(
        `stopped at ${where}: ${error.code}: ${error.message}. Everything up to position ${position} is published; ` +
          `it and every later event wait until it can be published (docs/kafka.md, "A poison event"); ${retry}`,
      );
      return;
    }
    this.logger.error(`publishing after position ${position} failed; starting again from there, ${retry}: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
