import { randomUUID } from 'node:crypto';
import { EventStore, RecordedEvent, SubscribeOptions } from '../event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store.adapter';
import { BatchHandler, CheckpointedConsumer, CheckpointedConsumerOptions, ConsumerCheckpoint } from './checkpointed-consumer';
import { ConsumerBatch } from './subscription-batches';

const anEvent = () => ({ eventId: randomUUID(), type: 'Noted', data: {}, metadata: {} });

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A checkpoint kept in memory, remembering every save. */
class MemoryCheckpoint implements ConsumerCheckpoint {
  readonly saves: number[] = [];
  constructor(private position = 0) {}
  load(): number {
    return this.position;
  }
  save(position: number): void {
    this.saves.push(position);
    this.position = position;
  }
}

/** What a handler saw: each batch, with the checkpoint as it stood while the batch was handled. */
function recorder(checkpoint: MemoryCheckpoint, fail: (call: number, batch: ConsumerBatch) => boolean = () => false) {
  const batches: (ConsumerBatch & { checkpointWhileHandled: number })[] = [];
  let calls = 0;
  const handle: BatchHandler = async (batch) => {
    calls++;
    batches.push({ ...batch, checkpointWhileHandled: checkpoint.load() });
    await new Promise((resolve) => setImmediate(resolve));
    if (fail(calls, batch)) throw new Error(`handler failed (call ${calls})`);
  };
  const handled = () => batches.flatMap((b) => b.events.map((e) => e.position));
  return { batches, handle, handled, calls: () => calls };
}

describe('CheckpointedConsumer (real SQLite)', () => {
  let store: SqliteEventStore;
  const consumers: CheckpointedConsumer[] = [];
  const consumer = (on: EventStore, checkpoint: ConsumerCheckpoint, handle: BatchHandler, options: Partial<CheckpointedConsumerOptions> = {}) => {
    const c = new CheckpointedConsumer(on, checkpoint, handle, { batchSize: 4, lingerMs: 0, retry: { initialMs: 10, maxMs: 40 }, ...options });
    consumers.push(c);
    c.start();
    return c;
  };
  const append = async (streamId: string, count = 1) => {
    let position = 0;
    for (let i = 0; i < count; i++) position = (await store.append(streamId, [anEvent()])).position;
    return position;
  };

  beforeEach(() => {
    store = new SqliteEventStore({ path: ':memory:' });
  });
  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((c) => c.stop()));
    await store.close();
  });

  it('hands over the history, then live events, in batches of at most batchSize, in order, each after the last', async () => {
    await append('a-1', 10);
    const checkpoint = new MemoryCheckpoint();
    const seen = recorder(checkpoint);
    const c = consumer(store, checkpoint, seen.handle);
    await until(() => seen.handled().length === 10);
    await append('a-2', 3);
    await until(() => seen.handled().length === 13);

    const all = (await store.readAll()).events.map((e) => e.position);
    expect(seen.handled()).toEqual(all);
    expect(seen.batches.every((b) => b.events.length <= 4)).toBe(true);
    expect(seen.batches.slice(0, 3).map((b) => b.events.length)).toEqual([4, 4, 2]);
    seen.batches.forEach((b, i) => expect(b.after).toBe(i === 0 ? 0 : seen.batches[i - 1].scannedTo));
    await until(() => c.checkpointPosition === all.at(-1));
  });

  it('lingers for more events up to lingerMs; with 0 it hands over what is there', async () => {
    const lingering = recorder(new MemoryCheckpoint());
    consumer(store, new MemoryCheckpoint(), lingering.handle, { lingerMs: 300, batchSize: 10 });
    const prompt = recorder(new MemoryCheckpoint());
    consumer(store, new MemoryCheckpoint(), prompt.handle, { lingerMs: 0, batchSize: 10 });
    for (let i = 0; i < 3; i++) {
      await append('a-1');
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    await until(() => lingering.handled().length === 3 && prompt.handled().length === 3);
    expect(lingering.batches.map((b) => b.events.length)).toEqual([3]);
    expect(prompt.batches.map((b) => b.events.length)).toEqual([1, 1, 1]);
  });

  it('with lingerMs 0, hands a batch over in the turn of the event loop that committed its events', async () => {
    const turnsSeen: boolean[] = [];
    let turned = false;
    consumer(store, new MemoryCheckpoint(), (batch) => {
      turnsSeen.push(turned);
      expect(batch.events).toHaveLength(3);
    }, { batchSize: 10 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await store.append('a-1', [anEvent(), anEvent(), anEvent()]);
    setImmediate(() => (turned = true));
    await until(() => turnsSeen.length === 1);
    expect(turnsSeen).toEqual([false]);
  });

  it('moves the checkpoint past a batch only once its handler has returned; a failed batch comes again from the checkpoint', async () => {
    await append('a-1', 9);
    const checkpoint = new MemoryCheckpoint();
    const errors: [string, number][] = [];
    const seen = recorder(checkpoint, (call) => call === 2 || call === 3);
    consumer(store, checkpoint, seen.handle, { onError: (error, position) => errors.push([(error as Error).message, position]) });
    await until(() => new Set(seen.handled()).size === 9 && checkpoint.load() === 9);

    // Calls 2 and 3 failed: the batch after 4 was handed over three times, the checkpoint stayed at 4 meanwhile.
    expect(seen.batches.map((b) => [b.after, b.events.map((e) => e.position)])).toEqual([
      [0, [1, 2, 3, 4]],
      [4, [5, 6, 7, 8]],
      [4, [5, 6, 7, 8]],
      [4, [5, 6, 7, 8]],
      [8, [9]],
    ]);
    expect(seen.batches.map((b) => b.checkpointWhileHandled)).toEqual([0, 4, 4, 4, 8]);
    expect(checkpoint.saves).toEqual([4, 8, 9]);
    expect(errors).toEqual([
      ['handler failed (call 2)', 4],
      ['handler failed (call 3)', 4],
    ]);
  });

  it('goes on from a saved checkpoint after a restart: nothing twice, nothing lost', async () => {
    await append('a-1', 5);
    const checkpoint = new MemoryCheckpoint();
    const first = recorder(checkpoint);
    const c = consumer(store, checkpoint, first.handle);
    await until(() => checkpoint.load() === 5);
    await c.stop();
    await append('a-1', 3);
    const second = recorder(checkpoint);
    consumer(store, checkpoint, second.handle);
    await until(() => second.handled().length === 3);
    expect(second.handled()).toEqual([6, 7, 8]);
    expect(second.batches[0].after).toBe(5);
  });

  it("follows the head past events its filter leaves out: a batch with no event says how far the store looked", async () => {
    await append('a-1', 2);
    const checkpoint = new MemoryCheckpoint();
    const seen = recorder(checkpoint);
    consumer(store, checkpoint, seen.handle, { filter: { streamPrefixes: ['a-'] } });
    await until(() => checkpoint.load() === 2);
    const passed = await append('b-1', 3);
    await until(() => checkpoint.load() === passed);
    expect(seen.handled()).toEqual([1, 2]);
    expect(seen.batches.at(-1)).toMatchObject({ events: [], scannedTo: passed });
    const next = await append('a-2');
    await until(() => seen.handled().length === 3);
    expect(seen.batches.at(-1)).toMatchObject({ after: passed, scannedTo: next });
  });

  it('retries a subscription that fails, backing off, and tells onError each time', async () => {
    await append('a-1', 3);
    let subscribes = 0;
    const failing: EventStore = Object.create(store, {
      subscribeToAll: {
        value: (options: SubscribeOptions) => {
          if (++subscribes <= 2) throw new Error(`store unavailable (${subscribes})`);
          return store.subscribeToAll(options);
        },
      },
    });
    const errors: string[] = [];
    const checkpoint = new MemoryCheckpoint();
    const seen = recorder(checkpoint);
    const started = Date.now();
    consumer(failing, checkpoint, seen.handle, { retry: { initialMs: 100, maxMs: 1000 }, onError: (error) => errors.push((error as Error).message) });
    await until(() => checkpoint.load() === 3);
    // Two waits: at least half of 100 ms, then at least half of 200 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(errors).toEqual(['store unavailable (1)', 'store unavailable (2)']);
    expect(seen.handled()).toEqual([1, 2, 3]);
  });

  it('stop() lets the batch in hand finish and saves it, then hands over nothing more', async () => {
    const checkpoint = new MemoryCheckpoint();
    let release: (() => void) | undefined;
    const handled: RecordedEvent[][] = [];
    const c = consumer(store, checkpoint, async (batch) => {
      await new Promise<void>((resolve) => (release = resolve));
      handled.push([...batch.events]);
    });
    const position = await append('a-1');
    await until(() => release !== undefined);
    const stopping = c.stop();
    await append('a-1');
    release!();
    await stopping;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(handled.map((events) => events.map((e) => e.position))).toEqual([[position]]);
    expect(checkpoint.saves).toEqual([position]);
  });

  it('stop() does not wait out a retry', async () => {
    const c = consumer(store, new MemoryCheckpoint(), () => Promise.reject(new Error('always')), { retry: { initialMs: 60_000, maxMs: 60_000 } });
    await append('a-1');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await c.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
