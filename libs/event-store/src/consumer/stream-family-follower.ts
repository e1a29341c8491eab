import { EventStore, RecordedEvent, StoreSubscription } from '../event-store.port';

/**
 * Keeps an in-memory view of one family of streams (`user-*`, `credential-*`, `pipeline-*`)
 * current: reads them all once, then follows new events, resubscribing after a failure. Tells
 * callers when the view holds a given position (a command's own), so they can read their writes.
 */
export class StreamFamilyFollower {
  private appliedUpTo = 0;
  private subscription?: StoreSubscription;
  private following?: Promise<void>;
  private running = false;
  private readonly waiters = new Set<{ position: number; resolve: () => void }>();

  /**
   * `fold` applies one event of the family to the view; it runs once per event, in order.
   * `applied` hears each event once the view holds it and waiters on its position are woken.
   */
  constructor(
    private readonly prefix: string,
    private readonly fold: (event: RecordedEvent) => void,
    private readonly applied?: (event: RecordedEvent) => void,
  ) {}

  /** The global position the view holds every event of the family up to. */
  get position(): number {
    return this.appliedUpTo;
  }

  /** Reads every stream of the family once (await before answering from the view). */
  async load(store: EventStore): Promise<void> {
    const pageSize = 1000;
    for (let after = this.appliedUpTo; ;) {
      const { events, scannedTo } = await store.readAll({ after, maxCount: pageSize, filter: { streamPrefixes: [this.prefix] } });
      events.forEach((event) => this.apply(event));
      if (events.length < pageSize) return;
      after = scannedTo;
    }
  }

  /** Loads, then follows new events until `stop()`. `onError` hears a subscription that failed (it is resumed a second later). */
  async start(store: EventStore, onError: (error: unknown) => void = () => undefined): Promise<void> {
    await this.load(store);
    this.running = true;
    this.following = this.follow(store, onError);
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.subscription?.close();
    await this.following;
  }

  /** Folds an event of the family not applied yet; answers whether it did. The position moves on even when the fold throws. */
  apply(event: RecordedEvent): boolean {
    if (!event.streamId.startsWith(this.prefix) || event.position <= this.appliedUpTo) return false;
    try {
      this.fold(event);
    } finally {
      this.appliedUpTo = event.position;
      for (const waiter of this.waiters) {
        if (waiter.position <= this.appliedUpTo) {
          this.waiters.delete(waiter);
          waiter.resolve();
        }
      }
    }
    this.applied?.(event);
    return true;
  }

  /** Resolves once every event of the family up to `position` is applied. */
  waitFor(position: number): Promise<void> {
    if (position <= this.appliedUpTo) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add({ position, resolve }));
  }

  private async follow(store: EventStore, onError: (error: unknown) => void): Promise<void> {
    while (this.running) {
      const subscription = store.subscribeToAll({ fromPosition: this.appliedUpTo, filter: { streamPrefixes: [this.prefix] } });
      this.subscription = subscription;
      try {
        for await (const event of subscription) this.apply(event);
        return;
      } catch (error) {
        if (!this.running) return;
        onError(error);
        await subscription.close().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 1000).unref());
      }
    }
  }
}
