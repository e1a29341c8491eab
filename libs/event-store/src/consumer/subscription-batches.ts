import { EventFilter, EventStore, RecordedEvent, StoreSubscription } from '../event-store.port';

/** A run of a subscription's events, and how far the subscription had looked when it was taken. */
export interface ConsumerBatch {
  /** Where the batch starts: its events come after this position. */
  readonly after: number;
  readonly events: readonly RecordedEvent[];
  /** Every event the filter matches in (after, scannedTo] is in `events`; past the last one when the store said it looked further. */
  readonly scannedTo: number;
}

const TIMED_OUT = Symbol('timed out');

/**
 * A subscription taken in batches: up to a number of events, waiting up to a linger time for
 * each next one, or — when the store has looked past events the filter leaves out and nothing
 * more is at hand — no event at all, only how far it looked. One read is asked of the
 * subscription at a time, so when it tells how far it has looked, every event up to there has
 * been taken into this batch or an earlier one.
 */
export class SubscriptionBatches {
  private readonly subscription: StoreSubscription;
  private readonly iterator: AsyncIterator<RecordedEvent>;
  private next: Promise<IteratorResult<RecordedEvent>>;
  private scanned: number;
  private progressed?: () => void;

  constructor(store: EventStore, private position: number, filter: EventFilter | undefined) {
    this.scanned = position;
    this.subscription = store.subscribeToAll({
      fromPosition: position,
      filter,
      onScanned: (scannedTo) => {
        this.scanned = scannedTo;
        this.progressed?.();
      },
    });
    this.iterator = this.subscription[Symbol.asyncIterator]();
    this.next = this.ask();
  }

  /**
   * The next batch after the last one taken: at least one event, or a position past it with no
   * event. `lingerMs` 0 takes only what the subscription has at hand. Undefined once the
   * subscription is closed (what was gathered is dropped: it is read again from the checkpoint).
   */
  async take(maxCount: number, lingerMs: number): Promise<ConsumerBatch | undefined> {
    const after = this.position;
    const events: RecordedEvent[] = [];
    while (events.length < maxCount) {
      const gathering = events.length > 0 || this.scanned > after;
      const next = gathering ? await within(this.next, events.length > 0 ? lingerMs : 0) : await this.eventOrProgress();
      if (next === TIMED_OUT) break;
      if (next === undefined) continue;
      if (next.done) return undefined;
      events.push(next.value);
      this.next = this.ask();
    }
    this.position = Math.max(events.at(-1)?.position ?? after, this.scanned);
    return { after, events, scannedTo: this.position };
  }

  close(): Promise<void> {
    return this.subscription.close();
  }

  /** Asks for the next event at once, so the store reads on while the batch is handled. */
  private ask(): Promise<IteratorResult<RecordedEvent>> {
    const next = this.iterator.next();
    // A failure while nobody waits is not unhandled: the next take() meets it.
    next.catch(() => undefined);
    return next;
  }

  /** The next event, or undefined as soon as the subscription tells of progress. */
  private async eventOrProgress(): Promise<IteratorResult<RecordedEvent> | undefined> {
    try {
      return await Promise.race([this.next, new Promise<undefined>((resolve) => (this.progressed = () => resolve(undefined)))]);
    } finally {
      this.progressed = undefined;
    }
  }
}

/**
 * A subscription hands over an event it already holds (or reads without waiting for I/O, as the
 * embedded store does) within a few turns of the microtask queue. Waiting that long, rather than
 * for a timer, takes everything at hand without letting the event loop turn: a batch's changes
 * go out in the same turn as the commit that brought its events.
 */
const AT_HAND_TURNS = 16;

/** The promise's value, or TIMED_OUT after `ms` (0: unless it is at hand); the promise itself keeps running. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  const race = { over: false };
  let timer: NodeJS.Timeout | undefined;
  const timeout = ms === 0 ? turns(AT_HAND_TURNS, race) : new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(resolve, ms, TIMED_OUT)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    race.over = true;
    clearTimeout(timer);
  }
}

/** TIMED_OUT after `count` turns of the microtask queue, or sooner once the race is over. */
async function turns(count: number, race: { over: boolean }): Promise<typeof TIMED_OUT> {
  for (let i = 0; i < count && !race.over; i++) await undefined;
  return TIMED_OUT;
}
