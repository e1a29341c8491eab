import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { EventToAppend } from '../event-store.port';
import { verifyChain } from '../hash-chain';
import { describeEventStoreContract } from '../testing';
import { take } from '../testing/contract/contract-fixtures';
import { tempDatabase } from '../testing/temp-database';
import { SqliteEventStore } from './sqlite-event-store.adapter';

describeEventStoreContract('SQLite file', async () => {
  const db = tempDatabase();
  const store = new SqliteEventStore({ path: db.path });
  return {
    store,
    cleanup: async () => {
      await store.close();
      db.remove();
    },
  };
});

describeEventStoreContract('SQLite in memory', async () => {
  const store = new SqliteEventStore({ path: ':memory:' });
  return { store, cleanup: () => store.close() };
});

const event = (type = 'DealNoted', data: unknown = {}): EventToAppend => ({ eventId: randomUUID(), type, data, metadata: {} });

describe('SqliteEventStore on a file', () => {
  let db: ReturnType<typeof tempDatabase>;
  let store: SqliteEventStore;
  beforeEach(() => {
    db = tempDatabase();
    store = new SqliteEventStore({ path: db.path });
  });
  afterEach(async () => {
    await store.close();
    db.remove();
  });

  it('creates the schema once, in WAL mode, and keeps the data when reopened', async () => {
    await store.append('deal-1', [event()]);
    await store.close();
    store = new SqliteEventStore({ path: db.path });
    await store.append('deal-1', [event()], { expectedRevision: 0 });
    expect(await store.readStream('deal-1')).toHaveLength(2);

    const raw = new Database(db.path, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.pragma('user_version', { simple: true })).toBe(1);
    } finally {
      raw.close();
    }
  });

  it('never reuses a position, even after the last row is deleted', async () => {
    const { position } = await store.append('deal-1', [event(), event()]);
    const raw = new Database(db.path);
    try {
      raw.prepare('DELETE FROM events WHERE position = ?').run(position);
    } finally {
      raw.close();
    }
    expect(await store.headPosition()).toBe(position - 1);
    const next = await store.append('deal-2', [event()]);
    expect(next.position).toBe(position + 1);
  });

  it('close() commits appends still waiting for their batch, and ends subscriptions', async () => {
    const subscription = store.subscribeToAll({ fromPosition: 'end' });
    const consuming = (async () => {
      const seen: string[] = [];
      for await (const e of subscription) seen.push(e.eventId);
      return seen;
    })();
    const pending = [store.append('deal-1', [event()]), store.append('deal-2', [event()])];
    await store.close();
    await expect(Promise.all(pending)).resolves.toHaveLength(2);
    await expect(consuming).resolves.toBeInstanceOf(Array);

    store = new SqliteEventStore({ path: db.path });
    expect((await store.readAll()).events).toHaveLength(2);
  });
});

describe('SqliteEventStore in memory', () => {
  let store: SqliteEventStore;
  afterEach(() => store.close());

  it('keeps recordedAt from going backwards when the clock steps back', async () => {
    const times = ['2030-01-01T00:00:05.000Z', '2030-01-01T00:00:01.000Z', '2030-01-01T00:00:07.000Z'];
    let call = 0;
    store = new SqliteEventStore({ path: ':memory:', now: () => new Date(times[call++]) });
    for (const _ of times) await store.append('deal-1', [event()]);
    const stamps = (await store.readStream('deal-1')).map((e) => e.metadata.recordedAt);
    expect(stamps).toEqual(['2030-01-01T00:00:05.000Z', '2030-01-01T00:00:05.000Z', '2030-01-01T00:00:07.000Z']);
  });

  it('wakes a waiting subscriber right after a commit, without waiting for a poll', async () => {
    store = new SqliteEventStore({ path: ':memory:', pollIntervalMs: 2 ** 31 - 1 });
    const subscription = store.subscribeToAll({ fromPosition: 'end' });
    const delivering = take(subscription[Symbol.asyncIterator](), 1);
    await new Promise((resolve) => setImmediate(resolve));
    const appended = event();
    await store.append('deal-1', [appended]);
    const [delivered] = await delivering;
    await subscription.close();
    expect(delivered.eventId).toBe(appended.eventId);
  });

  it('delivers a history longer than one page, in order, to a subscriber that starts late', async () => {
    store = new SqliteEventStore({ path: ':memory:' });
    const subscription = store.subscribeToAll();
    // Nobody consumes while 1,200 events are appended: appends must not wait for the consumer.
    for (let i = 0; i < 12; i++) {
      await store.append(`deal-${i % 4}`, Array.from({ length: 100 }, (_, j) => event('DealNoted', { n: i * 100 + j })));
    }
    const delivered = await take(subscription[Symbol.asyncIterator](), 1200);
    await subscription.close();
    expect(delivered.map((e) => (e.data as { n: number }).n)).toEqual(Array.from({ length: 1200 }, (_, n) => n));
  });

  it('a subscription with a rare filter passes over many unmatched events', async () => {
    store = new SqliteEventStore({ path: ':memory:' });
    await store.append('deal-1', Array.from({ length: 600 }, () => event('Noise')));
    const subscription = store.subscribeToAll({ filter: { eventTypes: ['Signal'] } });
    const iterator = subscription[Symbol.asyncIterator]();
    await store.append('deal-2', [event('Signal')]);
    const [first] = await take(iterator, 1);
    await store.append('deal-1', [...Array.from({ length: 300 }, () => event('Noise')), event('Signal')]);
    const [second] = await take(iterator, 1);
    await subscription.close();
    expect([first.streamId, second.streamId]).toEqual(['deal-2', 'deal-1']);
    expect(second.revision).toBe(900);
  });

  it('combines a stream-prefix and an event-type filter (both must match)', async () => {
    store = new SqliteEventStore({ path: ':memory:' });
    await store.append('deal-1', [event('A'), event('B')]);
    await store.append('team-1', [event('A'), event('B')]);
    const found = (await store.readAll({ filter: { streamPrefixes: ['deal-'], eventTypes: ['B'] } })).events;
    expect(found.map((e) => [e.streamId, e.type])).toEqual([['deal-1', 'B']]);
  });

  it('matches stream prefixes literally, even with GLOB characters in them', async () => {
    store = new SqliteEventStore({ path: ':memory:' });
    await store.append('a*[x]?-1', [event()]);
    await store.append('ab[x]?-1', [event()]);
    await store.append('A*[x]?-1', [event()]);
    const found = (await store.readAll({ filter: { streamPrefixes: ['a*[x]?'] } })).events;
    expect(found.map((e) => e.streamId)).toEqual(['a*[x]?-1']);
  });

  it('a retry fired in the same batch as its original is stored once', async () => {
    store = new SqliteEventStore({ path: ':memory:' });
    const events = [event(), event()];
    const results = await Promise.all(Array.from({ length: 10 }, () => store.append('deal-1', events, { expectedRevision: 'no_stream' })));
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    const stored = await store.readStream('deal-1');
    expect(stored).toHaveLength(2);
    expect(verifyChain(stored)).toEqual({ ok: true });
  });
});
