import { ProjectionDatabase } from './projection-database';

/**
 * A read model answered from projections.db instead of memory: each read parses the stored
 * document. For projections whose documents together are too large to keep on the heap.
 */
export class StoredReadModel<D> implements ReadonlyMap<string, D> {
  constructor(
    private readonly db: ProjectionDatabase,
    private readonly name: string,
    /** Lists every document in the order it was first written, as a folded map does. */
    private readonly options: { created?: boolean } = {},
  ) {}

  get size(): number {
    return this.db.documentCount(this.name);
  }

  get(key: string): D | undefined {
    return this.db.document<D>(this.name, key);
  }

  has(key: string): boolean {
    return this.db.hasDocument(this.name, key);
  }

  entriesWithPrefix(prefix: string): [string, D][] {
    return this.db.documentsWithPrefix<D>(this.name, prefix);
  }

  forEach(callback: (value: D, key: string, map: ReadonlyMap<string, D>) => void, thisArg?: unknown): void {
    for (const [key, doc] of this.entries()) callback.call(thisArg, doc, key, this);
  }

  entries(): MapIterator<[string, D]> {
    return this.db.documents<D>(this.name, this.options).entries();
  }

  keys(): MapIterator<string> {
    return this.db.documents<D>(this.name, this.options).keys();
  }

  values(): MapIterator<D> {
    return this.db.documents<D>(this.name, this.options).values();
  }

  [Symbol.iterator](): MapIterator<[string, D]> {
    return this.entries();
  }
}
