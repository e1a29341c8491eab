import Database from 'better-sqlite3';
import { DocumentChange, Projection } from '../projection';
import { applyDelta, encodeDelta, isDelta } from './version-delta';

/** At most this many versions of a key in a row are stored as deltas: a read folds no more. */
const CHAIN = 15;

/**
 * A kept document as of a position. `doc` is undefined when it did not exist then (not yet, or
 * deleted); `latest` says no version came after it, so it is the current document (and `doc` is
 * left unread when the caller has the current ones at hand). `created` orders documents as the
 * fold created them: rows are appended in fold order, so it is its first version's row id.
 */
export interface VersionAt<D> {
  readonly key: string;
  readonly doc: D | undefined;
  readonly latest: boolean;
  readonly created: number;
}

export const VERSIONS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS projection_builds (
    id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, version INTEGER NOT NULL, started_at TEXT NOT NULL);
`;

/**
 * Which changes are kept as versions: every change of a document other streams feed, and the
 * deletion of a document of one stream (so a key that existed then is still found by prefix;
 * its content comes from its stream).
 */
export function keepsVersion(projection: Projection<unknown>, change: DocumentChange): boolean {
  return change.doc === undefined || projection.streamOf?.(change.key) === undefined;
}

/** The first string after every string that starts with `prefix` (`undefined`: none, the prefix is empty). */
export function prefixUpperBound(prefix: string): string | undefined {
  if (prefix === '') return undefined;
  const last = prefix.codePointAt(prefix.length - 1) as number;
  return prefix.slice(0, prefix.length - (last > 0xffff ? 2 : 1)) + String.fromCodePoint(last + 1);
}

const table = (build: number) => `projection_versions_${Math.trunc(build)}`;
const TABLE_NAME = /^projection_versions_(\d+)$/;

// A build's keys from `:from` on (in key order, one index seek each), each with its newest version at or before the position.
const documentsAtSql = (build: number, bounded: boolean) => {
  const upper = bounded ? 'AND key < :upper' : '';
  const t = table(build);
  return `
  WITH RECURSIVE k(key) AS (
    SELECT (SELECT key FROM ${t} WHERE key >= :from ${upper} ORDER BY key LIMIT 1)
    UNION ALL
    SELECT (SELECT key FROM ${t} WHERE key > k.key ${upper} ORDER BY key LIMIT 1) FROM k WHERE k.key IS NOT NULL
    LIMIT :limit),
  v(key, latest, created) AS (
    SELECT key, NOT EXISTS (SELECT 1 FROM ${t} WHERE key = k.key AND position > :position),
      (SELECT rowid FROM ${t} WHERE key = k.key ORDER BY position, rowid LIMIT 1)
    FROM k WHERE key IS NOT NULL)
  SELECT key, latest, created,
    CASE WHEN latest AND :skipLatest THEN NULL
      ELSE (SELECT doc FROM ${t} WHERE key = v.key AND position <= :position ORDER BY position DESC, rowid DESC LIMIT 1) END AS doc
  FROM v`;
};

/**
 * Each kept document's versions by global position, in a table per build. A build is one read
 * model built from position 0 (a rebuild, or a start on an empty database or with a new
 * projection version), so versions of a replaced or abandoned build are never read for another,
 * and giving one up is dropping its table. A rebuild appends to a table without an index and
 * indexes it once, before the swap: appends in key order they are not. A version written with the
 * document before it is stored as what changed (`version-delta.ts`), whole again after `CHAIN`
 * deltas; a key this process has not written yet starts whole, so nothing depends on memory.
 */
export class ProjectionVersions {
  /** Per build, the deltas written in a row per key since its last whole version. */
  private readonly chains = new Map<number, Map<string, number>>();

  constructor(
    private readonly db: Database.Database,
    private readonly sql: (text: string) => Database.Statement,
    /** Drops the prepared statements that name a table. */
    private readonly forgetStatements: (table: string) => void,
  ) {}

  /** A new build: read once the projection state names it; `indexed` false for a rebuild (`index` it before the swap). */
  newBuild(name: string, version: number, options: { indexed: boolean }): number {
    const build = Number(this.sql('INSERT INTO projection_builds (name, version, started_at) VALUES (?, ?, ?)').run(name, version, new Date().toISOString()).lastInsertRowid);
    this.db.exec(`CREATE TABLE ${table(build)} (key TEXT NOT NULL, position INTEGER NOT NULL, doc TEXT)`);
    if (options.indexed) this.index(build);
    return build;
  }

  index(build: number): void {
    this.db.exec(`CREATE INDEX IF NOT EXISTS ${table(build)}_by_key ON ${table(build)} (key, position)`);
  }

  hasBuild(build: number): boolean {
    return this.sql('SELECT 1 FROM projection_builds WHERE id = ?').get(build) !== undefined;
  }

  /** Gives a build up (replaced, or its rebuild failed): its versions go. */
  drop(build: number): void {
    this.sql('DELETE FROM projection_builds WHERE id = ?').run(build);
    this.db.exec(`DROP TABLE IF EXISTS ${table(build)}`);
    this.forgetStatements(table(build));
    this.chains.delete(build);
  }

  /** Gives up every build no projection state names: at start, when no rebuild runs (builds left by a crash). */
  dropUnnamed(): void {
    const named = new Set((this.sql('SELECT build FROM projection_state WHERE build IS NOT NULL').all() as { build: number }[]).map((r) => r.build));
    const tables = this.sql("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'projection_versions_%'").all() as { name: string }[];
    const builds = (this.sql('SELECT id FROM projection_builds').all() as { id: number }[]).map((r) => r.id);
    const present = tables.flatMap((t) => { const m = TABLE_NAME.exec(t.name); return m ? [Number(m[1])] : []; });
    for (const build of new Set([...builds, ...present])) if (!named.has(build)) this.drop(build);
  }

  /** Appends versions; with `previous` (each change's document before it), most as what changed. */
  write(build: number, changes: readonly DocumentChange[], previous?: ReadonlyMap<DocumentChange, unknown>): void {
    const insert = this.sql(`INSERT INTO ${table(build)} (key, position, doc) VALUES (?, ?, ?)`);
    let chains = this.chains.get(build);
    if (!chains) this.chains.set(build, (chains = new Map()));
    for (const c of changes) {
      if (c.doc === undefined) {
        chains.delete(c.key);
        insert.run(c.key, c.position, null);
        continue;
      }
      const length = chains.get(c.key);
      // The version before is the document before this change: every change of a kept key is kept.
      const delta = length !== undefined && length < CHAIN && previous?.has(c) ? encodeDelta(previous.get(c), c.doc) : undefined;
      chains.set(c.key, delta === undefined ? 0 : (length ?? 0) + 1);
      insert.run(c.key, c.position, delta ?? JSON.stringify(c.doc));
    }
  }

  /** One document as of `position`: its newest version at or before it (folded from the whole one before it). */
  documentAt<D>(build: number, key: string, position: number): D | undefined {
    const rows = this.sql(`SELECT doc FROM ${table(build)} WHERE key = ? AND position <= ? ORDER BY position DESC, rowid DESC LIMIT ${CHAIN + 1}`)
      .all(key, position) as { doc: string | null }[];
    let whole = rows.findIndex((r) => r.doc === null || !isDelta(r.doc));
    if (whole < 0 && rows.length > CHAIN) {
      // Never expected (CHAIN bounds the deltas in a row), but read on rather than fail.
      rows.splice(0, rows.length, ...(this.sql(`SELECT doc FROM ${table(build)} WHERE key = ? AND position <= ? ORDER BY position DESC, rowid DESC`).all(key, position) as { doc: string | null }[]));
      whole = rows.findIndex((r) => r.doc === null || !isDelta(r.doc));
    }
    if (rows.length === 0 || whole < 0 || rows[whole].doc === null) return whole === 0 || rows.length === 0 ? undefined : this.brokenChain(build, key);
    let doc: unknown = JSON.parse(rows[whole].doc as string);
    for (let i = whole - 1; i >= 0; i--) doc = applyDelta(doc, rows[i].doc as string);
    return doc as D;
  }

  private brokenChain(build: number, key: string): never {
    throw new Error(`A version of "${key}" in build ${build} is stored as a change to a version that is not there`);
  }

  /**
   * A page of the kept keys starting with `prefix`, in key order, after `after` when given, each
   * with its document as of `position` (not read when `skipLatest` and no version came after it);
   * `last` is the key to continue after (`undefined`: done).
   */
  documentsAt<D>(build: number, position: number, page: { prefix: string; after?: string; limit: number; skipLatest: boolean }):
    { documents: VersionAt<D>[]; last?: string } {
    const upper = prefixUpperBound(page.prefix);
    // From `after` inclusive (it is dropped below), so one statement serves every page.
    const limit = page.after === undefined ? page.limit : page.limit + 1;
    const params = { position, from: page.after ?? page.prefix, limit, skipLatest: page.skipLatest ? 1 : 0, ...(upper === undefined ? {} : { upper }) };
    const rows = (this.sql(documentsAtSql(build, upper !== undefined)).all(params) as { key: string; doc: string | null; latest: number; created: number }[])
      .filter((r) => r.key !== page.after);
    const documents = rows
      .filter((r) => r.key.startsWith(page.prefix))
      .map((r) => ({
        key: r.key,
        doc: r.doc === null ? undefined : isDelta(r.doc) ? this.documentAt<D>(build, r.key, position) : (JSON.parse(r.doc) as D),
        latest: r.latest === 1,
        created: r.created,
      }));
    return { documents, last: rows.length < page.limit ? undefined : rows[rows.length - 1].key };
  }
}
