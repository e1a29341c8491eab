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
  /**
   * Where the running read model lives: 'memory' (default) loads every document at start;
   * 'stored' reads documents from the projection database when asked, for large read models.
   */
  readonly storage?: 'memory' | 'stored';
  /** The documents an event touches; [] to ignore it. */
  keysOf(event: RecordedEvent): readonly string[];
  /** The document after the event; `undefined` deletes it. */
  apply(doc: D | undefined, event: RecordedEvent, key: string): D | undefined;
  /**
   * For reads as of a past moment: the one stream whose events alone make the document under
   * `key`, or `undefined` when events of other streams change it too. A document of one stream
   * is folded again from that stream when asked about; every version of any other document
   * is kept in the projection database. Omitted: every document's versions are kept.
   */
  streamOf?(key: string): string | undefined;
  /**
   * Array fields of `doc` that only ever grow at their end (earlier items never change). They are
   * stored as rows of their own, so an event appends its items instead of rewriting the document,
   * and the change log records the document without them. Omitted: documents are stored whole.
   */
  appendOnly?(doc: D): readonly string[];
  /**
   * Of `appendOnly`'s fields, those whose earlier items `apply` reads (to avoid repeats, say). A
   * rebuild hands `apply` the others holding only the items not yet written out, so a document it
   * reads back costs its head, not its history. Omitted: `apply` reads every one of them.
   */
  readsAppended?(doc: D): readonly string[];
}

/** A projection's documents, read-only for queries. */
export type ReadModel<D> = ReadonlyMap<string, D>;

/** A read model that lists documents by key prefix from an index (stored read models do). */
interface PrefixIndexed<D> {
  entriesWithPrefix(prefix: string): Iterable<[string, D]>;
}

/** Documents whose key starts with `prefix`, in key order when the model keeps an index, else in map order. */
export function entriesWithPrefix<D>(model: ReadModel<D>, prefix: string): [string, D][] {
  const indexed = (model as Partial<PrefixIndexed<D>>).entriesWithPrefix;
  if (typeof indexed === 'function') return [...indexed.call(model, prefix)];
  const found: [string, D][] = [];
  for (const entry of model) if (entry[0].startsWith(prefix)) found.push(entry);
  return found;
}

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
