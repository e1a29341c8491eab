import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@deals/event-store';
import { entriesWithPrefix, Projection, ReadModel } from '../projection';
import { EventCount, eventCounterProjection } from '../testing/event-counter.projection';
import { seedStore } from '../testing/seed-store';
import { readModelAsOf } from './as-of';
import { ProjectionDatabase } from './projection-database';
import { ProjectionRunner } from './projection-runner';
import { AsOfScanError } from './projection.errors';

describe('document versions for as-of reads (real SQLite)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let db: ProjectionDatabase;
  const runners: ProjectionRunner[] = [];

  const runner = (projection: Projection<EventCount> = eventCounterProjection()) => {
    const r = new ProjectionRunner(store, db, [projection as Projection<unknown>], { batchSize: 64, retryDelayMs: 20 });
    runners.push(r);
    return r;
  };
  const everything = (m: ReadModel<EventCount>) => [...m];
  const versionTables = () => {
    const file = new Database(join(dir, 'projections.db'), { readonly: true });
    const names = (file.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'projection_versions_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    file.close();
    return names;
  };
  const replayed = async (position: number, projection = eventCounterProjection()) => {
    const r = await readModelAsOf(store, projection, { position });
    return { result: everything(r.docs), position: r.position };
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'versions-'));
    store = new SqliteEventStore({ path: join(dir, 'events.db') });
    db = new ProjectionDatabase(join(dir, 'projections.db'));
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('waits for a position the projection has not reached, then answers it as a replay does; undefined if not reached in time', async () => {
    await seedStore(store, 2000);
    const head = await store.headPosition();
    const r = runner(eventCounterProjection({ busyMicrosPerEvent: 300 }));
    await r.start();
    expect(r.position('event-counter')).toBeLessThan(head);
    expect(await r.queryAsOf('event-counter', head, everything, 0)).toBeUndefined();
    expect(await r.queryAsOf('event-counter', head - 7, everything, 60_000)).toEqual(await replayed(head - 7));
  });

  it('builds a read model stored before versions were kept again from position 0 on start', async () => {
    await seedStore(store, 300);
    const first = runner();
    await first.start();
    expect(await first.waitForPosition(await store.headPosition(), 10_000)).toBe(true);
    await first.stop();
    const file = new Database(join(dir, 'projections.db'));
    file.exec('UPDATE projection_state SET build = NULL');
    file.close();

    const again = runner();
    await again.start();
    const head = await store.headPosition();
    expect(await again.queryAsOf('event-counter', 150, everything, 10_000)).toEqual(await replayed(150));
    expect(await again.queryAsOf('event-counter', head, everything, 10_000)).toEqual(await replayed(head));
    expect(versionTables()).toHaveLength(1);
  });

  it('drops the versions of a failed rebuild and of a build a crash left behind; the current build answers on', async () => {
    await seedStore(store, 100);
    await store.append('count-x', [{ eventId: randomUUID(), type: 'Poison', data: {}, metadata: {} }]);
    const poisoned = eventCounterProjection({ poisonType: 'Poison' });
    const r = runner(poisoned);
    await r.start();
    expect(await r.waitForPosition(await store.headPosition(), 10_000)).toBe(true);
    const [current] = versionTables();
    await expect(r.rebuild('event-counter')).rejects.toThrow('Poison');
    expect(versionTables()).toEqual([current]);
    const at = await store.headPosition();
    const expected = await readModelAsOf(store, eventCounterProjection({ poisonType: 'Poison' }), { position: 50 });
    expect(await r.queryAsOf('event-counter', 50, everything, 1000)).toEqual({ result: everything(expected.docs), position: 50 });
    expect((await r.queryAsOf('event-counter', at, (m) => m.get('total'), 1000))?.result).toEqual({ count: 100, positionSum: 5050 });
    await r.stop();

    db.versions.newBuild('event-counter', 1, { indexed: false });
    expect(versionTables()).toHaveLength(2);
    await runner(poisoned).start();
    expect(versionTables()).toEqual([current]);
  });

  it('folds documents of one stream from that stream, by key and by prefix, and refuses to go over every document', async () => {
    await seedStore(store, 400, 7);
    const scoped = eventCounterProjection({ streamScoped: true });
    const r = runner(scoped);
    await r.start();
    expect(await r.waitForPosition(await store.headPosition(), 10_000)).toBe(true);
    await seedStore(store, 50, 3);
    expect(await r.waitForPosition(await store.headPosition(), 10_000)).toBe(true);

    for (const position of [0, 1, 201, 399, 400, 430, await store.headPosition()]) {
      const expected = await readModelAsOf(store, scoped, { position });
      const query = (m: ReadModel<EventCount>) => ({
        total: m.get('total'),
        one: m.get('stream:count-2'),
        streams: entriesWithPrefix(m, 'stream:').sort(([a], [b]) => (a < b ? -1 : 1)),
      });
      expect(await r.queryAsOf('event-counter', position, query, 1000)).toEqual({ result: query(expected.docs), position: expected.position });
    }
    await expect(r.queryAsOf('event-counter', 10, everything, 1000)).rejects.toThrow(AsOfScanError);
  });

  it('stores versions as what changed, whole again after a chain or a deletion, and reads each as it was', () => {
    const build = db.versions.newBuild('chain', 1, { indexed: true });
    const written: { position: number; doc: unknown }[] = [];
    let before: Record<string, unknown> | undefined;
    for (let position = 1; position <= 60; position++) {
      const doc = position === 30 ? undefined : { n: position, stage: `s${Math.floor(position / 7)}`, ...(position % 5 === 0 ? {} : { extra: position % 3 }) };
      const change = { projection: 'chain', key: 'k', doc, position, eventId: randomUUID(), eventType: 'T' };
      db.writeVersions(build, [change], new Map([[change, before]]));
      written.push({ position, doc });
      before = doc;
    }
    const file = new Database(join(dir, 'projections.db'), { readonly: true });
    const rows = file.prepare(`SELECT doc FROM projection_versions_${build} ORDER BY rowid`).all() as { doc: string | null }[];
    file.close();
    const deltas = rows.filter((r) => r.doc?.startsWith('~')).length;
    expect(deltas).toBeGreaterThan(40);
    for (const { position, doc } of written) {
      expect(db.versions.documentAt(build, 'k', position)).toEqual(doc);
      const page = db.versions.documentsAt(build, position, { prefix: 'k', limit: 10, skipLatest: false });
      expect(page.documents.map((d) => d.doc)).toEqual([doc]);
    }
  });
});
