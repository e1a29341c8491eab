import { ProjectionDatabase } from './projection-database';

/** How much of a read model a rebuild holds in memory before writing it out. */
export interface RebuildCacheLimits {
  /** Documents held (changed or read back). */
  readonly documents: number;
  /** Their size as stored JSON, estimated. */
  readonly bytes: number;
}

export const DEFAULT_REBUILD_CACHE: RebuildCacheLimits = { documents: 5_000, bytes: 16 * 2 ** 20 };

interface Entry<D> {
  doc: D | undefined;
  dirty: boolean;
  /** Its stored size (estimated); 0 until written or read. */
  bytes: number;
  /** A row may exist under the rebuild's name (written or read back). */
  stored: boolean;
  /** Deleted, then created again: its row goes before it is written, so it is listed as created last. */
  recreated: boolean;
  /** When a document without a row was created: rows are written in this order. */
  created: number;
}

/**
 * A rebuild's read model in bounded memory: documents are written under the rebuild's own name
 * in projections.db once more than the limits are held (`afterPage`), the least recently used then
 * dropped from memory and read back when asked for again. Rows are written in the order documents were first
 * created, so the stored read model lists them as the folded map did (deleted and created again:
 * last).
 */
export class RebuildCache<D> {
  /** Least recently used first. */
  private readonly entries = new Map<string, Entry<D>>();
  private bytes = 0;
  private creations = 0;

  constructor(
    private readonly db: ProjectionDatabase,
    /** The name the documents are written under (`rebuildName`). */
    private readonly name: string,
    private readonly limits: RebuildCacheLimits,
  ) {}

  get(key: string): D | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.doc;
    }
    const stored = this.db.documentSized<D>(this.name, key);
    if (stored === undefined) return undefined;
    this.entries.set(key, { doc: stored.doc, dirty: false, bytes: stored.bytes, stored: true, recreated: false, created: 0 });
    this.bytes += stored.bytes;
    return stored.doc;
  }

  set(key: string, doc: D): this {
    const entry = this.entries.get(key);
    if (entry && entry.doc !== undefined) {
      entry.doc = doc;
      entry.dirty = true;
      return this;
    }
    // New, or deleted before: as in a Map, it now comes last.
    if (entry) {
      this.entries.delete(key);
      this.bytes -= entry.bytes;
    }
    const stored = entry?.stored ?? this.db.hasDocument(this.name, key);
    this.entries.set(key, { doc, dirty: true, bytes: 0, stored, recreated: stored, created: ++this.creations });
    return this;
  }

  delete(key: string): boolean {
    const existed = this.get(key) !== undefined;
    const entry = this.entries.get(key);
    if (entry) {
      entry.doc = undefined;
      entry.dirty = true;
    }
    return existed;
  }

  /** After each page: writes out and forgets the oldest documents when more than the limits are held. */
  afterPage(): void {
    if (this.entries.size <= this.limits.documents && this.bytes <= this.limits.bytes) return;
    this.flush();
    // The least recently used go, down to half the limits, so writes come in batches.
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.limits.documents / 2 && this.bytes <= this.limits.bytes / 2) break;
      this.entries.delete(key);
      this.bytes -= entry.bytes;
    }
  }

  /** Writes every changed document held, in one transaction. */
  flush(): void {
    const recreated = [...this.entries].filter(([, e]) => e.dirty && e.recreated).map(([key]) => key);
    if (recreated.length > 0) this.db.writeDocuments(this.name, new Map(recreated.map((key) => [key, undefined])));
    // New rows in the order their documents were created (the cache's order is by use).
    const dirty = new Map<string, D | undefined>(
      [...this.entries].filter(([, e]) => e.dirty).sort(([, a], [, b]) => a.created - b.created).map(([key, e]) => [key, e.doc]),
    );
    const sizes = this.db.writeDocuments(this.name, dirty);
    for (const [key, entry] of this.entries) {
      if (!entry.dirty) continue;
      const bytes = sizes.get(key) ?? 0;
      this.bytes += bytes - entry.bytes;
      Object.assign(entry, { dirty: false, bytes, stored: entry.doc !== undefined, recreated: false, created: 0 });
    }
  }

  /** Documents held in memory now (for tests and figures). */
  get held(): number {
    return this.entries.size;
  }
}
