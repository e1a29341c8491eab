import { EventFilter, RecordedEvent } from '@deals/event-store';

/**
 * A read model kept as documents by key (e.g. one per deal). `apply` is a pure fold of one
 * event into one document: it must not mutate `doc` and must not read a clock.
 */
export interface Projection<D> {
  readonly name: string;
  /** Bump when `apply` changes meaning: a stored read model of another version is rebuilt on start. */
  readonly version: number;
  /** Which events the projection reads (server-side filter where the store supports it). */
  readonly filter: EventFilter;
  /** The documents an event touches; [] to ignore it. */
  keysOf(event: RecordedEvent): readonly string[];
  /** The document after the event; `undefined` deletes it. */
  apply(doc: D | undefined, event: RecordedEvent, key: string): D | undefined;
}

/** A projection's documents, read-only for queries. */
export type ReadModel<D> = ReadonlyMap<string, D>;

/** One document changed by one event, as streamed to live subscribers. */
export interface DocumentChange<D = unknown> {
  readonly projection: string;
  readonly key: string;
  /** The document after the change; `undefined` when deleted. */
  readonly doc: D | undefined;
  readonly position: number;
  readonly eventId: string;
  readonly eventType: string;
}
