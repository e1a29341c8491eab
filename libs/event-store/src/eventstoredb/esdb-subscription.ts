import type { Position } from '@eventstore/db-client';
import { RecordedEvent, StoreSubscription } from '../event-store.port';
import { BackoffOptions, backoffDelay } from '../backoff';
import { ResolvedEventLike, positionOf } from './esdb-event-envelope';
import { comparePositions, toPortPosition } from './esdb-position';
import { isPermanentSubscriptionError } from './esdb.errors';

// Readable's own listener type: its events carry different arguments.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Listener = (...args: any[]) => void;

/** The part of the client's catch-up subscription (a Readable of resolved events) used here. */
export interface SubscriptionSource {
  on(event: string, listener: Listener): unknown;
  off(event: string, listener: Listener): unknown;
  pause(): unknown;
  resume(): unknown;
  destroy(): unknown;
  unsubscribe(): Promise<void>;
}

/** An exclusive start: events strictly after this position, or every event. */
export type Start = Position | 'start';

export interface EsdbSubscriptionOptions {
  /** Opens a server subscription that delivers the events strictly after `from`. */
  readonly open: (from: Start) => SubscriptionSource;
  /** Where to start, resolved once before the first connection (`'end'` needs a read). */
  readonly start: () => Promise<Start>;
  /** The event to deliver, or undefined to pass over it (system, foreign or filtered out). */
  readonly accept: (resolved: ResolvedEventLike) => RecordedEvent | undefined;
  readonly backoff: BackoffOptions;
  readonly onClose: (subscription: EsdbSubscription) => void;
  /** Hears the records passed over, once the events before them are delivered (the port's onScanned). */
  readonly onScanned?: (position: number) => void;
  /** Events held for a slow consumer before the server stream is paused. Default 256. */
  readonly highWaterMark?: number;
}

/** An event to deliver, or how far the records passed over since the last one reach. */
type Held = { readonly event: RecordedEvent; readonly position: Position } | { readonly scannedTo: number; readonly position: Position };

/**
 * A catch-up subscription to $all that survives dropped connections. It remembers the
 * position of the last event handed to the consumer; when the server stream fails or ends,
 * it drops what it holds and resubscribes from that position after a capped, jittered
 * exponential backoff, so nothing is delivered twice and nothing is skipped. Events at or
 * before the start are ignored too, whatever the server sends. Only errors that retrying
 * cannot fix (no rights to read $all) end it, by rejecting the next read. Records it passes over
 * are told to `onScanned` in their place among the events, as the consumer reaches them.
 */
export class EsdbSubscription implements StoreSubscription {
  /** The last delivered position; undefined until the start is resolved. */
  private cursor: Start | undefined;
  private source: SubscriptionSource | undefined;
  private detach: (() => void) | undefined;
  private held: Held[] = [];
  private paused = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private failure: { readonly error: unknown } | undefined;
  private closed = false;
  private waiter: (() => void) | undefined;
  private pulls: Promise<unknown> = Promise.resolve();
  private readonly highWaterMark: number;

  constructor(private readonly options: EsdbSubscriptionOptions) {
    this.highWaterMark = options.highWaterMark ?? 256;
    this.connect();
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    this.held = [];
    this.options.onClose(this);
    const released = this.release();
    this.wake();
    return released;
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return {
      next: () => this.next(),
      return: async () => {
        await this.close();
        return { done: true, value: undefined };
      },
    };
  }

  private next(): Promise<IteratorResult<RecordedEvent>> {
    // Calls that overlap are served one after another, so two cannot take the same event.
    const result = this.pulls.then(() => this.pull());
    this.pulls = result.catch(() => undefined);
    return result;
  }

  private async pull(): Promise<IteratorResult<RecordedEvent>> {
    for (;;) {
      if (this.closed) return { done: true, value: undefined };
      const next = this.held.shift();
      if (next) {
        this.cursor = next.position;
        if (this.paused && this.held.length <= this.highWaterMark / 2) {
          this.paused = false;
          this.source?.resume();
        }
        if ('event' in next) return { done: false, value: next.event };
        this.options.onScanned?.(next.scannedTo);
        continue;
      }
      if (this.failure) {
        const { error } = this.failure;
        await this.close();
        throw error;
      }
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  private connect(): void {
    this.retryTimer = undefined;
    if (this.closed || this.failure) return;
    const cursor = this.cursor;
    if (cursor === undefined) {
      this.options.start().then(
        (start) => {
          this.cursor ??= start;
          this.connect();
        },
        (error: unknown) => this.dropped(undefined, error),
      );
      return;
    }
    let source: SubscriptionSource;
    try {
      source = this.options.open(cursor);
    } catch (error) {
      this.dropped(undefined, error);
      return;
    }
    let seen: Start = cursor;
    const listeners: Record<string, Listener> = {
      data: (resolved: ResolvedEventLike) => {
        seen = this.receive(resolved, seen);
      },
      error: (error: unknown) => this.dropped(source, error),
      end: () => this.dropped(source, undefined),
      close: () => this.dropped(source, undefined),
    };
    for (const [event, listener] of Object.entries(listeners)) source.on(event, listener);
    this.source = source;
    this.paused = false;
    this.detach = () => {
      for (const [event, listener] of Object.entries(listeners)) source.off(event, listener);
      // A late error on a stream being torn down must not become an unhandled 'error' event.
      source.on('error', ignore);
    };
  }

  /** Holds a delivered event; returns the position the server stream has now passed. */
  private receive(resolved: ResolvedEventLike, seen: Start): Start {
    const position = positionOf(resolved);
    if (!position || (seen !== 'start' && comparePositions(position, seen) <= 0)) return seen;
    this.failures = 0;
    let event: RecordedEvent | undefined;
    try {
      event = this.options.accept(resolved);
      if (!event && this.options.onScanned) this.passedOver(position);
    } catch (error) {
      this.fail(error);
      return position;
    }
    if (event) {
      this.held.push({ event, position });
      if (!this.paused && this.held.length >= this.highWaterMark) {
        this.paused = true;
        this.source?.pause();
      }
      this.wake();
    }
    return position;
  }

  /** A record not delivered: one mark after the last event held says how far they reach. */
  private passedOver(position: Position): void {
    const mark = { scannedTo: toPortPosition(position), position };
    const last = this.held.length - 1;
    if (last >= 0 && !('event' in this.held[last])) this.held[last] = mark;
    else this.held.push(mark);
    this.wake();
  }

  private dropped(source: SubscriptionSource | undefined, error: unknown): void {
    if (source !== this.source || this.closed || this.failure) return;
    void this.release();
    // What is held was never delivered: it comes again from the last delivered position.
    this.held = [];
    if (isPermanentSubscriptionError(error)) {
      this.fail(error);
      return;
    }
    this.retryTimer = setTimeout(() => this.connect(), backoffDelay(this.failures++, this.options.backoff));
  }

  private fail(error: unknown): void {
    if (this.closed || this.failure) return;
    this.failure = { error };
    void this.release();
    this.wake();
  }

  private async release(): Promise<void> {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const source = this.source;
    this.detach?.();
    this.source = this.detach = undefined;
    if (!source) return;
    try {
      await source.unsubscribe();
    } catch {
      // The server stream is already gone.
    }
    source.destroy();
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  }
}

function ignore(): void {}
