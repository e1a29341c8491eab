import Database from 'better-sqlite3';
import { preparePrivateDatabaseFile } from '@deals/event-store';
import { DocumentChange } from '../projection';
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
  CREATE TABLE IF NOT EXISTS projection_dead_letters (
    id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, position INTEGER NOT NULL, event_id TEXT NOT NULL,
    event_type TEXT NOT NULL, stream_id TEXT NOT NULL, error TEXT NOT NULL, at TEXT NOT NULL);
${VERSIONS_SCHEMA}`;

/**
 * Read models, checkpoints, the change log, document versions and dead letters in one SQLite
 * file, so that a batch's document changes and its checkpoint commit in the same transaction.
 */
export class ProjectionDatabase {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** Versions by position of the documents as-of reads do not fold from their stream. */
  readonly versions: ProjectionVersions;

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

  state(name: string): ProjectionState | undefined {
    return this.sql('SELECT version, position, build FROM projection_state WHERE name = ?').get(name) as
      | ProjectionState
      | undefined;
  }

  documents<D>(name: string): Map<string, D> {
    const rows = this.sql('SELECT key, doc FROM projection_documents WHERE name = ?').all(name) as { key: string; doc: string }[];
    return new Map(rows.map((r) => [r.key, JSON.parse(r.doc) as D]));
  }

  document<D>(name: string, key: string): D | undefined {
    const row = this.sql('SELECT doc FROM projection_documents WHERE name = ? AND key = ?').get(name, key) as { doc: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.doc) as D);
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
    const rows = this.sql('SELECT key, doc FROM projection_documents WHERE name = ? AND key >= ? AND key < ? ORDER BY key')
      .all(name, prefix, upper) as { key: string; doc: string }[];
    return rows.filter((r) => r.key.startsWith(prefix)).map((r) => [r.key, JSON.parse(r.doc) as D]);
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
      const logged = changes.map((c) => ({ ...c, id: this.logChange(c) }));
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
      this.sql('DELETE FROM projection_documents WHERE name = ?').run(name);
      this.writeDocs(name, docs);
      this.writeState(name, state);
    })();
  }

  /** Versions written while a build is made, before `replaceAll` swaps it in. */
  writeVersions(build: number, changes: readonly DocumentChange[]): void {
    this.db.transaction(() => this.versions.write(build, changes))();
  }

  changesAfter(id: number, names: readonly string[] | undefined, limit: number): LoggedChange[] {
    const filter = names?.length ? `AND name IN (${names.map(() => '?').join(',')})` : '';
    const rows = this.sql(`SELECT id, name, position, key, doc, event_id, event_type FROM projection_changes WHERE id > ? ${filter} ORDER BY id LIMIT ?`)
      .all(id, ...(names ?? []), limit) as {
      id: number; name: string; position: number; key: string; doc: string | null; event_id: string; event_type: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      projection: r.name,
      key: r.key,
      doc: r.doc === null ? undefined : JSON.parse(r.doc),
      position: r.position,
      eventId: r.event_id,
      eventType: r.event_type,
    }));
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
    const columns = this.db.prepare('PRAGMA table_info(projection_state)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'build')) this.db.exec('ALTER TABLE projection_state ADD COLUMN build INTEGER');
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

  private writeDocs(name: string, docs: ReadonlyMap<string, unknown>): void {
    const upsert = this.sql('INSERT INTO projection_documents (name, key, doc) VALUES (?, ?, ?) ON CONFLICT (name, key) DO UPDATE SET doc = excluded.doc');
    const remove = this.sql('DELETE FROM projection_documents WHERE name = ? AND key = ?');
    for (const [key, doc] of docs) {
      if (doc === undefined) remove.run(name, key);
      else upsert.run(name, key, JSON.stringify(doc));
    }
  }

  private logChange(c: DocumentChange): number {
    const doc = c.doc === undefined ? null : JSON.stringify(c.doc);
    return Number(
      this.sql('INSERT INTO projection_changes (name, position, key, doc, event_id, event_type) VALUES (?, ?, ?, ?, ?, ?)')
        .run(c.projection, c.position, c.key, doc, c.eventId, c.eventType).lastInsertRowid,
    );
  }

  private writeState(name: string, s: ProjectionState): void {
    this.sql('INSERT INTO projection_state (name, version, position, updated_at, build) VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position, updated_at = excluded.updated_at, build = excluded.build')
      .run(name, s.version, s.position, new Date().toISOString(), s.build);
  }
}
