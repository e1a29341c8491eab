import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '../event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store.adapter';
import { StreamFamilyFollower } from './stream-family-follower';

const anEvent = (n: number) => ({ eventId: randomUUID(), type: 'Noted', data: { n }, metadata: {} });

describe('StreamFamilyFollower (real SQLite)', () => {
  let store: SqliteEventStore;
  let follower: StreamFamilyFollower;
  const seen: string[] = [];

  beforeEach(() => {
    store = new SqliteEventStore({ path: ':memory:' });
    seen.length = 0;
    follower = new StreamFamilyFollower('user-', (event: RecordedEvent) => seen.push(`${event.streamId}:${(event.data as { n: number }).n}`));
  });
  afterEach(async () => {
    await follower.stop();
    await store.close();
  });

  it('reads the family once in pages, in order, and nothing of other streams', async () => {
    for (let n = 0; n < 1205; n++) await store.append(n % 2 ? 'user-a' : 'deal-x', [anEvent(n)]);
    await follower.load(store);
    expect(seen).toHaveLength(602);
    expect(seen[0]).toBe('user-a:1');
    expect(seen.at(-1)).toBe('user-a:1203');
    expect(follower.position).toBe(1204);
  });

  it('follows new events and answers waitFor once the view holds a position; an event is folded once', async () => {
    await store.append('user-a', [anEvent(1)]);
    await follower.start(store);
    const { position } = await store.append('user-b', [anEvent(2)]);
    await follower.waitFor(position);
    expect(seen).toEqual(['user-a:1', 'user-b:2']);
    const [again] = await store.readStream('user-b');
    expect(follower.apply(again)).toBe(false);
    expect(seen).toHaveLength(2);
  });

  it('moves on past an event whose fold throws, and still wakes a waiter at it', async () => {
    const failing = new StreamFamilyFollower('user-', (event) => {
      if ((event.data as { n: number }).n === 2) throw new Error('unreadable');
      seen.push(event.streamId);
    });
    await store.append('user-a', [anEvent(1), anEvent(2)]);
    const [first, second] = await store.readStream('user-a');
    const waiting = failing.waitFor(second.position);
    failing.apply(first);
    expect(() => failing.apply(second)).toThrow('unreadable');
    await waiting;
    expect(failing.position).toBe(second.position);
  });

  it('tells `applied` each event once the view holds it and its waiters are woken, and not an event whose fold threw', async () => {
    const told: string[] = [];
    const telling: StreamFamilyFollower = new StreamFamilyFollower(
      'user-',
      (event) => {
        if ((event.data as { n: number }).n === 2) throw new Error('unreadable');
      },
      (event) => told.push(`${event.streamId}@${event.position} held up to ${telling.position}`),
    );
    await store.append('user-a', [anEvent(1), anEvent(2), anEvent(3)]);
    const [first, second, third] = await store.readStream('user-a');
    let woken = false;
    void telling.waitFor(first.position).then(() => (woken = true));
    telling.apply(first);
    expect(() => telling.apply(second)).toThrow('unreadable');
    telling.apply(third);
    expect(told).toEqual([`user-a@${first.position} held up to ${first.position}`, `user-a@${third.position} held up to ${third.position}`]);
    await Promise.resolve();
    expect(woken).toBe(true);
  });
});
