import Database from 'better-sqlite3';
import { preparePrivateDatabaseFile } from '@deals/event-store';
import { DocumentChange, Projection } from '../projection';
import { ProjectionVersions, prefixUpperBound, VERSIONS_SCHEMA } from './projection-versions';

export interface ProjectionState {
  readonly version: number;
  /** Every event at or before this position has been applied (or was not for this projection). */
  readonly position: number;
  /** The build the documents and their versions belong to; null for a read model stored before versions were kept. */
  readonly build: number | null;
}

export interface DeadLetter {
  readonly id: number;
  readonly projection: string;
  readonly position: number;
  readonly eventId: string;
  readonly eventType: string;
  readonly streamId: string;
  readonly error: string;
  readonly at: string;
}

export type NewDeadLetter = Omit<DeadLetter, 'id' | 'at'>;

/** A change as kept in the change log; `id` is what live feeds send as the SSE event id. */
export interface LoggedChange extends DocumentChange {
  readonly id: number;
}

/** A change as read from the log: `foldFrom` names the stream whose events up to its position make its document (not stored). */
export interface LoggedChangeRow extends LoggedChange {
  readonly foldFrom?: string;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS projection_state (
    name TEXT PRIMARY KEY, version INTEGER NOT NULL, position INTEGER NOT NULL, updated_at TEXT NOT NULL, build INTEGER, rows TEXT);
  CREATE TABLE IF NOT EXISTS projection_documents (
    name TEXT NOT NULL, key TEXT NOT NULL, doc TEXT NOT NULL, UNIQUE (name, key));
  CREATE TABLE IF NOT EXISTS projection_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, position INTEGER NOT NULL, key TEXT NOT NULL,
    doc TEXT, event_id TEXT NOT NULL, event_type TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS projection_items (
    doc INTEGER NOT NULL, part INTEGER NOT NULL, idx INTEGER NOT NULL, item TEXT NOT NULL);
  CREATE UNIQUE INDEX IF NOT EXISTS projection_items_by_doc ON projection_items (doc, part, idx);
  CREATE TABLE IF NOT EXISTS projection_dead_letters (
    id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, position INTEGER NOT NULL, event_id TEXT NOT NULL,
    event_type TEXT NOT NULL, stream_id TEXT NOT NULL, error TEXT NOT NULL, at TEXT NOT NULL);
${VERSIONS_SCHEMA}`;

/** How a change-log row holds its document. */
const enum ChangeForm {
  /** `doc` is the whole document (or null: deleted). */
  Whole = 0,
  /** The document is the projection's kept version at the change's key and position. */
  Version = 1,
  /** `doc` is the document without its append-only fields (`parts`), each replaced by its length then. */
  Parts = 2,
  /** No document: it is what its one stream's events up to the position fold to (`Projection.streamOf`). */
  Stream = 3,
}

/** A projection's append-only fields of a document, and those of them its `apply` reads. */
interface SplitFields {
  readonly fields: (doc: unknown) => readonly string[];
  readonly reads: (doc: unknown) => readonly string[];
}

/** The name a rebuild writes its documents under until they are swapped in. */
export const rebuildName = (name: string, build: number): string => `${name}${REBUILD_MARK}${Math.trunc(build)}`;
const REBUILD_MARK = '#rebuild-';
const baseName = (name: string): string => {
  const at = name.lastIndexOf(REBUILD_MARK);
  return at < 0 ? name : name.slice(0, at);
};

interface DocRow { id: number; key: string; doc: string; parts: string | null }

/** Rowids a rebuild's cache may give its new rows, from `reserveRows`'s base on. */
export const RESERVED_ROWS = 2 ** 32;
const RESERVATION_MARK = '#rows';

/** A document's row: its id, its append-only fields and how many items each has stored (items are numbered 0…n-1). */
export interface StoredRow {
  readonly id: number;
  readonly parts: string | null;
  readonly counts: readonly number[];
  /** Its head's stored size, when known (a rebuild's cache, which does not always write the head). */
  readonly head?: number;
}

/** A document read back with its row and the length of its stored JSON. */
export interface StoredDocument<D> {
  readonly doc: D;
  readonly bytes: number;
  readonly row: StoredRow;
}

/** How `writeDocuments` writes (a rebuild's cache); see there. */
export interface WriteOptions {
  readonly deleteFirst?: readonly string[];
  readonly rows?: ReadonlyMap<string, StoredRow | null>;
  readonly ids?: ReadonlyMap<string, number>;
  readonly tails?: boolean;
  readonly itemsOnly?: ReadonlySet<string>;
}

/** What writing a document left: its stored size (estimated for the items not written now) and its row (null: deleted). */
export interface WrittenDocument {
  readonly bytes: number;
  readonly row: StoredRow | null;
  /** With `tails`: the document to hold from now on, its write-only fields emptied (their items are stored). */
  readonly rest?: unknown;
}

/**
 * Read models, checkpoints, the change log, document versions and dead letters in one SQLite
 * file, so that a batch's document changes and its checkpoint commit in the same transaction.
 */
export class ProjectionDatabase {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** Versions by position of the documents as-of reads do not fold from their stream. */
  readonly versions: ProjectionVersions;
  /** Projections whose documents keep append-only fields as rows (`Projection.appendOnly`). */
  private readonly splits = new Map<string, SplitFields>();
  /** The stream that alone makes a document, by projection (`Projection.streamOf`). */
  private readonly streams = new Map<string, (key: string) => string | undefined>();

  constructor(path: string) {
    preparePrivateDatabaseFile(path);
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // A crash may lose the last committed batches, never half of one: replay redoes them.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.migrate();
    this.versions = new ProjectionVersions(this.db, (text) => this.sql(text), (table) => {
      const named = new RegExp(`\\b${table}\\b`);
      for (const text of [...this.statements.keys()]) if (named.test(text)) this.statements.delete(text);
    });
  }

  /** Stores the projection's append-only fields as rows from now on; call before reading or writing it. */
  register(projection: Projection<unknown>): void {
    const fields = projection.appendOnly;
    const streamOf = projection.streamOf;
    if (streamOf) this.streams.set(projection.name, (key) => streamOf.call(projection, key));
    const reads = projection.readsAppended;
    if (fields) {
      this.splits.set(projection.name, {
        fields: (doc) => fields.call(projection, doc),
        reads: (doc) => (reads ? reads.call(projection, doc) : fields.call(projection, doc)),
      });
    }
  }

  state(name: string): ProjectionState | undefined {
    return this.sql('SELECT version, position, build FROM projection_state WHERE name = ?').get(name) as
      | ProjectionState
      | undefined;
  }

  /** Every document; `created` lists them in the order they were first written (else the store's order). */
  documents<D>(name: string, options: { created?: boolean } = {}): Map<string, D> {
    name = this.rowsOf(name);
    const order = options.created ? 'ORDER BY rowid' : '';
    const rows = this.sql(`SELECT rowid AS id, key, doc, parts FROM projection_documents WHERE name = ? ${order}`).all(name) as DocRow[];
    return new Map(rows.map((r) => [r.key, this.assemble<D>(r)]));
  }

  document<D>(name: string, key: string): D | undefined {
    const row = this.sql('SELECT rowid AS id, key, doc, parts FROM projection_documents WHERE name = ? AND key = ?').get(this.rowsOf(name), key) as DocRow | undefined;
    return row === undefined ? undefined : this.assemble<D>(row);
  }

  /**
   * The documents stored under these keys, read in a few queries (a rebuild's cache reading back
   * what it wrote out): each with its row and the length of its stored JSON, items included. With
   * `tails`, the append-only fields `apply` does not read come without their stored items (`[]`),
   * and the length counts none of them.
   */
  storedDocuments<D>(name: string, keys: readonly string[], tails = false): Map<string, StoredDocument<D>> {
    const found = new Map<string, StoredDocument<D>>();
    name = this.rowsOf(name);
    const split = this.splits.get(baseName(name));
    for (let at = 0; at < keys.length; at += 500) {
      const rows = this.sql('SELECT rowid AS id, key, doc, parts FROM projection_documents WHERE name = ? AND key IN (SELECT value FROM json_each(?))')
        .all(name, JSON.stringify(keys.slice(at, at + 500))) as DocRow[];
      const heads = new Map(rows.map((r) => [r.id, JSON.parse(r.doc) as Record<string, unknown>]));
      // The parts whose items are read: all, or with `tails` those `apply` reads.
      const wanted = (r: DocRow): number[] => {
        const fields = r.parts?.split(',') ?? [];
        const reads = tails && split ? new Set(split.reads(heads.get(r.id))) : undefined;
        return fields.flatMap((field, part) => (reads && !reads.has(field) ? [] : [part]));
      };
      const pairs = rows.flatMap((r) => wanted(r).map((part) => [r.id, part]));
      const items = new Map<number, string[][]>();
      if (pairs.length > 0) {
        const all = this.sql('SELECT doc, part, item FROM projection_items WHERE (doc, part) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?)) ORDER BY doc, part, idx')
          .all(JSON.stringify(pairs)) as { doc: number; part: number; item: string }[];
        for (const { doc, part, item } of all) {
          let parts = items.get(doc);
          if (!parts) items.set(doc, (parts = []));
          (parts[part] ??= []).push(item);
        }
      }
      for (const r of rows) {
        const doc = heads.get(r.id)!;
        let bytes = r.doc.length;
        const counts: number[] = [];
        r.parts?.split(',').forEach((field, part) => {
          const list = items.get(r.id)?.[part] ?? [];
          for (const item of list) bytes += item.length + 1;
          // The head holds each field's length.
          counts.push(doc[field] as number);
          doc[field] = list.length === 0 ? [] : JSON.parse(`[${list.join(',')}]`);
        });
        found.set(r.key, { doc: doc as D, bytes, row: { id: r.id, parts: r.parts, counts, head: r.doc.length } });
      }
    }
    return found;
  }

  hasDocument(name: string, key: string): boolean {
    return this.sql('SELECT 1 FROM projection_documents WHERE name = ? AND key = ?').get(this.rowsOf(name), key) !== undefined;
  }

  documentCount(name: string): number {
    return (this.sql('SELECT COUNT(*) AS n FROM projection_documents WHERE name = ?').get(this.rowsOf(name)) as { n: number }).n;
  }

  /** Documents whose key starts with `prefix`, in key order, read through the primary key. */
  documentsWithPrefix<D>(name: string, prefix: string): [string, D][] {
    const upper = prefixUpperBound(prefix);
    if (upper === undefined) return [...this.documents<D>(name)];
    const rows = this.sql('SELECT rowid AS id, key, doc, parts FROM projection_documents WHERE name = ? AND key >= ? AND key < ? ORDER BY key')
      .all(this.rowsOf(name), prefix, upper) as DocRow[];
    return rows.filter((r) => r.key.startsWith(prefix)).map((r) => [r.key, this.assemble<D>(r)]);
  }

  /** The keys of the current documents that start with `prefix`, in key order. */
  keysWithPrefix(name: string, prefix: string): string[] {
    name = this.rowsOf(name);
    const upper = prefixUpperBound(prefix);
    const rows = upper === undefined
      ? (this.sql('SELECT key FROM projection_documents WHERE name = ? ORDER BY key').all(name) as { key: string }[])
      : (this.sql('SELECT key FROM projection_documents WHERE name = ? AND key >= ? AND key < ? ORDER BY key').all(name, prefix, upper) as { key: string }[]);
    return rows.map((r) => r.key).filter((key) => key.startsWith(prefix));
  }

  /**
   * Writes a batch: final documents by key, the change log, the kept versions (under the state's
   * build), dead letters and the checkpoint, atomically.
   */
  commitBatch(
    name: string,
    state: ProjectionState & { build: number },
    docs: ReadonlyMap<string, unknown>,
    changes: readonly DocumentChange[],
    deadLetters: readonly NewDeadLetter[],
    versions: readonly DocumentChange[],
    /** Each version's document before it, to store the version as what changed. */
    previous?: ReadonlyMap<DocumentChange, unknown>,
  ): LoggedChange[] {
    return this.db.transaction(() => {
      this.writeDocs(this.rowsOf(name), docs);
      const kept = new Set<DocumentChange>(versions);
      const logged = changes.map((c) => ({ ...c, id: this.logChange(c, kept.has(c)) }));
      this.versions.write(state.build, versions, previous);
      const at = new Date().toISOString();
      for (const d of deadLetters) {
        this.sql('INSERT INTO projection_dead_letters (name, position, event_id, event_type, stream_id, error, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(name, d.position, d.eventId, d.eventType, d.streamId, d.error, at);
      }
      this.writeState(name, state);
      return logged;
    })();
  }

  /**
   * Swaps in a rebuilt read model: every document replaced, in one transaction. The state names
   * the build whose versions were written for it (`versions.newBuild`, indexed).
   */
  replaceAll(name: string, state: ProjectionState & { build: number }, docs: ReadonlyMap<string, unknown>): void {
    this.db.transaction(() => {
      if (!this.versions.hasBuild(state.build)) {
        throw new Error(`Build ${state.build} of "${name}" was given up meanwhile (did another process start on this projections.db?); rebuild again`);
      }
      this.deleteDocuments(name);
      this.writeDocs(name, docs);
      this.writeState(name, state);
      this.sql('UPDATE projection_state SET rows = NULL WHERE name = ?').run(name);
    })();
  }

  /**
   * Swaps in the documents a rebuild wrote under `rebuildName(name, build)`, in one transaction:
   * the current ones go, and the state names the rebuild's as the projection's (`rowsOf`), so no row
   * is rewritten.
   */
  swapIn(name: string, state: ProjectionState & { build: number }): void {
    this.db.transaction(() => {
      if (!this.versions.hasBuild(state.build)) {
        throw new Error(`Build ${state.build} of "${name}" was given up meanwhile (did another process start on this projections.db?); rebuild again`);
      }
      this.deleteDocuments(name);
      this.releaseRows(rebuildName(name, state.build));
      this.writeState(name, state);
      this.sql('UPDATE projection_state SET rows = ? WHERE name = ?').run(rebuildName(name, state.build), name);
    })();
  }

  /** Every document under `name`, with its items (a rebuild's, given up: with its reserved rowids). */
  deleteDocuments(name: string): void {
    name = this.rowsOf(name);
    this.sql('DELETE FROM projection_items WHERE doc IN (SELECT rowid FROM projection_documents WHERE name = ?)').run(name);
    this.sql('DELETE FROM projection_documents WHERE name = ?').run(name);
    this.releaseRows(name);
  }

  /** Documents of rebuilds cut short by a crash: at start, when no rebuild runs. */
  deleteRebuildDocuments(): void {
    const names = this.sql('SELECT DISTINCT name FROM projection_documents WHERE instr(name, ?) > 0 AND name NOT IN (SELECT rows FROM projection_state WHERE rows IS NOT NULL)')
      .all(REBUILD_MARK) as { name: string }[];
    for (const { name } of names) this.db.transaction(() => this.deleteDocuments(name))();
  }

  /**
   * Writes documents by key (`undefined` deletes) in one transaction, after deleting the rows of
   * `deleteFirst`; returns each one's stored size and row. `rows` are the rows the caller knows the
   * documents have (null: none), so that it needs no query to find them; `ids`, the rowids new rows
   * take (from `reserveRows`); with `tails`, of the documents in `itemsOnly` only the new items are
   * written, not the head.
   */
  writeDocuments(name: string, docs: ReadonlyMap<string, unknown>, options: WriteOptions = {}): Map<string, WrittenDocument> {
    name = this.rowsOf(name);
    return this.db.transaction(() => {
      if (options.deleteFirst?.length) this.writeDocs(name, new Map(options.deleteFirst.map((key) => [key, undefined])));
      return this.writeDocs(name, docs, options);
    })();
  }

  /**
   * Keeps the next `RESERVED_ROWS` rowids for new rows of `name` (a rebuild's), so that its cache can
   * make them in any order and still list them in the order it gives: a placeholder row after the
   * block makes other rows take rowids above it. Returns the block's first rowid; `releaseRows` (the swap) or `deleteDocuments` ends it.
   */
  reserveRows(name: string): number {
    return this.db.transaction(() => {
      const base = (this.sql('SELECT COALESCE(MAX(rowid), 0) + 1 AS base FROM projection_documents').get() as { base: number }).base;
      if (base + RESERVED_ROWS > Number.MAX_SAFE_INTEGER) throw new Error(`projection_documents has run out of rowids to reserve for "${name}"`);
      this.sql("INSERT INTO projection_documents (rowid, name, key, doc) VALUES (?, ?, '', 'null')").run(base + RESERVED_ROWS, `${name}${RESERVATION_MARK}`);
      return base;
    })();
  }

  releaseRows(name: string): void {
    this.sql('DELETE FROM projection_documents WHERE name = ?').run(`${name}${RESERVATION_MARK}`);
  }

  /** Versions written while a build is made, before `replaceAll` swaps it in. */
  writeVersions(build: number, changes: readonly DocumentChange[], previous?: ReadonlyMap<DocumentChange, unknown>): void {
    this.db.transaction(() => this.versions.write(build, changes, previous))();
  }

  /** Logged changes after `id`; a change whose document its stream makes comes without it (`foldFrom`): the runner folds it. */
  changesAfter(id: number, names: readonly string[] | undefined, limit: number): LoggedChangeRow[] {
    const filter = names?.length ? `AND name IN (${names.map(() => '?').join(',')})` : '';
    const rows = this.sql(`SELECT id, name, position, key, doc, form, parts, event_id, event_type FROM projection_changes WHERE id > ? ${filter} ORDER BY id LIMIT ?`)
      .all(id, ...(names ?? []), limit) as {
      id: number; name: string; position: number; key: string; doc: string | null; form: number | null; parts: string | null; event_id: string; event_type: string;
    }[];
    const builds = new Map<string, number | null | undefined>();
    const buildOf = (name: string) => {
      if (!builds.has(name)) builds.set(name, this.state(name)?.build);
      return builds.get(name);
    };
    return rows.map((r) => {
      const change = {
        id: r.id,
        projection: r.name,
        key: r.key,
        doc: r.form === ChangeForm.Stream ? undefined : this.loggedDocument(r, buildOf),
        position: r.position,
        eventId: r.event_id,
        eventType: r.event_type,
      };
      if (r.form !== ChangeForm.Stream) return change;
      const foldFrom = this.streams.get(r.name)?.(r.key);
      if (foldFrom === undefined) throw new Error(`Change ${r.id} of "${r.name}" is made by its stream, but "${r.name}" names no stream for "${r.key}" (not registered?)`);
      return { ...change, foldFrom };
    });
  }

  /**
   * A logged change's document as it was after the change: whole, or the kept version at its
   * position, or its head then with the first items of its append-only fields (which never change).
   */
  private loggedDocument(
    r: { name: string; position: number; key: string; doc: string | null; form: number | null; parts: string | null },
    buildOf: (name: string) => number | null | undefined,
  ): unknown {
    if (r.form === ChangeForm.Version) {
      const build = buildOf(r.name);
      return build === null || build === undefined ? undefined : this.versions.documentAt(build, r.key, r.position);
    }
    if (r.doc === null) return undefined;
    if (r.form !== ChangeForm.Parts || r.parts === null) return JSON.parse(r.doc);
    const row = this.sql('SELECT rowid AS id FROM projection_documents WHERE name = ? AND key = ?').get(this.rowsOf(r.name), r.key) as { id: number } | undefined;
    return this.assemble({ id: row?.id ?? -1, key: r.key, doc: r.doc, parts: r.parts }, true);
  }

  lastChangeId(): number {
    return (this.sql('SELECT COALESCE(MAX(id), 0) AS id FROM projection_changes').get() as { id: number }).id;
  }

  /** Keeps the newest `keep` change-log rows; older reconnects start from a fresh snapshot. */
  pruneChanges(keep: number): number {
    return this.db.prepare('DELETE FROM projection_changes WHERE id <= (SELECT MAX(id) FROM projection_changes) - ?').run(keep).changes;
  }

  deadLetters(name?: string): DeadLetter[] {
    const rows = this.sql(`SELECT id, name, position, event_id, event_type, stream_id, error, at FROM projection_dead_letters ${name ? 'WHERE name = ?' : ''} ORDER BY id`)
      .all(...(name ? [name] : [])) as {
      id: number; name: string; position: number; event_id: string; event_type: string; stream_id: string; error: string; at: string;
    }[];
    return rows.map((r) => ({
      id: r.id, projection: r.name, position: r.position, eventId: r.event_id, eventType: r.event_type,
      streamId: r.stream_id, error: r.error, at: r.at,
    }));
  }

  /**
   * Documents used to live in a WITHOUT ROWID table, which suits small rows only: with
   * kilobyte-sized documents every upsert rebalanced wide pages. Copied over once, same content.
   * A state without a build column is from before versions were kept: its build reads null.
   */
  private migrate(): void {
    const has = (table: string, column: string) => (this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some((c) => c.name === column);
    if (!has('projection_state', 'build')) this.db.exec('ALTER TABLE projection_state ADD COLUMN build INTEGER');
    // Added with swaps that keep a rebuild's rows under its name: null reads as the projection's own.
    if (!has('projection_state', 'rows')) this.db.exec('ALTER TABLE projection_state ADD COLUMN rows TEXT');
    // Added with append-only fields: null reads as a whole document, as before.
    if (!has('projection_documents', 'parts')) this.db.exec('ALTER TABLE projection_documents ADD COLUMN parts TEXT');
    if (!has('projection_changes', 'form')) this.db.exec('ALTER TABLE projection_changes ADD COLUMN form INTEGER');
    if (!has('projection_changes', 'parts')) this.db.exec('ALTER TABLE projection_changes ADD COLUMN parts TEXT');
    const old = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'projection_docs'").get();
    if (!old) return;
    this.db.transaction(() => {
      this.db.exec('INSERT OR REPLACE INTO projection_documents (name, key, doc) SELECT name, key, doc FROM projection_docs');
      this.db.exec('DROP TABLE projection_docs');
    })();
  }

  /**
   * The name a projection's documents are stored under: its own, or that of the rebuild last swapped
   * in. Read from the state each time, as another connection may swap.
   */
  private rowsOf(name: string): string {
    if (name.includes(REBUILD_MARK)) return name;
    return (this.sql('SELECT rows FROM projection_state WHERE name = ?').get(name) as { rows: string | null } | undefined)?.rows ?? name;
  }

  /** Statements are prepared once per connection. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * With `tails` (a rebuild's cache, which knows every row), the append-only fields `apply` does
   * not read hold only the items after the row's counts, and the sizes count none of their items.
   */
  private writeDocs(name: string, docs: ReadonlyMap<string, unknown>, options: WriteOptions = {}): Map<string, WrittenDocument> {
    const { rows, ids, tails = false, itemsOnly } = options;
    const split = this.splits.get(baseName(name));
    const written = new Map<string, WrittenDocument>();
    for (const [key, doc] of docs) {
      const known = rows?.get(key);
      if (doc === undefined) {
        if (known === null) {
          written.set(key, { bytes: 0, row: null });
          continue;
        }
        if (known === undefined) this.sql('DELETE FROM projection_items WHERE doc = (SELECT rowid FROM projection_documents WHERE name = ? AND key = ?)').run(name, key);
        else if (known.parts !== null) this.sql('DELETE FROM projection_items WHERE doc = ?').run(known.id);
        this.sql('DELETE FROM projection_documents WHERE name = ? AND key = ?').run(name, key);
        written.set(key, { bytes: 0, row: null });
        continue;
      }
      const fields = split?.fields(doc) ?? [];
      if (fields.length === 0) {
        const json = JSON.stringify(doc);
        const id = this.upsert(name, key, json, null, known, ids?.get(key));
        written.set(key, { bytes: json.length, row: { id, parts: null, counts: [] } });
        continue;
      }
      const parts = fields.join(',');
      const same = known !== undefined && known !== null && known.parts === parts;
      // A tail starts after the items stored: the row's count, or none for a new row.
      const reads = tails ? new Set(split!.reads(doc)) : undefined;
      const bases = fields.map((field, part) => (reads && !reads.has(field) ? (same ? known!.counts[part] : 0) : 0));
      if (tails && known && !same && bases.some((_, part) => !reads!.has(fields[part]))) {
        throw new Error(`Document "${key}" of "${name}" changed its append-only fields (${known.parts} to ${parts}) in a rebuild`);
      }
      // Its head is written later (the cache holds it): only its new items now.
      const headless = tails && same && itemsOnly?.has(key) === true;
      const head = headless ? '' : headOf(doc, fields, bases);
      // Items are numbered by field: stored under another list of fields (whole, say), they are written again.
      const before = known === undefined
        ? (this.sql('SELECT rowid AS id, parts FROM projection_documents WHERE name = ? AND key = ?').get(name, key) as { id: number; parts: string | null } | undefined)
        : (known ?? undefined);
      const kept = before !== undefined && before.parts === parts;
      if (before !== undefined && !kept) this.sql('DELETE FROM projection_items WHERE doc = ?').run(before.id);
      const id = headless ? known!.id : this.upsert(name, key, head, parts, known, ids?.get(key));
      // The counts the caller knows, or none after the items went: no query for what is stored.
      const none = fields.map(() => 0);
      const stored = known === undefined ? (before !== undefined && !kept ? none : undefined) : same ? known!.counts : none;
      const { bytes, counts } = this.appendItems(id, doc as Record<string, unknown>, fields, stored, bases);
      const headBytes = headless ? (known!.head ?? 0) : head.length;
      const row = { id, parts, counts, head: headBytes };
      if (!reads) {
        written.set(key, { bytes: headBytes + bytes.reduce((a, b) => a + b, 0), row });
        continue;
      }
      const rest: Record<string, unknown> = { ...(doc as Record<string, unknown>) };
      let held = headBytes;
      fields.forEach((field, part) => {
        if (reads.has(field)) held += bytes[part];
        else rest[field] = [];
      });
      written.set(key, { bytes: held, row, rest });
    }
    return written;
  }

  /** Inserts (at `id`, when given) or updates a document's row; a known row (or known absence) needs no conflict check. Returns its id. */
  private upsert(name: string, key: string, doc: string, parts: string | null, known: StoredRow | null | undefined, id?: number): number {
    if (known) {
      this.sql('UPDATE projection_documents SET doc = ?, parts = ? WHERE rowid = ?').run(doc, parts, known.id);
      return known.id;
    }
    if (known === null && id !== undefined) {
      this.sql('INSERT INTO projection_documents (rowid, name, key, doc, parts) VALUES (?, ?, ?, ?, ?)').run(id, name, key, doc, parts);
      return id;
    }
    if (known === null) return Number(this.sql('INSERT INTO projection_documents (name, key, doc, parts) VALUES (?, ?, ?, ?)').run(name, key, doc, parts).lastInsertRowid);
    return (this.sql('INSERT INTO projection_documents (name, key, doc, parts) VALUES (?, ?, ?, ?) ON CONFLICT (name, key) DO UPDATE SET doc = excluded.doc, parts = excluded.parts RETURNING rowid AS id')
      .get(name, key, doc, parts) as { id: number }).id;
  }

  /**
   * Appends each field's items the stored document lacks (`stored`: how many each has, when known);
   * returns each field's size (estimated from the items written) and its count now.
   */
  private appendItems(
    id: number, doc: Record<string, unknown>, fields: readonly string[], stored?: readonly number[], bases?: readonly number[],
  ): { bytes: number[]; counts: number[] } {
    const bytes: number[] = [];
    const counts = fields.map((field, part) => {
      const items = doc[field] as readonly unknown[];
      // A tail (base > 0 or a rebuild's write-only field) holds the items from `base` on.
      const base = bases?.[part] ?? 0;
      const length = base + items.length;
      const had = stored?.[part] ?? (this.sql('SELECT COALESCE(MAX(idx) + 1, 0) AS n FROM projection_items WHERE doc = ? AND part = ?').get(id, part) as { n: number }).n;
      // Never expected (append-only), but stored items past the document's are not kept.
      if (length < had) this.sql('DELETE FROM projection_items WHERE doc = ? AND part = ? AND idx >= ?').run(id, part, length);
      let written = 0;
      for (let i = Math.max(had, base); i < length; i++) {
        const json = JSON.stringify(items[i - base]);
        this.sql('INSERT INTO projection_items (doc, part, idx, item) VALUES (?, ?, ?, ?)').run(id, part, i, json);
        written += json.length + 1;
      }
      const each = length > had ? written / (length - had) : 256;
      bytes.push(written + Math.max(0, Math.min(had, length) - base) * each);
      return length;
    });
    return { bytes, counts };
  }

  /** A stored row as the document: its head with each append-only field's items (the first `lengths` of them for a logged head). */
  private assemble<D>(row: DocRow, logged = false): D {
    const doc = JSON.parse(row.doc) as Record<string, unknown>;
    if (row.parts === null) return doc as D;
    row.parts.split(',').forEach((field, part) => {
      const rows = this.sql('SELECT item FROM projection_items WHERE doc = ? AND part = ? AND idx < ? ORDER BY idx')
        .all(row.id, part, logged ? (doc[field] as number) : Number.MAX_SAFE_INTEGER) as { item: string }[];
      doc[field] = rows.length === 0 ? [] : JSON.parse(`[${rows.map((r) => r.item).join(',')}]`);
    });
    return doc as D;
  }

  private logChange(c: DocumentChange, versionKept: boolean): number {
    let doc: string | null = null;
    let form = ChangeForm.Whole;
    let parts: string | null = null;
    if (c.doc !== undefined) {
      // A kept version holds the document already, and so does its stream; an append-only field's items are stored once.
      const fields = versionKept || this.streams.get(c.projection)?.(c.key) !== undefined ? [] : (this.splits.get(c.projection)?.fields(c.doc) ?? []);
      if (versionKept) form = ChangeForm.Version;
      else if (this.streams.get(c.projection)?.(c.key) !== undefined) form = ChangeForm.Stream;
      else if (fields.length > 0) {
        form = ChangeForm.Parts;
        parts = fields.join(',');
        doc = headOf(c.doc, fields);
      } else doc = JSON.stringify(c.doc);
    }
    return Number(
      this.sql('INSERT INTO projection_changes (name, position, key, doc, form, parts, event_id, event_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(c.projection, c.position, c.key, doc, form, parts, c.eventId, c.eventType).lastInsertRowid,
    );
  }

  private writeState(name: string, s: ProjectionState): void {
    this.sql('INSERT INTO projection_state (name, version, position, updated_at, build) VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position, updated_at = excluded.updated_at, build = excluded.build')
      .run(name, s.version, s.position, new Date().toISOString(), s.build);
  }
}

/** The document as JSON with each append-only field replaced by its length, in place (key order kept). */
function headOf(doc: unknown, fields: readonly string[], bases?: readonly number[]): string {
  const head: Record<string, unknown> = { ...(doc as Record<string, unknown>) };
  fields.forEach((field, part) => {
    const items = head[field];
    if (!Array.isArray(items)) throw new Error(`Append-only field "${field}" is not an array`);
    head[field] = (bases?.[part] ?? 0) + items.length;
  });
  return JSON.stringify(head);
}
