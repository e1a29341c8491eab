import { ReadModel } from '../projection';

/** What a query asked for that the model did not hold yet. */
export interface Missing {
  readonly keys: ReadonlySet<string>;
  readonly prefixes: ReadonlySet<string>;
  /** It went over every document. */
  readonly all: boolean;
}

/**
 * The documents of a past moment fetched so far, as a synchronous read model: a query run over
 * it reads what is there and the model records what it lacked, so the caller fetches that and
 * runs the (pure) query again until nothing is missing. Documents by prefix come in key order,
 * as from a stored read model; all documents in the order they were created, as in a read model
 * folded up to the moment.
 */
export class AsOfReadModel<D> implements ReadModel<D> {
  private readonly docs = new Map<string, D | undefined>();
  private readonly prefixes = new Map<string, readonly string[]>();
  private everything?: readonly [string, D][];
  private missing = { keys: new Set<string>(), prefixes: new Set<string>(), all: false };

  /** What the runs since the last call lacked (`undefined`: nothing); clears it. */
  takeMissing(): Missing | undefined {
    const m = this.missing;
    this.missing = { keys: new Set(), prefixes: new Set(), all: false };
    return m.all || m.keys.size > 0 || m.prefixes.size > 0 ? m : undefined;
  }

  /** A document as of the moment (`undefined`: absent then). */
  add(key: string, doc: D | undefined): void {
    this.docs.set(key, doc);
  }

  /** The keys starting with `prefix` that may have held a document then; each one's document is added too. */
  addPrefix(prefix: string, keys: readonly string[]): void {
    this.prefixes.set(prefix, [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /** Every document of the moment, in creation order. */
  addAll(entries: readonly [string, D][]): void {
    for (const [key, doc] of entries) this.docs.set(key, doc);
    this.everything = entries;
  }

  get(key: string): D | undefined {
    if (!this.docs.has(key) && this.everything === undefined) this.missing.keys.add(key);
    return this.docs.get(key);
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  entriesWithPrefix(prefix: string): [string, D][] {
    const keys = this.prefixes.get(prefix) ?? this.everything?.map(([key]) => key).filter((key) => key.startsWith(prefix)).sort();
    if (keys === undefined) {
      this.missing.prefixes.add(prefix);
      return [];
    }
    return keys.flatMap((key): [string, D][] => {
      const doc = this.get(key);
      return doc === undefined ? [] : [[key, doc]];
    });
  }

  get size(): number {
    return this.all().length;
  }

  forEach(callback: (value: D, key: string, map: ReadonlyMap<string, D>) => void, thisArg?: unknown): void {
    for (const [key, doc] of this.all()) callback.call(thisArg, doc, key, this);
  }

  entries(): MapIterator<[string, D]> {
    return this.all().values() as MapIterator<[string, D]>;
  }

  keys(): MapIterator<string> {
    return this.all().map(([key]) => key).values() as MapIterator<string>;
  }

  values(): MapIterator<D> {
    return this.all().map(([, doc]) => doc).values() as MapIterator<D>;
  }

  [Symbol.iterator](): MapIterator<[string, D]> {
    return this.entries();
  }

  private all(): readonly [string, D][] {
    if (this.everything === undefined) this.missing.all = true;
    return this.everything ?? [];
  }
}
