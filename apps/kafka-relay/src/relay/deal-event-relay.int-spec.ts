import { DealLifecycleEventV1 } from '@deals/contracts';
import { SqliteEventStore } from '@deals/event-store';
import { recordDealHistories } from '../testing/deal-histories';
import { DealEventRelay } from '@deals/kafka-relay';
import { IntegrationEventPublisher } from '@deals/kafka-relay';
import { RelayCheckpoint } from '@deals/kafka-relay';

/** Keeps what it was asked to publish; fails the calls listed in `failOn` (1-based). */
class RecordingPublisher implements IntegrationEventPublisher {
  readonly published: DealLifecycleEventV1[] = [];
  calls = 0;
  constructor(private readonly failOn: readonly number[] = []) {}
  async publish(events: readonly DealLifecycleEventV1[]): Promise<void> {
    this.calls++;
    if (this.failOn.includes(this.calls)) throw new Error(`broker unavailable (call ${this.calls})`);
    this.published.push(...events);
  }
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('DealEventRelay (store → publisher, with its own checkpoint)', () => {
  let store: SqliteEventStore;
  let checkpoint: RelayCheckpoint;
  const relays: DealEventRelay[] = [];
  const relay = (publisher: IntegrationEventPublisher, batchSize = 7) => {
    const r = new DealEventRelay(store, publisher, checkpoint, { batchSize, lingerMs: 5, retryDelayMs: 10 });
    relays.push(r);
    r.start();
    return r;
  };

  beforeEach(() => {
    store = new SqliteEventStore({ path: ':memory:' });
    checkpoint = new RelayCheckpoint(':memory:', 'deal-lifecycle:test');
  });
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    checkpoint.close();
    await store.close();
  });

  it('publishes every deal event once, in $all order, and nothing of other streams', async () => {
    const { events } = await recordDealHistories(store, 5);
    const publisher = new RecordingPublisher();
    const r = relay(publisher);
    const deals = (await store.readAll()).events.filter((e) => e.streamId.startsWith('deal-'));
    await until(() => publisher.published.length >= events);

    expect(publisher.published.map((e) => e.eventId)).toEqual(deals.map((e) => e.eventId));
    expect(r.checkpointPosition).toBe(deals.at(-1)?.position);
    expect(checkpoint.load()).toBe(deals.at(-1)?.position);
  });

  it('publishes live events after the history', async () => {
    await recordDealHistories(store, 2);
    const publisher = new RecordingPublisher();
    relay(publisher);
    await until(() => publisher.published.length === 12);
    const { events } = await recordDealHistories(store, 3);
    await until(() => publisher.published.length === 12 + events);
    const positions = publisher.published.map((e) => e.globalPosition);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('after a failed publish starts again from the checkpoint: nothing skipped, the checkpoint never ahead', async () => {
    const { events } = await recordDealHistories(store, 4);
    const publisher = new RecordingPublisher([2, 3, 5]);
    relay(publisher, 5);
    await until(() => new Set(publisher.published.map((e) => e.eventId)).size === events);
    const all = (await store.readAll()).events.filter((e) => e.streamId.startsWith('deal-'));
    expect(publisher.published.map((e) => e.eventId)).toEqual(all.map((e) => e.eventId));
    expect(checkpoint.load()).toBe(all.at(-1)?.position);
  });

  it('a restarted relay goes on from its stored checkpoint', async () => {
    await recordDealHistories(store, 2);
    const first = new RecordingPublisher();
    const r = relay(first);
    await until(() => first.published.length === 12);
    await r.stop();
    const { events } = await recordDealHistories(store, 1);

    const second = new RecordingPublisher();
    relay(second);
    await until(() => second.published.length === events);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(second.published).toHaveLength(events);
    expect(second.published[0].globalPosition).toBeGreaterThan(first.published.at(-1)!.globalPosition);
  });
});
