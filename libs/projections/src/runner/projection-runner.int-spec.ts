import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, take, toArray } from 'rxjs';
import { EventStore, ReadAllOptions, SqliteEventStore, StoreSubscription, SubscribeOptions } from '@deals/event-store';
import { eventCounterProjection, recount } from '../testing/event-counter.projection';
import { seedStore } from '../testing/seed-store';
import { ProjectionDatabase } from './projection-database';
import { entriesWithPrefix, Projection } from '../projection';
import { ProjectionRunner } from './projection-runner';
import { StoredReadModel } from './stored-read-model';

/** The store, counting the events it hands out (by reads and subscriptions) and the head positions asked for. */
function counting(store: EventStore) {
  const counts = { events: 0, heads: 0 };
  const counted: EventStore = {
    append: (...args) => store.append(...args),
    readStream: (...args) => store.readStream(...args),
    readAll: async (options?: ReadAllOptions) => {
      const read = await store.readAll(options);
      counts.events += read.events.length;
      return read;
    },
    headPosition: () => {
      counts.heads++;
      return store.headPosition();
    },
    subscribeToAll: (options?: SubscribeOptions): StoreSubscription => {
      const subscription = store.subscribeToAll(options);
      return {
        close: () => subscription.close(),
        [Symbol.asyncIterator]: () => {
          const events = subscription[Symbol.asyncIterator]();
          return {
            next: async () => {
              const next = await events.next();
              if (!next.done) counts.events++;
              return next;
            },
          };
        },
      };
    },
    close: () => store.close(),
  };
  return { store: counted, counts };
}

const counted = () => ({ eventId: randomUUID(), type: 'Counted', data: {}, metadata: {} });

// Each test waits for positions (up to 20 s on a busy machine); Jest's own limit is only a backstop.
jest.setTimeout(60_000);

describe('ProjectionRunner (real SQLite)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let db: ProjectionDatabase;
  const runners: ProjectionRunner[] = [];

  const runner = (projection: Projection<unknown> = eventCounterProjection(), batchSize = 64) => {
    const r = new ProjectionRunner(store, db, [projection], { batchSize, retryDelayMs: 20 });
    runners.push(r);
    return r;
  };
  const toObject = (m: ReadonlyMap<string, unknown>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'runner-'));
    store = new SqliteEventStore({ path: join(dir, 'events.db') });
    db = new ProjectionDatabase(join(dir, 'projections.db'));
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('catches up on history, then follows live appends, equal to a recount and to a rebuild', async () => {
    await seedStore(store, 1000);
    const r = runner();
    await r.start();
    expect(await r.waitForPosition(await store.headPosition(), 10_000)).toBe(true);
    await seedStore(store, 300);
    expect(await r.waitForPosition(await store.headPosition(), 10_000)).toBe(true);

    const all = (await store.readAll()).events;
    expect(toObject(r.readModel('event-counter'))).toEqual(toObject(recount(all)));
    const live = toObject(r.readModel('event-counter'));
    await r.rebuild('event-counter');
    expect(toObject(r.readModel('event-counter'))).toEqual(live);
    expect(toObject(db.documents('event-counter'))).toEqual(live);
  });

  it('hands beforeBatch the streams it also reads (alsoRead) before folding the batch, and no projection folds them', async () => {
    const known = new Set<string>();
    // Each deal event is counted only if its pipeline event came before it: what a catalog of pipeline versions needs.
    const needsPipeline: Projection<string[]> = {
      name: 'needs-pipeline', version: 1, filter: { streamPrefixes: ['deal-'] },
      keysOf: (e) => [e.streamId],
      apply: (doc, e) => [...(doc ?? []), known.has(String((e.data as { pipeline: string }).pipeline)) ? 'known' : 'unknown'],
    };
    const r = new ProjectionRunner(store, db, [needsPipeline], {
      batchSize: 500, retryDelayMs: 20, alsoRead: { streamPrefixes: ['pipeline-'] },
      beforeBatch: (events) => events.filter((e) => e.streamId.startsWith('pipeline-')).forEach((e) => known.add(e.streamId.slice('pipeline-'.length))),
    });
    runners.push(r);
    await r.start();
    for (let i = 0; i < 20; i++) {
      // One commit each, back to back: the runner reads them in one batch or in several.
      await store.append(`pipeline-p${i}`, [{ eventId: randomUUID(), type: 'PipelineVersionPublished', data: {}, metadata: {} }]);
      await store.append(`deal-d${i}`, [{ eventId: randomUUID(), type: 'DealOpened', data: { pipeline: `p${i}` }, metadata: {} }]);
    }
    expect(await r.waitForPosition(await store.headPosition(), 10_000)).toBe(true);
    const docs = toObject(r.readModel('needs-pipeline'));
    expect(Object.keys(docs)).toHaveLength(20);
    expect(Object.values(docs).flat()).toEqual(Array(20).fill('known'));
  });

  it('resumes from its checkpoint after a restart without applying anything twice', async () => {
    await seedStore(store, 500);
    const first = runner();
    await first.start();
    await first.waitForPosition(await store.headPosition(), 10_000);
    await first.stop();
    await seedStore(store, 200);
    const second = runner();
    await second.start();
    expect(await second.waitForPosition(await store.headPosition(), 10_000)).toBe(true);
    expect(toObject(second.readModel('event-counter'))).toEqual(toObject(recount((await store.readAll()).events)));
  });

  it('dead-letters a poison event while live and keeps going; a rebuild stops on it with a clear message', async () => {
    await seedStore(store, 40);
    const poisonId = randomUUID();
    await store.append('count-x', [{ eventId: poisonId, type: 'Poison', data: {}, metadata: {} }]);
    await seedStore(store, 40);
    const r = runner(eventCounterProjection({ poisonType: 'Poison' }), 16);
    await r.start();
    expect(await r.waitForPosition(await store.headPosition(), 10_000)).toBe(true);

    const dead = r.deadLetters('event-counter');
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ eventId: poisonId, eventType: 'Poison', streamId: 'count-x' });
    expect(dead[0].error).toContain('cannot count Poison');
    expect(toObject(r.readModel('event-counter'))).toEqual(toObject(recount((await store.readAll()).events, 'Poison')));
    const [status] = await r.status();
    expect(status).toMatchObject({ name: 'event-counter', deadLetters: 1, lag: 0, state: 'running' });

    const before = toObject(r.readModel('event-counter'));
    await expect(r.rebuild('event-counter')).rejects.toThrow(
      new RegExp(`Rebuild of projection "event-counter" stopped at position \\d+ \\(event ${poisonId}, Poison in count-x\\): Error: cannot count Poison`),
    );
    expect(toObject(r.readModel('event-counter'))).toEqual(before);
  });

  it('rebuilds on start when the stored read model has another version', async () => {
    await seedStore(store, 100);
    const v1 = runner();
    await v1.start();
    await v1.waitForPosition(await store.headPosition(), 10_000);
    await v1.stop();
    db.replaceAll('event-counter', { version: 1, position: await store.headPosition(), build: db.versions.newBuild('event-counter', 1, { indexed: true }) }, new Map([['total', { count: 999, positionSum: 0 }]]));
    const v2 = runner(eventCounterProjection({ version: 2 }));
    await v2.start();
    expect(await v2.waitForPosition(await store.headPosition(), 10_000)).toBe(true);
    expect(v2.readModel<{ count: number }>('event-counter').get('total')?.count).toBe(100);
    expect(db.state('event-counter')?.version).toBe(2);
  });

  it('publishes committed changes live and keeps them in the change log, in order', async () => {
    const r = runner();
    await r.start();
    const received = firstValueFrom(r.changes$.pipe(take(4), toArray()));
    await store.append('count-a', [{ eventId: randomUUID(), type: 'Counted', data: {}, metadata: {} }]);
    await store.append('count-b', [{ eventId: randomUUID(), type: 'Counted', data: {}, metadata: {} }]);
    const changes = await received;
    expect(changes.map((c) => c.key)).toEqual(['total', 'stream:count-a', 'total', 'stream:count-b']);
    expect(changes.map((c) => c.id)).toEqual([...changes.map((c) => c.id)].sort((a, b) => a - b));
    expect((await r.changesAfter(changes[1].id)).map((c) => c.key)).toEqual(['total', 'stream:count-b']);
    expect(changes[3].doc).toEqual({ count: 1, positionSum: changes[3].position });
  });

  it('times out a wait for a position nobody reaches', async () => {
    const r = runner();
    await r.start();
    expect(await r.waitForPosition(10_000_000, 100)).toBe(false);
  });

  it('answers a stored read model from the database: the same documents live, after a restart and after a rebuild', async () => {
    await seedStore(store, 600);
    const stored = runner(eventCounterProjection({ storage: 'stored' }));
    await stored.start();
    expect(await stored.waitForPosition(await store.headPosition(), 10_000)).toBe(true);
    await seedStore(store, 200);
    expect(await stored.waitForPosition(await store.headPosition(), 10_000)).toBe(true);

    const model = stored.readModel<{ count: number }>('event-counter');
    expect(model).toBeInstanceOf(StoredReadModel);
    const expected = recount((await store.readAll()).events);
    expect(toObject(model)).toEqual(toObject(expected));
    expect(model.size).toBe(expected.size);
    expect(model.get('total')).toEqual(expected.get('total'));
    expect(model.has('stream:nobody')).toBe(false);
    const streams = [...expected.keys()].filter((k) => k.startsWith('stream:')).sort();
    expect(entriesWithPrefix(model, 'stream:').map(([k]) => k)).toEqual(streams);

    await stored.stop();
    const again = runner(eventCounterProjection({ storage: 'stored' }));
    await again.start();
    await again.rebuild('event-counter');
    expect(toObject(again.readModel('event-counter'))).toEqual(toObject(expected));
    expect(again.readModel('event-counter')).toBeInstanceOf(StoredReadModel);
  });

  it('writes and announces nothing for a document the event leaves as it was', async () => {
    const onlyA: Projection<{ n: number }> = {
      name: 'only-a', version: 1, filter: {},
      keysOf: () => ['a'],
      apply: (doc, e) => (e.streamId === 'count-a' ? { n: (doc?.n ?? 0) + 1 } : doc),
    };
    const r = runner(onlyA);
    await r.start();
    const received = firstValueFrom(r.changes$.pipe(take(2), toArray()));
    for (const stream of ['count-a', 'count-b', 'count-b', 'count-a']) {
      await store.append(stream, [{ eventId: randomUUID(), type: 'Counted', data: {}, metadata: {} }]);
    }
    const changes = await received;
    expect(changes.map((c) => c.doc)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(await r.waitForPosition(await store.headPosition(), 5_000)).toBe(true);
    expect((await r.changesAfter(0)).map((c) => c.doc)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('follows several projections; a rebuild of one holds the others back at no point', async () => {
    await seedStore(store, 2000);
    const slow = eventCounterProjection({ name: 'slow', busyMicrosPerEvent: 400 });
    const quick = eventCounterProjection({ name: 'quick', storage: 'stored' });
    const r = new ProjectionRunner(store, db, [slow, quick], { batchSize: 64, retryDelayMs: 20 });
    runners.push(r);
    await r.start();
    expect(await r.waitForPosition(await store.headPosition(), 20_000)).toBe(true);

    let rebuilt = false;
    const rebuilding = r.rebuild('slow').then((result) => ((rebuilt = true), result));
    await seedStore(store, 20);
    expect(await r.waitForPosition(await store.headPosition(), 10_000, ['quick'])).toBe(true);
    expect(rebuilt).toBe(false);
    await rebuilding;
    expect(await r.waitForPosition(await store.headPosition(), 10_000)).toBe(true);

    const expected = toObject(recount((await store.readAll()).events));
    expect(toObject(r.readModel('slow'))).toEqual(expected);
    expect(toObject(r.readModel('quick'))).toEqual(expected);
    expect(toObject(db.documents('slow'))).toEqual(expected);
  });

  it('reads each new event once for every projection, and asks for no head, while each commits on its own', async () => {
    await seedStore(store, 300);
    const { store: reading, counts } = counting(store);
    const projections = [
      eventCounterProjection({ name: 'count', filter: { streamPrefixes: ['count-'] } }),
      eventCounterProjection({ name: 'count-stored', filter: { streamPrefixes: ['count-'] }, storage: 'stored' }),
      eventCounterProjection({ name: 'count-and-other', filter: { streamPrefixes: ['count-', 'other-'] } }),
    ];
    const r = new ProjectionRunner(reading, db, projections, { batchSize: 64, retryDelayMs: 20 });
    runners.push(r);
    await r.start();
    expect(await r.waitForPosition(await store.headPosition(), 10_000)).toBe(true);

    counts.events = counts.heads = 0;
    const commits: string[] = [];
    const commitBatch = db.commitBatch.bind(db);
    db.commitBatch = (name, ...rest) => {
      commits.push(name);
      return commitBatch(name, ...rest);
    };
    await seedStore(store, 100);
    for (let i = 0; i < 10; i++) await store.append(`other-${i}`, [counted()]);
    // Events no projection reads: passed over, never read, yet the projections' positions reach them.
    for (let i = 0; i < 5; i++) await store.append(`unrelated-${i}`, [counted()]);
    expect(await r.waitForPosition(await store.headPosition(), 10_000)).toBe(true);

    expect(counts).toEqual({ events: 110, heads: 0 });
    expect(new Set(commits)).toEqual(new Set(projections.map((p) => p.name)));
    const all = (await store.readAll()).events;
    const only = (prefixes: string[]) => all.filter((e) => prefixes.some((p) => e.streamId.startsWith(p)));
    expect(toObject(r.readModel('count'))).toEqual(toObject(recount(only(['count-']))));
    expect(toObject(r.readModel('count-stored'))).toEqual(toObject(recount(only(['count-']))));
    expect(toObject(r.readModel('count-and-other'))).toEqual(toObject(recount(only(['count-', 'other-']))));
  });

  it('a projection behind the others catches up from its own checkpoint while they follow the store', async () => {
    await seedStore(store, 1500);
    const quick = eventCounterProjection({ name: 'quick' });
    const first = new ProjectionRunner(store, db, [quick], { batchSize: 64 });
    await first.start();
    expect(await first.waitForPosition(await store.headPosition(), 10_000)).toBe(true);
    await first.stop();

    // A projection new to the database starts from position 0, the other one from where it was.
    const slow = eventCounterProjection({ name: 'slow', busyMicrosPerEvent: 400 });
    const both = new ProjectionRunner(store, db, [quick, slow], { batchSize: 64, retryDelayMs: 20 });
    runners.push(both);
    await both.start();
    await store.append('count-live', [counted()]);
    expect(await both.waitForPosition(await store.headPosition(), 5_000, ['quick'])).toBe(true);
    expect(both.position('slow')).toBeLessThan(await store.headPosition());
    expect(await both.waitForPosition(await store.headPosition(), 20_000)).toBe(true);

    const expected = toObject(recount((await store.readAll()).events));
    expect(toObject(both.readModel('quick'))).toEqual(expected);
    expect(toObject(both.readModel('slow'))).toEqual(expected);
  });

  it('a projection whose commits fail retries from its own checkpoint, backing off, and holds the others back at no point', async () => {
    const r = new ProjectionRunner(store, db, [eventCounterProjection({ name: 'steady' }), eventCounterProjection({ name: 'flaky' })], { batchSize: 16, retryDelayMs: 20 });
    runners.push(r);
    await r.start();
    let failing = true;
    const commitBatch = db.commitBatch.bind(db);
    db.commitBatch = (name, ...rest) => {
      if (name === 'flaky' && failing) throw new Error('disk full');
      return commitBatch(name, ...rest);
    };
    await seedStore(store, 200);
    expect(await r.waitForPosition(await store.headPosition(), 10_000, ['steady'])).toBe(true);
    expect(r.position('flaky')).toBe(0);
    const flaky = (await r.status()).find((s) => s.name === 'flaky');
    expect(flaky?.lastError).toContain('disk full');

    failing = false;
    expect(await r.waitForPosition(await store.headPosition(), 10_000)).toBe(true);
    const expected = toObject(recount((await store.readAll()).events));
    expect(toObject(r.readModel('flaky'))).toEqual(expected);
    expect(toObject(r.readModel('steady'))).toEqual(expected);
    expect((await r.status()).map((s) => s.lastError)).toEqual([undefined, undefined]);
  });
});
