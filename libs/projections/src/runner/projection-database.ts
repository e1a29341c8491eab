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

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS projection_state (
    name TEXT PRIMARY KEY, version INTEGER NOT NULL, position INTEGER NOT NULL, updated_at TEXT NOT NULL, build INTEGER);
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
}

type SplitFields = (doc: unknown) => readonly string[];

/** The name a rebuild writes its documents under until they are swapped in. */
export const rebuildName = (name: string, build: number): string => `${name}${REBUILD_MARK}${Math.trunc(build)}`;
const REBUILD_MARK = '#rebuild-';
const baseName = (name: string): string => {
  const at = name.lastIndexOf(REBUILD_MARK);
  return at < 0 ? name : name.slice(0, at);
};

interface DocRow { id: number; key: string; doc: string; parts: string | null }

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
    if (fields) this.splits.set(projection.name, (doc) => fields.call(projection, doc));
  }

  state(name: string): ProjectionState | undefined {
    return this.sql('SELECT version, position, build FROM projection_state WHERE name = ?').get(name) as
      | ProjectionState
      | undefined;
  }

  /** Every document; `created` lists them in the order they were first written (else the store's order). */
  documents<D>(name: string, options: { created?: boolean } = {}): Map<string, D> {
    const order = options.created ? 'ORDER BY rowid' : '';
    const rows = this.sql(`SELECT rowid AS id, key, doc, parts FROM projection_documents WHERE name = ? ${order}`).all(name) as DocRow[];
    return new Map(rows.map((r) => [r.key, this.assemble<D>(r)]));
  }

  document<D>(name: string, key: string): D | undefined {
    return this.documentSized<D>(name, key)?.doc;
  }

  /** A document with the length of its stored JSON (its fields' items included). */
  documentSized<D>(name: string, key: string): { doc: D; bytes: number } | undefined {
    const row = this.sql('SELECT rowid AS id, key, doc, parts FROM projection_documents WHERE name = ? AND key = ?').get(name, key) as DocRow | undefined;
    if (row === undefined) return undefined;
    const bytes = { n: row.doc.length };
    return { doc: this.assemble<D>(row, undefined, bytes), bytes: bytes.n };
  }

  hasDocument(name: string, key: string): boolean {
    return this.sql('SELECT 1 FROM projection_documents WHERE name = ? AND key = ?').get(name, key) !== undefined;
  }

  documentCount(name: string): number {
    return (this.sql('SELECT COUNT(*) AS n FROM projection_documents WHERE name = ?').get(name) as { n: number }).n;
  }

  /** Documents whose key starts with `prefix`, in key order, read through the primary key. */
  documentsWithPrefix<D>(name: string, prefix: string): [string, D][] {
    const upper = prefixUpperBound(prefix);
    if (upper === undefined) return [...this.documents<D>(name)];
    const rows = this.sql('SELECT rowid AS id, key, doc, parts FROM projection_documents WHERE name = ? AND key >= ? AND key < ? ORDER BY key')
      .all(name, prefix, upper) as DocRow[];
    return rows.filter((r) => r.key.startsWith(prefix)).map((r) => [r.key, this.assemble<D>(r)]);
  }

  /** The keys of the current documents that start with `prefix`, in key order. */
  keysWithPrefix(name: string, prefix: string): string[] {
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
  ): LoggedChange[] {
    return this.db.transaction(() => {
      this.writeDocs(name, docs);
      const kept = new Set<DocumentChange>(versions);
      const logged = changes.map((c) => ({ ...c, id: this.logChange(c, kept.has(c)) }));
      this.versions.write(state.build, versions);
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
    })();
  }

  /**
   * Swaps in the documents a rebuild wrote under `rebuildName(name, build)`, in one transaction:
   * the current ones go, those take their name, in the order they were written.
   */
  swapIn(name: string, state: ProjectionState & { build: number }): void {
    this.db.transaction(() => {
      if (!this.versions.hasBuild(state.build)) {
        throw new Error(`Build ${state.build} of "${name}" was given up meanwhile (did another process start on this projections.db?); rebuild again`);
      }
      this.deleteDocuments(name);
      this.sql('UPDATE projection_documents SET name = ? WHERE name = ?').run(name, rebuildName(name, state.build));
      this.writeState(name, state);
    })();
  }

  /** Every document under `name`, with its items (a rebuild's, given up). */
  deleteDocuments(name: string): void {
    this.sql('DELETE FROM projection_items WHERE doc IN (SELECT rowid FROM projection_documents WHERE name = ?)').run(name);
    this.sql('DELETE FROM projection_documents WHERE name = ?').run(name);
  }

  /** Documents of rebuilds cut short by a crash: at start, when no rebuild runs. */
  deleteRebuildDocuments(): void {
    const names = this.sql("SELECT DISTINCT name FROM projection_documents WHERE instr(name, ?) > 0").all(REBUILD_MARK) as { name: string }[];
    for (const { name } of names) this.db.transaction(() => this.deleteDocuments(name))();
  }

  /**
   * Writes documents by key (`undefined` deletes) in one transaction; returns each one's stored
   * size in bytes (estimated for the items not written now).
   */
  writeDocuments(name: string, docs: ReadonlyMap<string, unknown>): Map<string, number> {
    return this.db.transaction(() => this.writeDocs(name, docs))();
  }

  /** Versions written while a build is made, before `replaceAll` swaps it in. */
  writeVersions(build: number, changes: readonly DocumentChange[]): void {
    this.db.transaction(() => this.versions.write(build, changes))();
  }

  changesAfter(id: number, names: readonly string[] | undefined, limit: number): LoggedChange[] {
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
    return rows.map((r) => ({
      id: r.id,
      projection: r.name,
      key: r.key,
      doc: this.loggedDocument(r, buildOf),
      position: r.position,
      eventId: r.event_id,
      eventType: r.event_type,
    }));
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
    const row = this.sql('SELECT rowid AS id FROM projection_documents WHERE name = ? AND key = ?').get(r.name, r.key) as { id: number } | undefined;
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

  private writeDocs(name: string, docs: ReadonlyMap<string, unknown>): Map<string, number> {
    const split = this.splits.get(baseName(name));
    const sizes = new Map<string, number>();
    for (const [key, doc] of docs) {
      if (doc === undefined) {
        this.sql('DELETE FROM projection_items WHERE doc = (SELECT rowid FROM projection_documents WHERE name = ? AND key = ?)').run(name, key);
        this.sql('DELETE FROM projection_documents WHERE name = ? AND key = ?').run(name, key);
        continue;
      }
      const fields = split?.(doc) ?? [];
      if (fields.length === 0) {
        const json = JSON.stringify(doc);
        this.sql('INSERT INTO projection_documents (name, key, doc, parts) VALUES (?, ?, ?, NULL) ON CONFLICT (name, key) DO UPDATE SET doc = excluded.doc, parts = NULL')
          .run(name, key, json);
        sizes.set(key, json.length);
        continue;
      }
      const head = headOf(doc, fields);
      const parts = fields.join(',');
      // Items are numbered by field: stored under another list of fields (whole, say), they are written again.
      const before = this.sql('SELECT rowid AS id, parts FROM projection_documents WHERE name = ? AND key = ?').get(name, key) as { id: number; parts: string | null } | undefined;
      if (before !== undefined && before.parts !== parts) this.sql('DELETE FROM projection_items WHERE doc = ?').run(before.id);
      const { id } = this.sql('INSERT INTO projection_documents (name, key, doc, parts) VALUES (?, ?, ?, ?) ON CONFLICT (name, key) DO UPDATE SET doc = excluded.doc, parts = excluded.parts RETURNING rowid AS id')
        .get(name, key, head, parts) as { id: number };
      sizes.set(key, head.length + this.appendItems(id, doc as Record<string, unknown>, fields));
    }
    return sizes;
  }

  /** Appends each field's items the stored document lacks; returns the fields' size (estimated from the items written). */
  private appendItems(id: number, doc: Record<string, unknown>, fields: readonly string[]): number {
    let bytes = 0;
    fields.forEach((field, part) => {
      const items = doc[field] as readonly unknown[];
      const stored = (this.sql('SELECT COALESCE(MAX(idx) + 1, 0) AS n FROM projection_items WHERE doc = ? AND part = ?').get(id, part) as { n: number }).n;
      // Never expected (append-only), but stored items past the document's are not kept.
      if (items.length < stored) this.sql('DELETE FROM projection_items WHERE doc = ? AND part = ? AND idx >= ?').run(id, part, items.length);
      let written = 0;
      for (let i = stored; i < items.length; i++) {
        const json = JSON.stringify(items[i]);
        this.sql('INSERT INTO projection_items (doc, part, idx, item) VALUES (?, ?, ?, ?)').run(id, part, i, json);
        written += json.length + 1;
      }
      const each = items.length > stored ? written / (items.length - stored) : 256;
      bytes += written + Math.max(0, Math.min(stored, items.length)) * each;
    });
    return bytes;
  }

  /** A stored row as the document: its head with each append-only field's items (the first `lengths` of them for a logged head). */
  private assemble<D>(row: DocRow, logged = false, bytes?: { n: number }): D {
    const doc = JSON.parse(row.doc) as Record<string, unknown>;
    if (row.parts === null) return doc as D;
    row.parts.split(',').forEach((field, part) => {
      const rows = this.sql('SELECT item FROM projection_items WHERE doc = ? AND part = ? AND idx < ? ORDER BY idx')
        .all(row.id, part, logged ? (doc[field] as number) : Number.MAX_SAFE_INTEGER) as { item: string }[];
      if (bytes) for (const r of rows) bytes.n += r.item.length + 1;
      doc[field] = rows.length === 0 ? [] : JSON.parse(`[${rows.map((r) => r.item).join(',')}]`);
    });
    return doc as D;
  }

  private logChange(c: DocumentChange, versionKept: boolean): number {
    let doc: string | null = null;
    let form = ChangeForm.Whole;
    let parts: string | null = null;
    if (c.doc !== undefined) {
      // A kept version holds the document already; an append-only field's items are stored once.
      const fields = versionKept ? [] : (this.splits.get(c.projection)?.(c.doc) ?? []);
      if (versionKept) form = ChangeForm.Version;
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
function headOf(doc: unknown, fields: readonly string[]): string {
  const head: Record<string, unknown> = { ...(doc as Record<string, unknown>) };
  for (const field of fields) {
    const items = head[field];
    if (!Array.isArray(items)) throw new Error(`Append-only field "${field}" is not an array`);
    head[field] = items.length;
  }
  return JSON.stringify(head);
}
