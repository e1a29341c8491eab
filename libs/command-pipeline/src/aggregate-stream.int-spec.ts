import { randomUUID } from 'node:crypto';
import { createDealDecider } from '@deals/domain';
import { SqliteEventStore } from '@deals/event-store';
import { handleCommand } from './handle-command';
import { IdempotencyKeyReusedError } from './command-pipeline.errors';
import { StreamStateCache } from './aggregate-stream';

const actor = { id: 'ana.ae', roles: ['rep'] };
const decider = createDealDecider();

function openDeal(dealId: string) {
  return {
    type: 'OpenDeal' as const,
    data: { dealId, name: 'Cached', account: { name: 'C' }, ownerId: 'ana.ae', currency: 'EUR', expectedAmountMinor: 100 },
    metadata: { commandId: randomUUID(), actor, now: new Date().toISOString() },
  };
}

function contact(ref: string, commandId: string = randomUUID()) {
  return {
    type: 'RecordContactMade' as const,
    data: { channel: 'email', evidence: { kind: 'email' as const, ref } },
    metadata: { commandId, actor, now: new Date().toISOString() },
  };
}

describe('handleCommand with a StreamStateCache (real SQLite)', () => {
  let store: SqliteEventStore;
  beforeEach(() => {
    store = new SqliteEventStore({ path: ':memory:' });
  });
  afterEach(() => store.close());

  it('folds from the cached revision plus what others wrote since, and answers like an uncached path', async () => {
    const dealId = randomUUID();
    const stream = `deal-${dealId}`;
    const cache = new StreamStateCache();
    await handleCommand(store, decider, stream, openDeal(dealId), { cache });
    await handleCommand(store, decider, stream, contact('<a@x>'), { cache });
    // Another writer (no cache) appends behind the cache's back.
    await handleCommand(store, decider, stream, contact('<b@x>'), {});

    const cached = await handleCommand(store, decider, stream, contact('<c@x>'), { cache, expectedRevision: 2 });
    expect(cached.revision).toBe(3);
    expect(cache.get(stream)?.revision).toBe(2);
    const uncached = await handleCommand(store, decider, stream, contact('<d@x>'), { expectedRevision: 3 });
    expect(uncached.revision).toBe(4);
    const next = await handleCommand(store, decider, stream, contact('<e@x>'), { cache, expectedRevision: 4 });
    expect(next.revision).toBe(5);
    expect(cache.get(stream)?.revision).toBe(4);
    expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('answers a retried command from the cached stream, and refuses a reused key with another body', async () => {
    const dealId = randomUUID();
    const stream = `deal-${dealId}`;
    const cache = new StreamStateCache();
    await handleCommand(store, decider, stream, openDeal(dealId), { cache });
    const commandId = randomUUID();
    const first = await handleCommand(store, decider, stream, contact('<a@x>', commandId), { idempotencyKey: 'k1', cache });
    await handleCommand(store, decider, stream, contact('<b@x>'), { cache });
    const retry = await handleCommand(store, decider, stream, contact('<a@x>', commandId), { idempotencyKey: 'k1', cache });
    expect(retry).toMatchObject({ replayed: true, revision: first.revision, position: first.position, events: first.events });
    await expect(handleCommand(store, decider, stream, contact('<z@x>', commandId), { idempotencyKey: 'k1', cache }))
      .rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(await store.readStream(stream)).toHaveLength(3);
  });

  it('keeps the most recently used streams and never goes back to an older revision', () => {
    const cache = new StreamStateCache<number>(2);
    const entry = (revision: number) => ({ revision, position: revision, state: revision, commands: new Map() });
    cache.set('a', entry(1));
    cache.set('b', entry(1));
    cache.get('a');
    cache.set('c', entry(1));
    expect([cache.get('a')?.revision, cache.get('b'), cache.get('c')?.revision]).toEqual([1, undefined, 1]);
    cache.set('a', entry(5));
    cache.set('a', entry(3));
    expect(cache.get('a')?.revision).toBe(5);
    expect(cache.size).toBe(2);
  });
});
