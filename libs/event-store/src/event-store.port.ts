/**
 * The event store port. Semantics follow EventStoreDB: 0-based stream revisions,
 * expected-state checks, idempotent appends by event id, a global `$all` order and
 * catch-up subscriptions from an exclusive position.
 */

/** `any`: no check. `no_stream`: the stream must not exist. `stream_exists`: it must. A number: the last event's revision. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export const ANY = 'any' as const;
export const NO_STREAM = 'no_stream' as const;
export const STREAM_EXISTS = 'stream_exists' as const;

/** An event to append. `eventId` (a UUID) makes retries idempotent. */
export interface EventToAppend {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion?: number;
  readonly data: unknown;
  /** Must not contain `recordedAt`: the store stamps it. */
  readonly metadata: Readonly<Record<string, unknown>>;
}

export interface RecordedEvent {
  readonly streamId: string;
  /** 0-based position of the event in its stream. */
  readonly revision: number;
  /** Global position in `$all`: strictly increasing, never reused, starts at 1. */
  readonly position: number;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  /** The appended metadata plus `recordedAt` (ISO-8601, stamped by the store). */
  readonly metadata: Readonly<Record<string, unknown>> & { readonly recordedAt: string };
  /** sha256 hex of (prevHash + canonical form of this event). */
  readonly hash: string;
  /** The previous event's hash in the same stream; 64 zeros for revision 0. */
  readonly prevHash: string;
}

export interface AppendResult {
  /** Revision of the last event now in the stream (the new expected revision). */
  readonly nextExpectedRevision: number;
  /** Global position of the last appended event. */
  readonly position: number;
}

export interface AppendOptions {
  readonly expectedRevision?: ExpectedRevision;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  readonly direction?: Direction;
  /** Inclusive. Defaults to the first (forwards) or last (backwards) revision. */
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  readonly direction?: Direction;
  /** Exclusive: events strictly after (forwards) or before (backwards) this position. Default: start/end. */
  readonly after?: number;
  readonly maxCount?: number;
  readonly filter?: EventFilter;
}

/** A read of `$all`, and how far it looked. */
export interface ReadAllResult {
  readonly events: RecordedEvent[];
  /**
   * Where the read stopped, to pass as `after` to read on: every event the filter matches between
   * `after` and here is in `events`. Forwards it is at or past the last event — past events the
   * filter left out, up to the end of `$all` as the read saw it — unless `maxCount` cut the read
   * short (then the last event's position). Backwards it is the last event's position when
   * `maxCount` cut the read short, else 0 (the start was reached). `maxCount: 0` scans nothing:
   * `after`, or 0 without it.
   */
  readonly scannedTo: number;
}

export interface EventFilter {
  /** Keep events whose stream id starts with one of these. */
  readonly streamPrefixes?: readonly string[];
  /** Keep events of these types. */
  readonly eventTypes?: readonly string[];
}

export interface SubscribeOptions {
  /** Exclusive start: deliver events with position > fromPosition. 0 or omitted: from the start. 'end': only new events. */
  readonly fromPosition?: number | 'end';
  readonly filter?: EventFilter;
  /**
   * Hears how far the subscription has looked past the events its filter leaves out: every event
   * the filter matches at or before `position` has been delivered. Called while the consumer asks
   * for its next event, in `$all` order with the events — never ahead of one not yet delivered —
   * and only with a position past the last one delivered or heard, so a consumer may keep it as
   * its checkpoint. (EventStoreDB filters such a subscription on the client, so it sees every
   * event of the store's own streams.)
   */
  readonly onScanned?: (position: number) => void;
}

/** History first, then live events, in `$all` order. Ends when `close()` is called. */
export interface StoreSubscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  append(streamId: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult>;
  /** Returns [] for a stream that does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<ReadAllResult>;
  subscribeToAll(options?: SubscribeOptions): StoreSubscription;
  /** Position of the last event in `$all`, 0 when empty. */
  headPosition(): Promise<number>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
