import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_COLUMNS, SqliteEventStore } from '@deals/event-store';
import { ProjectionDatabase, ProjectionRunner, PROJECTIONS } from '@deals/projections';
import { median } from '../lib/stats';

/**
 * Projection rebuild speed: the runner's rebuild (read `$all` in pages, fold, keep the documents'
 * versions for as-of reads, write the new read model in one transaction) per projection, against
 * the limit: a bare loop that reads the same rows in pages of the same size and parses their
 * JSON. What keeping the versions costs is timed apart, and their size on disk measured.
 */


export interface ProjectionRebuild {
  readonly projection: string;
  readonly events: number;
  readonly documents: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** Reading and folding (and writing the versions, page by page), before the new read model is written. */
  readonly foldSeconds: number;
  readonly writeSeconds: number;
  /** Versions kept for as-of reads: rows, the time writing them (JSON and insert) and indexing them took, and their size in projections.db. */
  readonly versions: { readonly rows: number; readonly writeSeconds: number; readonly indexSeconds: number; readonly mib: number };
  /** The process's peak RSS once this rebuild was done (it only grows: the first to reach the overall peak made it), and its heap then. */
  readonly maxRssMiB?: number;
  readonly heapUsedMiB?: number;
}

export interface RebuildFigures {
  readonly bare: { readonly rows: number; readonly seconds: readonly number[]; readonly rowsPerSecond: number };
  readonly projections: readonly ProjectionRebuild[];
  /** All three, one after the other. */
  readonly total: { readonly events: number; readonly seconds: number; readonly eventsPerSecond: number };
  readonly rssAfterMiB: number;
  /** The process's peak RSS over the rebuilds (`resourceUsage().maxRSS`); absent in figures saved before it was measured. */
  readonly maxRssMiB?: number;
  /** RSS of the process before the first rebuild (Node, the harness's modules, the store opened): what every peak includes. */
  readonly baseRssMiB?: number;
  /** Events in the store, for projections.db ÷ events. */
  readonly storeEvents?: number;
  readonly batchSize: number;
  /** projections.db after the rebuilds (every table, the three read models and their versions), and its documents table with its index. */
  readonly databaseMiB: number;
  readonly documentsMiB: number;
}

const BATCH = 500;

/** The limit: page through the rows the runner reads, the same columns and page size, and parse their JSON. */
export function bareReadAndParse(eventsDb: string, batch = BATCH): { rows: number; seconds: number } {
  const db = new Database(eventsDb, { readonly: true });
  const page = db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`);
  const t0 = performance.now();
  let after = 0;
  let rows = 0;
  let sink = 0;
  for (;;) {
    const got = page.all(after, batch) as { position: number; data: string; metadata: string }[];
    for (const row of got) {
      const data = JSON.parse(row.data) as object;
      const metadata = JSON.parse(row.metadata) as object;
      sink += data === metadata ? 1 : 0;
    }
    rows += got.length;
    if (got.length < batch) break;
    after = got[got.length - 1].position;
  }
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  return { rows: rows + sink, seconds };
}

class Enough extends Error {}

export async function runRebuild(
  eventsDb: string,
  projectionsDb: string,
  /** `stopAfterSeconds`: for a profile, abandon each rebuild after that long (its figures are then partial). */
  options: { bareRounds: number; only?: readonly string[]; stopAfterSeconds?: number },
): Promise<RebuildFigures> {
  const bare = Array.from({ length: options.bareRounds }, () => bareReadAndParse(eventsDb));
  const rows = bare[0]?.rows ?? 0;
  const bareSeconds = bare.map((b) => b.seconds);

  for (const suffix of ['', '-wal', '-shm']) rmSync(projectionsDb + suffix, { force: true });
  const store = new SqliteEventStore({ path: eventsDb });
  const db = new ProjectionDatabase(projectionsDb);
  const runner = new ProjectionRunner(store, db, PROJECTIONS, { batchSize: BATCH });
  const baseRssMiB = process.memoryUsage().rss / 2 ** 20;
  const versions = timeVersions(db);
  const results: ProjectionRebuild[] = [];
  for (const projection of PROJECTIONS) {
    if (options.only && !options.only.includes(projection.name)) continue;
    versions.reset();
    let folded = 0;
    let logged = performance.now();
    const t0 = performance.now();
    let reached = { events: 0, position: 0 };
    const result = await runner.rebuild(projection.name, (progress) => {
      folded = performance.now();
      reached = progress;
      if (options.stopAfterSeconds !== undefined && folded - t0 > options.stopAfterSeconds * 1000) throw new Enough();
      if (folded - logged < 15_000) return;
      logged = folded;
      process.stderr.write(`  rebuild ${projection.name}: ${progress.position} / ${progress.headPosition} after ${((folded - t0) / 1000).toFixed(0)} s\n`);
    }).catch((error) => {
      if (error instanceof Enough) return reached;
      throw error;
    });
    const t1 = performance.now();
    const seconds = (t1 - t0) / 1000;
    results.push({
      projection: projection.name, events: result.events, documents: runner.readModel(projection.name).size, seconds,
      eventsPerSecond: result.events / seconds, foldSeconds: ((folded || t1) - t0) / 1000, writeSeconds: (t1 - (folded || t1)) / 1000,
      versions: { ...versions.taken(), mib: 0 },
      maxRssMiB: process.resourceUsage().maxRSS / 1024, heapUsedMiB: process.memoryUsage().heapUsed / 2 ** 20,
    });
    process.stderr.write(`  rebuild ${projection.name}: ${result.events} events in ${seconds.toFixed(1)} s\n`);
  }
  const rssAfterMiB = process.memoryUsage().rss / 2 ** 20;
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  const storeEvents = await store.headPosition();
  db.close();
  await store.close();
  const sizes = tableSizes(projectionsDb);
  const events = results.reduce((a, r) => a + r.events, 0);
  const seconds = results.reduce((a, r) => a + r.seconds, 0);
  return {
    bare: { rows, seconds: bareSeconds, rowsPerSecond: rows / median(bareSeconds) },
    projections: results.map((r) => ({ ...r, versions: { ...r.versions, mib: sizes.versionsMiB.get(r.projection) ?? 0 } })),
    total: { events, seconds, eventsPerSecond: events / seconds },
    rssAfterMiB,
    maxRssMiB,
    baseRssMiB,
    storeEvents,
    batchSize: BATCH,
    databaseMiB: sizes.databaseMiB,
    documentsMiB: sizes.documentsMiB,
  };
}

/** Times the runner's version writes and indexing on this database (a harness's wrapper; the product has no hook for it). */
function timeVersions(db: ProjectionDatabase) {
  let taken = { rows: 0, writeSeconds: 0, indexSeconds: 0 };
  const write = db.writeVersions.bind(db);
  const index = db.versions.index.bind(db.versions);
  db.writeVersions = (build, changes, previous) => {
    const t0 = performance.now();
    write(build, changes, previous);
    taken = { ...taken, rows: taken.rows + changes.length, writeSeconds: taken.writeSeconds + (performance.now() - t0) / 1000 };
  };
  db.versions.index = (build) => {
    const t0 = performance.now();
    index(build);
    taken = { ...taken, indexSeconds: taken.indexSeconds + (performance.now() - t0) / 1000 };
  };
  return { reset: () => (taken = { rows: 0, writeSeconds: 0, indexSeconds: 0 }), taken: () => taken };
}

/** Pages each table and index takes in the file (SQLite's dbstat), per projection's current versions. */
function tableSizes(projectionsDb: string) {
  const file = new Database(projectionsDb, { readonly: true });
  const pages = (name: string) => ((file.prepare('SELECT pgsize FROM dbstat WHERE name = ? AND aggregate = TRUE').get(name) as { pgsize: number } | undefined)?.pgsize ?? 0) / 2 ** 20;
  const states = file.prepare('SELECT name, build FROM projection_state').all() as { name: string; build: number }[];
  const versionsMiB = new Map(states.map((s) => [s.name, pages(`projection_versions_${s.build}`) + pages(`projection_versions_${s.build}_by_key`)]));
  const documentsMiB = pages('projection_documents') + pages('sqlite_autoindex_projection_documents_1');
  const databaseMiB = (file.pragma('page_count', { simple: true }) as number) * (file.pragma('page_size', { simple: true }) as number) / 2 ** 20;
  file.close();
  return { versionsMiB, documentsMiB, databaseMiB };
}

export const projectionsDbOf = (dir: string) => join(dir, 'projections.db');
