import { ProjectionDatabase, StoredDocument, StoredRow } from './projection-database';

/** How much of a read model a rebuild holds in memory before writing it out. */
export interface RebuildCacheLimits {
  /** Documents changed before they are written (unchanged ones: up to four times as many). */
  readonly documents: number;
  /** The documents held, by their size as stored JSON when last written or read (estimated). */
  readonly bytes: number;
}

export const DEFAULT_REBUILD_CACHE: RebuildCacheLimits = { documents: 5_000, bytes: 16 * 2 ** 20 };

interface Entry<D> {
  doc: D | undefined;
  dirty: boolean;
  /** Its stored size (estimated); 0 until written or read. */
  bytes: number;
  /** Its row under the rebuild's name (null: none), so writing it needs no query to find it. */
  row: StoredRow | null;
  /** Deleted, then created again: its row goes before it is written, so it is listed as created last. */
  recreated: boolean;
  /** When a document without a row was created: rows are written in this order. */
  created: number;
}

/**
 * A rebuild's read model in bounded memory: documents are written under the rebuild's own name
 * in projections.db once more than the limits are held (`afterPage`), the least recently used then
 * dropped from memory and read back when asked for again — a page's at once (`beforePage`), keys
 * found to have no row remembered until the page ends. Rows are written in the order documents were first
 * created, so the stored read model lists them as the folded map did (deleted and created again:
 * last).
 */
export class RebuildCache<D> {
  /** Least recently used first. */
  private readonly entries = new Map<string, Entry<D>>();
  /** Keys known to have no row and not held (this page's). */
  private readonly absent = new Set<string>();
  private bytes = 0;
  private creations = 0;
  /** Documents changed since the last write (their size is known only once written). */
  private changed = 0;

  constructor(
    private readonly db: ProjectionDatabase,
    /** The name the documents are written under (`rebuildName`). */
    private readonly name: string,
    private readonly limits: RebuildCacheLimits,
    /** Hold only the unwritten items of the append-only fields `apply` does not read (`Projection.readsAppended`). */
    private readonly tails = false,
  ) {}

  /** Before a page is folded: reads back, in a few queries, the documents of `keys` not held. */
  beforePage(keys: Iterable<string>): void {
    const wanted = [...new Set(keys)].filter((key) => !this.entries.has(key) && !this.absent.has(key));
    if (wanted.length === 0) return;
    const found = this.db.storedDocuments<D>(this.name, wanted, this.tails);
    for (const key of wanted) {
      const stored = found.get(key);
      if (stored) this.hold(key, stored);
      else this.absent.add(key);
    }
  }

  get(key: string): D | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.doc;
    }
    if (this.absent.has(key)) return undefined;
    const stored = this.db.storedDocuments<D>(this.name, [key], this.tails).get(key);
    if (stored === undefined) {
      this.absent.add(key);
      return undefined;
    }
    this.hold(key, stored);
    return stored.doc;
  }

  set(key: string, doc: D): this {
    const entry = this.entries.get(key);
    if (entry && entry.doc !== undefined) {
      entry.doc = doc;
      this.markChanged(entry);
      return this;
    }
    // New, or deleted before: as in a Map, it now comes last.
    if (entry) {
      this.entries.delete(key);
      this.bytes -= entry.bytes;
    }
    // A row not yet deleted: its own, or the one it was created again over.
    const hadRow = entry ? entry.row !== null || entry.recreated : !this.absent.has(key) && this.db.hasDocument(this.name, key);
    this.absent.delete(key);
    // A row it had goes first (`flush`): it is inserted anew.
    if (!entry?.dirty) this.changed++;
    this.entries.set(key, { doc, dirty: true, bytes: 0, row: null, recreated: hadRow, created: ++this.creations });
    return this;
  }

  delete(key: string): boolean {
    const existed = this.get(key) !== undefined;
    const entry = this.entries.get(key);
    if (entry) {
      entry.doc = undefined;
      this.markChanged(entry);
    }
    return existed;
  }

  /**
   * After each page: when more documents changed than the limit (their size is known once written),
   * the documents held are larger than it, or more than four times as many are held, writes the
   * changed ones out and forgets the least recently used, down to half the bytes and twice the
   * documents (so writes come in batches, and small unchanged documents stay to be read again).
   */
  afterPage(): void {
    this.absent.clear();
    const { documents, bytes } = this.limits;
    if (this.changed <= documents && this.bytes <= bytes && this.entries.size <= 4 * documents) return;
    this.flush();
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= 2 * documents && this.bytes <= bytes / 2) break;
      this.entries.delete(key);
      this.bytes -= entry.bytes;
    }
  }

  /** Writes every changed document held, in one transaction. */
  flush(): void {
    this.changed = 0;
    const dirty = [...this.entries].filter(([, e]) => e.dirty);
    if (dirty.length === 0) return;
    const recreated = dirty.filter(([, e]) => e.recreated).map(([key]) => key);
    // New rows in the order their documents were created (the cache's order is by use).
    dirty.sort(([, a], [, b]) => a.created - b.created);
    const written = this.db.writeDocuments(this.name, new Map(dirty.map(([key, e]) => [key, e.doc])), {
      deleteFirst: recreated,
      rows: new Map(dirty.map(([key, e]) => [key, e.row])),
      tails: this.tails,
    });
    for (const [key, entry] of dirty) {
      const { bytes, row, rest } = written.get(key) ?? { bytes: 0, row: null };
      this.bytes += bytes - entry.bytes;
      Object.assign(entry, { dirty: false, bytes, row, recreated: false, created: 0 });
      if (rest !== undefined) entry.doc = rest as D;
    }
  }

  /** Documents held in memory now (for tests and figures). */
  get held(): number {
    return this.entries.size;
  }

  private markChanged(entry: Entry<D>): void {
    if (!entry.dirty) this.changed++;
    entry.dirty = true;
  }

  private hold(key: string, stored: StoredDocument<D>): void {
    this.entries.set(key, { doc: stored.doc, dirty: false, bytes: stored.bytes, row: stored.row, recreated: false, created: 0 });
    this.bytes += stored.bytes;
  }
}
