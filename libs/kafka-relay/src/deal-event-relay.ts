import { toDealLifecycleEvent } from '@deals/contracts';
import { DEAL_STREAM_PREFIX, dealIdOfStream } from '@deals/domain';
import { EventStore, RecordedEvent, StoreSubscription } from '@deals/event-store';
import { IntegrationEventPublisher } from './integration-event.publisher';
import { RelayCheckpoint } from './relay-checkpoint';

export interface RelayOptions {
  /** Most events per publish. */
  readonly batchSize: number;
  /** How long to wait for more events before publishing a partial batch. */
  readonly lingerMs: number;
  /** Wait before starting again from the checkpoint after a failure. */
  readonly retryDelayMs?: number;
  readonly onPublished?: (position: number, events: number) => void;
  readonly onError?: (error: unknown, position: number) => void;
}

const TIMED_OUT = Symbol('timed out');

/**
 * Publishes every deal event of the store, in `$all` order, from its own checkpoint: subscribe
 * after the checkpoint, gather a batch, publish it, and only once the broker has acknowledged
 * it move the checkpoint. A crash in between re-publishes the batch (at least once); consumers
 * de-duplicate by event id. Batches are published one after another, so per deal (one key, one
 * partition) the topic holds the events in stream order.
 */
export class DealEventRelay {
  private running = false;
  private position = 0;
  private subscription?: StoreSubscription;
  private loop?: Promise<void>;
  private cancelSleep?: () => void;
  private readonly retryDelayMs: number;

  constructor(
    private readonly store: EventStore,
    private readonly publisher: IntegrationEventPublisher,
    private readonly checkpoint: RelayCheckpoint,
    private readonly options: RelayOptions,
  ) {
    this.retryDelayMs = options.retryDelayMs ?? 1000;
  }

  /** The global position of the last acknowledged event. */
  get checkpointPosition(): number {
    return this.position;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.position = this.checkpoint.load();
    this.loop = this.run();
  }

  /** Stops after the publish in flight, if any; what was gathered but not published is published next time. */
  async stop(): Promise<void> {
    this.running = false;
    this.cancelSleep?.();
    await this.subscription?.close();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.follow();
      } catch (error) {
        if (!this.running) break;
        this.options.onError?.(error, this.position);
        await this.sleep(this.retryDelayMs);
      }
    }
  }

  private async follow(): Promise<void> {
    const subscription = this.store.subscribeToAll({ fromPosition: this.position, filter: { streamPrefixes: [DEAL_STREAM_PREFIX] } });
    this.subscription = subscription;
    const events = subscription[Symbol.asyncIterator]();
    try {
      let next = events.next();
      while (this.running) {
        const first = await next;
        if (first.done) return;
        const batch: RecordedEvent[] = [first.value];
        next = events.next();
        while (batch.length < this.options.batchSize) {
          const more = await within(next, this.options.lingerMs);
          if (more === TIMED_OUT || more.done) break;
          batch.push(more.value);
          next = events.next();
        }
        if (!this.running) return;
        await this.publish(batch);
      }
    } finally {
      await subscription.close();
    }
  }

  private async publish(batch: readonly RecordedEvent[]): Promise<void> {
    await this.publisher.publish(batch.map((e) => toDealLifecycleEvent(e, dealIdOfStream(e.streamId))));
    const last = batch[batch.length - 1].position;
    this.checkpoint.save(last);
    this.position = last;
    this.options.onPublished?.(last, batch.length);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.cancelSleep = done;
    });
  }
}

/** The promise's value, or TIMED_OUT if it takes longer than `ms` (the promise itself keeps running). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
