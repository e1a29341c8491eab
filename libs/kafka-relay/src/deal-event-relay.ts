import { toDealLifecycleEvent } from '@deals/contracts';
import { DEAL_STREAM_PREFIX, dealIdOfStream } from '@deals/domain';
import { CheckpointedConsumer, ConsumerBatch, EventStore } from '@deals/event-store';
import { IntegrationEventPublisher } from './integration-event.publisher';
import { RelayCheckpoint } from './relay-checkpoint';

export interface RelayOptions {
  /** Most events per publish. */
  readonly batchSize: number;
  /** How long to wait for more events before publishing a partial batch. */
  readonly lingerMs: number;
  /** Wait before starting again from the checkpoint after a failure; it doubles while failures go on, up to 30 s. */
  readonly retryDelayMs?: number;
  readonly onPublished?: (position: number, events: number) => void;
  readonly onError?: (error: unknown, position: number) => void;
}

/**
 * Publishes every deal event of the store, in `$all` order, from its own checkpoint: the store's
 * checkpointed consumer hands it batches of deal events, it publishes each, and only once the
 * broker has acknowledged it does the checkpoint move. A crash in between re-publishes the batch
 * (at least once); consumers de-duplicate by event id. Batches are published one after another,
 * so per deal (one key, one partition) the topic holds the events in stream order.
 */
export class DealEventRelay {
  private readonly consumer: CheckpointedConsumer;

  constructor(
    store: EventStore,
    private readonly publisher: IntegrationEventPublisher,
    checkpoint: RelayCheckpoint,
    private readonly options: RelayOptions,
  ) {
    this.consumer = new CheckpointedConsumer(store, checkpoint, (batch) => this.publish(batch), {
      filter: { streamPrefixes: [DEAL_STREAM_PREFIX] },
      batchSize: options.batchSize,
      lingerMs: options.lingerMs,
      retry: { initialMs: options.retryDelayMs ?? 1000, maxMs: 30_000 },
      onError: options.onError,
    });
  }

  /** The global position the broker has acknowledged everything up to. */
  get checkpointPosition(): number {
    return this.consumer.checkpointPosition;
  }

  start(): void {
    this.consumer.start();
  }

  /** Stops after the publish in flight, if any; what was gathered but not published is published next time. */
  stop(): Promise<void> {
    return this.consumer.stop();
  }

  /** A batch with no deal event (the store only passed other streams) publishes nothing; the checkpoint still moves. */
  private async publish(batch: ConsumerBatch): Promise<void> {
    if (batch.events.length === 0) return;
    await this.publisher.publish(batch.events.map((e) => toDealLifecycleEvent(e, dealIdOfStream(e.streamId))));
    this.options.onPublished?.(batch.events[batch.events.length - 1].position, batch.events.length);
  }
}
