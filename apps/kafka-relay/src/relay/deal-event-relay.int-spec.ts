import { randomUUID } from 'node:crypto';
import { DealLifecycleEventV1 } from '@deals/contracts';
import { SqliteEventStore } from '@deals/event-store';
import { appendPoisonEvent, recordDealHistories } from '../testing/deal-histories';
import { DealEventRelay, IntegrationEventPublisher, PoisonEventError, RelayCheckpoint, RelayOptions } from '@deals/kafka-relay';

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
  const relay = (publisher: IntegrationEventPublisher, batchSize = 7, options: Partial<RelayOptions> = {}) => {
    const r = new DealEventRelay(store, publisher, checkpoint, { batchSize, lingerMs: 5, retryDelayMs: 10, ...options });
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

  describe('a poison event (one the contract cannot map)', () => {
    it('publishes and checkpoints every event before it, withholds it and what follows, and names it in the status', async () => {
      const { dealIds } = await recordDealHistories(store, 30);
      const poison = await appendPoisonEvent(store, dealIds[3]);
      await recordDealHistories(store, 5);
      const deals = (await store.readAll()).events.filter((e) => e.streamId.startsWith('deal-'));
      const before = deals.filter((e) => e.position < poison.position);
      expect(deals.length).toBeGreaterThan(before.length + 1);
      const errors: unknown[] = [];
      const publisher = new RecordingPublisher();
      const r = relay(publisher, 500, { onError: (error) => errors.push(error) });

      await until(() => (r.status.stall?.attempts ?? 0) >= 3);
      expect(publisher.published.map((e) => e.eventId)).toEqual(before.map((e) => e.eventId));
      expect(checkpoint.load()).toBe(before.at(-1)?.position);
      expect(r.checkpointPosition).toBe(before.at(-1)?.position);
      expect(r.status).toMatchObject({
        state: 'stalled',
        checkpointPosition: before.at(-1)?.position,
        stall: {
          eventId: poison.eventId,
          eventType: 'BuyerResponded',
          streamId: `deal-${dealIds[3]}`,
          streamRevision: poison.revision,
          position: poison.position,
          code: 'CONTRACT.UNMAPPABLE_EVENT',
          reason: expect.stringContaining('schema version 2'),
        },
      });
      expect(Date.parse(r.status.stall!.since)).not.toBeNaN();
      expect(errors.every((e) => e instanceof PoisonEventError)).toBe(true);
    });

    it('retries it with a growing wait, not a fixed 1 s loop', async () => {
      const { dealIds } = await recordDealHistories(store, 3);
      await store.append('account-activity-2026-03-01', [{ eventId: randomUUID(), type: 'SignedIn', data: {}, metadata: {} }]);
      await appendPoisonEvent(store, dealIds[0]);
      const waits: number[] = [];
      relay(new RecordingPublisher(), 500, { retryDelayMs: 4, maxRetryDelayMs: 10_000, onError: (_, __, retryInMs) => waits.push(retryInMs) });
      await until(() => waits.length >= 7);
      // The ceiling doubles from 4 ms: the 7th wait is at least half of 256 ms.
      expect(waits[6]).toBeGreaterThanOrEqual(128);
    });
  });
});
