import { PassThrough } from 'node:stream';
import { AccessDeniedError, UnavailableError } from '@eventstore/db-client';
import { RecordedEvent } from '../event-store.port';
import { ResolvedEventLike } from './esdb-event-envelope';
import { EsdbSubscription, EsdbSubscriptionOptions, Start, SubscriptionSource } from './esdb-subscription';

// These specs drive the resubscription logic with hand-fed object streams in place of the
// client's subscription; they say nothing about a server. The contract suite does that.

type Source = PassThrough & { unsubscribe: jest.Mock };

const at = (position: number, type = 'DealNoted'): ResolvedEventLike => ({
  event: {
    streamId: 'deal-1',
    id: `id-${position}`,
    revision: BigInt(position),
    type,
    isJson: true,
    data: {},
    position: { commit: BigInt(position), prepare: BigInt(position) },
  },
});

/** A subscription whose server streams the test feeds by hand; records where each one started. */
function harness(overrides: Partial<EsdbSubscriptionOptions> = {}) {
  const sources: Source[] = [];
  const starts: (number | 'start')[] = [];
  const subscription = new EsdbSubscription({
    start: async () => 'start',
    open: (from: Start) => {
      starts.push(from === 'start' ? 'start' : Number(from.commit));
      const source = Object.assign(new PassThrough({ objectMode: true }), { unsubscribe: jest.fn(async () => undefined) });
      sources.push(source);
      return source as SubscriptionSource;
    },
    accept: (resolved) =>
      resolved.event?.type === 'Skip' ? undefined : ({ eventId: resolved.event!.id, position: Number(resolved.event!.position!.commit) } as RecordedEvent),
    backoff: { initialMs: 1, maxMs: 4 },
    onClose: () => undefined,
    ...overrides,
  });
  const iterator = subscription[Symbol.asyncIterator]();
  const take = async (count: number) => {
    const taken: number[] = [];
    for (let i = 0; i < count; i++) {
      const next = await iterator.next();
      if (next.done) break;
      taken.push(next.value.position);
    }
    return taken;
  };
  const source = async (n: number) => {
    while (sources.length <= n) await new Promise((resolve) => setTimeout(resolve, 1));
    return sources[n];
  };
  return { subscription, iterator, take, source, sources, starts };
}

describe('EsdbSubscription', () => {
  it('delivers accepted events in order, passing over the rest and anything at or before the start', async () => {
    const h = harness({ start: async () => ({ commit: 100n, prepare: 100n }) });
    const first = await h.source(0);
    for (const record of [at(50), at(100), at(200), at(300, 'Skip'), at(400)]) first.write(record);
    expect(await h.take(2)).toEqual([200, 400]);
    expect(h.starts).toEqual([100]);
    await h.subscription.close();
  });

  it('after a drop, resubscribes from the last delivered position: nothing twice, nothing lost', async () => {
    const h = harness();
    const first = await h.source(0);
    for (const p of [100, 200, 300]) first.write(at(p));
    expect(await h.take(2)).toEqual([100, 200]);
    first.destroy(new UnavailableError());

    const second = await h.source(1);
    expect(h.starts).toEqual(['start', 200]);
    // Whatever the server sends again at or before the resume point is not delivered twice;
    // 300, held but never delivered before the drop, comes again from the server.
    for (const p of [200, 300, 400]) second.write(at(p));
    expect(await h.take(2)).toEqual([300, 400]);
    expect(first.unsubscribe).toHaveBeenCalled();
    await h.subscription.close();
  });

  it('tells the records it passes over to onScanned in their place among the events, and resumes after them', async () => {
    const told: string[] = [];
    const h = harness({ onScanned: (position) => told.push(`scanned ${position}`) });
    const first = await h.source(0);
    for (const record of [at(100), at(200, 'Skip'), at(300, 'Skip'), at(400), at(500, 'Skip')]) first.write(record);
    for (let i = 0; i < 2; i++) told.push(`event ${(await h.iterator.next()).value.position}`);
    const pending = h.iterator.next();
    while (told.length < 4) await new Promise((resolve) => setImmediate(resolve));
    expect(told).toEqual(['event 100', 'scanned 300', 'event 400', 'scanned 500']);

    first.destroy(new UnavailableError());
    (await h.source(1)).write(at(600));
    expect((await pending).value.position).toBe(600);
    expect(h.starts).toEqual(['start', 500]);
    await h.subscription.close();
  });

  it('resubscribes when the server ends the stream, too', async () => {
    const h = harness();
    const first = await h.source(0);
    first.write(at(100));
    expect(await h.take(1)).toEqual([100]);
    first.end();
    (await h.source(1)).write(at(200));
    expect(await h.take(1)).toEqual([200]);
    expect(h.starts).toEqual(['start', 100]);
    await h.subscription.close();
  });

  it('keeps retrying, with backoff, while the start cannot be resolved', async () => {
    let calls = 0;
    const h = harness({
      start: async () => {
        if (++calls < 4) throw new UnavailableError();
        return { commit: 900n, prepare: 900n };
      },
    });
    (await h.source(0)).write(at(1_000));
    expect(await h.take(1)).toEqual([1_000]);
    expect(calls).toBe(4);
    expect(h.starts).toEqual([900]);
    await h.subscription.close();
  });

  it('ends with the error when retrying cannot help', async () => {
    const h = harness();
    (await h.source(0)).destroy(new AccessDeniedError());
    await expect(h.iterator.next()).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await h.iterator.next()).toEqual({ done: true, value: undefined });
    expect(h.sources).toHaveLength(1);
  });

  it('close() ends a pending read and lets go of the server stream', async () => {
    const h = harness();
    const first = await h.source(0);
    const pending = h.iterator.next();
    await h.subscription.close();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(first.unsubscribe).toHaveBeenCalled();
    expect(first.destroyed).toBe(true);
  });

  it('pauses the server stream while the consumer lags, and resumes it once drained', async () => {
    const h = harness({ highWaterMark: 4 });
    const first = await h.source(0);
    for (let p = 1; p <= 10; p++) first.write(at(p * 100));
    await new Promise((resolve) => setImmediate(resolve));
    expect(first.isPaused()).toBe(true);
    expect(await h.take(10)).toEqual(Array.from({ length: 10 }, (_, i) => (i + 1) * 100));
    expect(first.isPaused()).toBe(false);
    await h.subscription.close();
  });
});
