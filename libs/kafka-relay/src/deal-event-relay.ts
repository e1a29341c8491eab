import { DealLifecycleEventV1, toDealLifecycleEvent, UnmappableEventError } from '@deals/contracts';
import { DEAL_STREAM_PREFIX, dealIdOfStream } from '@deals/domain';
import { BatchPartlyHandled, CheckpointedConsumer, ConsumerBatch, EventStore } from '@deals/event-store';
import { IntegrationEventPublisher } from './integration-event.publisher';
import { PoisonEventError } from './poison-event.error';
import { RelayCheckpoint } from './relay-checkpoint';
import { RelayFailure, RelayStall, RelayStatus } from './relay-status';

export interface RelayOptions {
  /** Most events per publish. */
  readonly batchSize: number;
  /** How long to wait for more events before publishing a partial batch. */
  readonly lingerMs: number;
  /** Wait before starting again from the checkpoint after a failure; it doubles while failures go on, up to `maxRetryDelayMs`. */
  readonly retryDelayMs?: number;
  /** Default 60 s. */
  readonly maxRetryDelayMs?: number;
  /** The topic, for the status. */
  readonly topic?: string;
  readonly onPublished?: (position: number, events: number) => void;
  /** Hears each failure: a PoisonEventError when it stopped at an event it cannot publish. */
  readonly onError?: (error: unknown, position: number, retryInMs: number) => void;
  readonly clock?: () => Date;
}

/**
 * Publishes every deal event of the store, in `$all` order, from its own checkpoint: the store's
 * checkpointed consumer hands it batches of deal events, it publishes each, and only once the
 * broker has acknowledged it does the checkpoint move. A crash in between re-publishes the batch
 * (at least once); consumers de-duplicate by event id. Batches are published one after another,
 * so per deal (one key, one partition) the topic holds the events in stream order.
 *
 * An event the contract cannot map (a poison event) stops the relay AT it: the events before it
 * are published and checkpointed, the poison event and everything after it wait, retried with
 * backoff, and the status names the event (docs/kafka.md, "A poison event").
 */
export class DealEventRelay {
  private readonly consumer: CheckpointedConsumer;
  private readonly clock: () => Date;
  private running = false;
  private lastPublishedAt?: string;
  private stall?: RelayStall;
  private failure?: RelayFailure;

  constructor(
    store: EventStore,
    private readonly publisher: IntegrationEventPublisher,
    checkpoint: RelayCheckpoint,
    private readonly options: RelayOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.consumer = new CheckpointedConsumer(store, checkpoint, (batch) => this.publish(batch), {
      filter: { streamPrefixes: [DEAL_STREAM_PREFIX] },
      batchSize: options.batchSize,
      lingerMs: options.lingerMs,
      retry: { initialMs: options.retryDelayMs ?? 1000, maxMs: options.maxRetryDelayMs ?? 60_000 },
      onError: (error, position, retryInMs) => {
        this.noteFailure(error, retryInMs);
        options.onError?.(error, position, retryInMs);
      },
    });
  }

  /** The global position the broker has acknowledged everything up to. */
  get checkpointPosition(): number {
    return this.consumer.checkpointPosition;
  }

  get status(): RelayStatus {
    const state = !this.running ? 'stopped' : this.stall ? 'stalled' : this.failure ? 'retrying' : 'running';
    return {
      state,
      topic: this.options.topic ?? '',
      checkpointPosition: this.checkpointPosition,
      ...(this.lastPublishedAt ? { lastPublishedAt: this.lastPublishedAt } : {}),
      ...(this.stall ? { stall: this.stall } : {}),
      ...(this.failure ? { failure: this.failure } : {}),
    };
  }

  start(): void {
    this.running = true;
    this.consumer.start();
  }

  /** Stops after the publish in flight, if any; what was gathered but not published is published next time. */
  async stop(): Promise<void> {
    await this.consumer.stop();
    this.running = false;
  }

  /**
   * Publishes the batch's events up to the first one the contract cannot map; with such an event,
   * the checkpoint moves to the last one published and the relay stops there. A batch with no deal
   * event (the store only passed other streams) publishes nothing; the checkpoint still moves.
   */
  private async publish(batch: ConsumerBatch): Promise<void> {
    const mapped: DealLifecycleEventV1[] = [];
    let poison: PoisonEventError | undefined;
    for (const event of batch.events) {
      try {
        mapped.push(toDealLifecycleEvent(event, dealIdOfStream(event.streamId)));
      } catch (error) {
        if (!(error instanceof UnmappableEventError)) throw error;
        poison = new PoisonEventError(event, error);
        break;
      }
    }
    if (mapped.length > 0) {
      await this.publisher.publish(mapped);
      this.lastPublishedAt = this.clock().toISOString();
      this.failure = undefined;
      this.stall = undefined;
      this.options.onPublished?.(mapped[mapped.length - 1].globalPosition, mapped.length);
    }
    if (poison) throw new BatchPartlyHandled(mapped.at(-1)?.globalPosition ?? batch.after, poison);
  }

  private noteFailure(error: unknown, retryInMs: number): void {
    const now = this.clock();
    const nextAttemptAt = new Date(now.getTime() + retryInMs).toISOString();
    if (error instanceof PoisonEventError) {
      const { event } = error;
      const same = this.stall?.eventId === event.eventId ? this.stall : undefined;
      this.stall = {
        eventId: event.eventId,
        eventType: event.type,
        streamId: event.streamId,
        streamRevision: event.revision,
        position: event.position,
        code: error.code,
        reason: error.message,
        since: same?.since ?? now.toISOString(),
        attempts: (same?.attempts ?? 0) + 1,
        nextAttemptAt,
      };
      this.failure = undefined;
      return;
    }
    this.failure = {
      reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      since: this.failure?.since ?? now.toISOString(),
      attempts: (this.failure?.attempts ?? 0) + 1,
      nextAttemptAt,
    };
  }
}
