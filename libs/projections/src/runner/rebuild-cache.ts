import { fnv1a } from '../fnv1a';
import { HeapBudget } from './heap-budget';
import { ProjectionDatabase, RESERVED_ROWS, StoredDocument, StoredRow } from './projection-database';

/** How much of a read model a rebuild holds in memory before writing it out. */
export interface RebuildCacheLimits {
  /** Documents changed before they are written (unchanged ones: up to four times as many). */
  readonly documents: number;
  /** The documents held, by their size as stored JSON when last written or read (estimated). */
  readonly bytes: number;
  /** Heap the rebuild may grow by before it collects garbage (`HeapBudget`); absent: V8 decides. */
  readonly heap?: number;
}

export const DEFAULT_REBUILD_CACHE: RebuildCacheLimits = { documents: 5_000, bytes: 16 * 2 ** 20, heap: 128 * 2 ** 20 };

interface Entry<D> {
  doc: D | undefined;
  /** Changed since written (with `tails`: its head, when its items are written apart). */
  dirty: boolean;
  /** With `tails`: new items not yet written. */
  appended: boolean;
  /** Its stored size (estimated); 0 until written or read. */
  bytes: number;
  /** Its row under the rebuild's name (null: none), so writing it needs no query to find it. */
  row: StoredRow | null;
  /** Deleted, then created again: its row goes before it is written, so it is listed as created last. */
  recreated: boolean;
  /** When a document without a row was created: its row, once made, has the rowid this far into the reserved ones. */
  created: number;
  /** The page it was last used in. */
  used: number;
}

/**
 * A rebuild's read model in bounded memory: once more than the limits are held (`afterPage`), the
 * least recently used documents are dropped from memory, those that changed written first under the
 * rebuild's own name in projections.db, and read back when asked for again — a page's at once
 * (`beforePage`). A document still held is not written until it is dropped or the rebuild ends
 * (`flush`), so one that goes on changing is written about once. New rows take rowids reserved in
 * the order documents were first created, so the stored read model lists them as the folded map did
 * (deleted and created again: last), whenever each is written. The cache is the only writer of its
 * name: it knows which keys have no row without asking.
 */
export class RebuildCache<D> {
  private readonly entries = new Map<string, Entry<D>>();
  /** Pages folded so far: when each entry was last used. */
  private page = 0;
  /** Hashes of the keys that may have a row under the rebuild's name (a key's string would cost ten times the memory). */
  private readonly rows = new Set<number>();
  /** Keys found to have no row and not held (this page's). */
  private readonly absent = new Set<string>();
  /** The stored sizes of the documents held. */
  private bytes = 0;
  /** Changed documents held whose size is not known (never written whole). */
  private unwritten = 0;
  private creations = 0;
  /** Documents changed since the last time the limits were looked at closely. */
  private changed = 0;
  /** Every document written so far, and their stored sizes. */
  private readonly written = { documents: 0, bytes: 0 };
  /** The first of the rowids reserved for new rows. */
  private readonly base: number;
  private readonly heap?: HeapBudget;

  constructor(
    private readonly db: ProjectionDatabase,
    /** The name the documents are written under (`rebuildName`), new: nothing else writes it. */
    private readonly name: string,
    private readonly limits: RebuildCacheLimits,
    /** Hold only the unwritten items of the append-only fields `apply` does not read (`Projection.readsAppended`). */
    private readonly tails = false,
  ) {
    this.base = db.reserveRows(name);
    if (limits.heap !== undefined) this.heap = new HeapBudget(limits.heap);
  }

  /** Before a page is folded: reads back, in a few queries, the documents of `keys` written and not held. */
  beforePage(keys: Iterable<string>): void {
    const wanted = new Set<string>();
    for (const key of keys) if (!this.entries.has(key) && this.mayHaveRow(key)) wanted.add(key);
    if (wanted.size === 0) return;
    const found = this.db.storedDocuments<D>(this.name, [...wanted], this.tails);
    for (const key of wanted) {
      const stored = found.get(key);
      if (stored) this.hold(key, stored);
      else this.absent.add(key);
    }
  }

  get(key: string): D | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      entry.used = this.page;
      return entry.doc;
    }
    if (!this.mayHaveRow(key)) return undefined;
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
      entry.used = this.page;
      this.markChanged(entry);
      return this;
    }
    // New, or deleted before: as in a Map, it now comes last.
    if (entry) this.forget(key, entry);
    // A row not yet deleted: its own, or the one it was created again over.
    const hadRow = entry ? entry.row !== null || entry.recreated : this.mayHaveRow(key) && this.db.hasDocument(this.name, key);
    this.absent.delete(key);
    if (this.tails ? !entry?.appended : !entry?.dirty) this.changed++;
    if (++this.creations >= RESERVED_ROWS) throw new Error(`A rebuild of "${this.name}" created more than ${RESERVED_ROWS} documents`);
    this.keep(key, { doc, dirty: true, appended: this.tails, bytes: 0, row: null, recreated: hadRow, created: this.creations, used: this.page });
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
   * After each page: when the documents held are larger than the limit (those never written
   * counted at the average written size), or more than four times as many are held, or more than
   * the limit changed since the last look, drops the least recently used down to half the bytes and
   * twice the documents (so writes come in batches, and small unchanged documents stay to be read
   * again), writing those of them that changed. With `tails` it also writes the new items of every
   * document held, so that none holds its unwritten items for long; their heads wait.
   */
  afterPage(): void {
    this.absent.clear();
    this.page++;
    this.heap?.check();
    const { documents, bytes } = this.limits;
    // With `tails` every changed document's items are written at each look: it is counted by its last size.
    const typical = this.tails || this.written.documents === 0 ? 0 : this.written.bytes / this.written.documents;
    let held = this.bytes + this.unwritten * typical;
    if (this.changed <= documents && held <= bytes && this.entries.size <= 4 * documents) return;
    this.changed = 0;
    const dropped: [string, Entry<D>][] = [];
    let count = this.entries.size;
    // Least recently used first; of one page, in the order they came to be held.
    for (const [key, entry] of [...this.entries].sort(([, a], [, b]) => a.used - b.used)) {
      if (count <= 2 * documents && held <= bytes / 2) break;
      dropped.push([key, entry]);
      count--;
      held -= entry.dirty && entry.bytes === 0 ? typical : entry.bytes;
    }
    const gone = new Set(dropped.map(([key]) => key));
    this.write([...this.entries].filter(([key, e]) => (gone.has(key) ? e.dirty : e.appended)), gone);
    for (const [key, entry] of dropped) this.forget(key, entry);
  }

  /** Writes every changed document held, in one transaction. */
  flush(): void {
    this.changed = 0;
    this.write([...this.entries].filter(([, e]) => e.dirty));
  }

  /** Writes these documents in one transaction; with `tails`, of those held on (not in `whole`, when given) only the new items. */
  private write(dirty: [string, Entry<D>][], whole?: ReadonlySet<string>): void {
    if (dirty.length === 0) return;
    const recreated = dirty.filter(([, e]) => e.recreated).map(([key]) => key);
    const itemsOnly = new Set(whole === undefined ? [] : dirty.filter(([key, e]) => !whole.has(key) && e.row !== null && e.doc !== undefined).map(([key]) => key));
    const written = this.db.writeDocuments(this.name, new Map(dirty.map(([key, e]) => [key, e.doc])), {
      deleteFirst: recreated,
      rows: new Map(dirty.map(([key, e]) => [key, e.row])),
      ids: new Map(dirty.filter(([, e]) => e.row === null).map(([key, e]) => [key, this.base + e.created - 1])),
      tails: this.tails,
      itemsOnly,
    });
    for (const [key, entry] of dirty) {
      const { bytes, row, rest } = written.get(key) ?? { bytes: 0, row: null };
      if (row !== null) this.rows.add(keyHash(key));
      const headless = itemsOnly.has(key);
      if (!headless) {
        this.written.documents++;
        this.written.bytes += bytes;
      }
      this.update(entry, { dirty: headless, appended: false, bytes, row, recreated: false, created: 0, ...(rest !== undefined ? { doc: rest as D } : {}) });
    }
  }

  /** Documents held in memory now (for tests and figures). */
  get held(): number {
    return this.entries.size;
  }

  /** False: the key has no row; true: it may have one. */
  private mayHaveRow(key: string): boolean {
    return !this.absent.has(key) && this.rows.has(keyHash(key));
  }

  private markChanged(entry: Entry<D>): void {
    if (this.tails && !entry.appended) {
      this.changed++;
      entry.appended = true;
    }
    if (entry.dirty) return;
    if (!this.tails) this.changed++;
    this.update(entry, { dirty: true });
  }

  private hold(key: string, stored: StoredDocument<D>): void {
    this.keep(key, { doc: stored.doc, dirty: false, appended: false, bytes: stored.bytes, row: stored.row, recreated: false, created: 0, used: this.page });
  }

  private keep(key: string, entry: Entry<D>): void {
    this.entries.set(key, entry);
    this.count(entry, 1);
  }

  private forget(key: string, entry: Entry<D>): void {
    this.entries.delete(key);
    this.count(entry, -1);
  }

  /** Changes an entry held, keeping the sizes held in step. */
  private update(entry: Entry<D>, change: Partial<Entry<D>>): void {
    this.count(entry, -1);
    Object.assign(entry, change);
    this.count(entry, 1);
  }

  /** Adds (1) or takes away (-1) an entry's part in the sizes held. */
  private count(entry: Entry<D>, sign: 1 | -1): void {
    this.bytes += sign * entry.bytes;
    if (entry.dirty && entry.bytes === 0) this.unwritten += sign;
  }
}

/** A key's FNV-1a cut to 30 bits (a small integer in V8, so the set stays compact). */
export const keyHash = (key: string): number => fnv1a(key) & 0x3fffffff;
