import { randomUUID } from 'node:crypto';
import { AppendResult, EventToAppend } from '../event-store.port';
import { WrongExpectedRevisionError } from '../event-store.errors';
import { tempDatabase } from '../testing/temp-database';
import { walCommitCount } from '../testing/wal-commit-count';
import { SqliteEventStore } from './sqlite-event-store.adapter';

const event = (): EventToAppend => ({ eventId: randomUUID(), type: 'DealNoted', data: {}, metadata: {} });

describe('SqliteEventStore group commit', () => {
  let db: ReturnType<typeof tempDatabase>;
  let store: SqliteEventStore;
  let clockCalls: number;
  beforeEach(() => {
    db = tempDatabase();
    clockCalls = 0;
    // A clock that moves 1 ms per reading: one stamp per transaction shows up as identical recordedAt.
    store = new SqliteEventStore({ path: db.path, now: () => new Date(Date.UTC(2030, 0, 1) + clockCalls++) });
  });
  afterEach(async () => {
    await store.close();
    db.remove();
  });

  it('commits 100 appends fired in the same tick as one transaction', async () => {
    const before = walCommitCount(db.path);
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => store.append(`deal-${i % 7}`, [event(), event()])));
    expect(walCommitCount(db.path) - before).toBe(1);

    const all = (await store.readAll()).events;
    expect(all).toHaveLength(200);
    expect(new Set(all.map((e) => e.metadata.recordedAt)).size).toBe(1);
    expect(results.map((r) => r.position)).toEqual(Array.from({ length: 100 }, (_, i) => all[0].position + 2 * i + 1));
  });

  it('commits appends awaited one by one as separate transactions (the counter is not blind)', async () => {
    const before = walCommitCount(db.path);
    for (let i = 0; i < 5; i++) await store.append('deal-1', [event()]);
    expect(walCommitCount(db.path) - before).toBe(5);
    expect(new Set((await store.readAll()).events.map((e) => e.metadata.recordedAt)).size).toBe(5);
  });

  it('commits the appends of a batch that passed their checks, and only those', async () => {
    await store.append('deal-1', [event()]);
    const before = walCommitCount(db.path);
    const outcomes = await Promise.allSettled([
      store.append('deal-1', [event()], { expectedRevision: 0 }),
      store.append('deal-1', [event()], { expectedRevision: 0 }),
      store.append('deal-2', [event(), event()], { expectedRevision: 'no_stream' }),
      store.append('deal-3', [event()], { expectedRevision: 'stream_exists' }),
    ]);
    expect(walCommitCount(db.path) - before).toBe(1);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect((outcomes[2] as PromiseFulfilledResult<AppendResult>).value.nextExpectedRevision).toBe(1);
    expect((await store.readAll()).events.map((e) => e.streamId)).toEqual(['deal-1', 'deal-1', 'deal-2', 'deal-2']);
  });
});
