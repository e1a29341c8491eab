import { BackoffOptions, backoffDelay } from '../backoff';
import { EventFilter, EventStore } from '../event-store.port';
import { ConsumerBatch, SubscriptionBatches } from './subscription-batches';

/** Where a consumer is in `$all`: the position every batch up to has been handled. */
export interface ConsumerCheckpoint {
  /** 0 when nothing was handled yet; the consumer reads on after it. */
  load(): number;
  /** Called once a batch's handler has returned, never before. Leave it out when the handler commits the position with its own work. */
  save?(position: number): void;
}

/** Does a batch's work; the checkpoint moves past the batch only once it has returned. */
export type BatchHandler = (batch: ConsumerBatch) => Promise<void> | void;

export interface CheckpointedConsumerOptions {
  readonly filter?: EventFilter;
  /** Most events per batch. */
  readonly batchSize: number;
  /** How long to wait for one more event before handing over a batch that is not full; 0 hands over what is already there. */
  readonly lingerMs: number;
  /** The waits before starting again from the checkpoint after a failure. Default: 1 s, doubling up to 30 s. */
  readonly retry?: BackoffOptions;
  /** Hears each failure, with the position the consumer starts again from and how soon. */
  readonly onError?: (error: unknown, position: number, retryInMs: number) => void;
}

const DEFAULT_RETRY: BackoffOptions = { initialMs: 1000, maxMs: 30_000 };

/**
 * Thrown by a handler that did the first part of a batch and then failed: the checkpoint moves to
 * `handledTo` (every event up to it is done) before `reason` is retried from there, so the events
 * before a failing one are neither held back nor handled again.
 */
export class BatchPartlyHandled extends Error {
  constructor(
    readonly handledTo: number,
    readonly reason: unknown,
  ) {
    super(`batch handled up to position ${handledTo}, then: ${reason instanceof Error ? reason.message : String(reason)}`);
    this.name = 'BatchPartlyHandled';
  }
}

/**
 * Follows `$all` from a checkpoint: subscribes after it with a filter, hands the events to a
 * handler in batches, in order, one at a time, and moves the checkpoint past a batch only once
 * the handler has returned — a crash in between hands the batch over again (at least once),
 * nothing is skipped. A batch may hold no event and only say how far the store has looked past
 * events the filter leaves out, so the checkpoint follows the store's head. When the handler or
 * the subscription fails, it waits (backing off while failures go on) and starts again from the
 * checkpoint.
 */
export class CheckpointedConsumer {
  private running = false;
  private position = 0;
  private batches?: SubscriptionBatches;
  private loop?: Promise<void>;
  private cancelWait?: () => void;

  constructor(
    private readonly store: EventStore,
    private readonly checkpoint: ConsumerCheckpoint,
    private readonly handle: BatchHandler,
    private readonly options: CheckpointedConsumerOptions,
  ) {}

  /** The position of the checkpoint: every batch up to it has been handled. */
  get checkpointPosition(): number {
    return this.position;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.position = this.checkpoint.load();
    this.loop = this.run();
  }

  /** Stops after the batch being handled, if any; what was gathered and not handled is read again next time. */
  async stop(): Promise<void> {
    this.running = false;
    this.cancelWait?.();
    await this.batches?.close();
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        await this.follow(() => (failures = 0));
      } catch (error) {
        if (!this.running) break;
        const delay = backoffDelay(failures++, this.options.retry ?? DEFAULT_RETRY);
        this.options.onError?.(error, this.position, delay);
        await this.wait(delay);
      }
    }
  }

  private async follow(handled: () => void): Promise<void> {
    const batches = new SubscriptionBatches(this.store, this.position, this.options.filter);
    this.batches = batches;
    try {
      while (this.running) {
        const batch = await batches.take(this.options.batchSize, this.options.lingerMs);
        if (!batch || !this.running) return;
        try {
          await this.handle(batch);
        } catch (error) {
          if (!(error instanceof BatchPartlyHandled)) throw error;
          if (error.handledTo > this.position) {
            this.moveTo(error.handledTo);
            handled();
          }
          throw error.reason;
        }
        this.moveTo(batch.scannedTo);
        // Only handled events end a run of failures: a batch that only says how far the store
        // looked (other streams) comes before the failing event again on every retry.
        if (batch.events.length > 0) handled();
        // The embedded store answers synchronously: during a long catch-up the process still serves requests.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      await batches.close();
    }
  }

  private moveTo(position: number): void {
    this.checkpoint.save?.(position);
    this.position = position;
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.cancelWait = done;
    });
  }
}
