import { createServer } from 'node:net';
import { randomUUID } from 'node:crypto';
import { StoreUnavailableError } from '../event-store.errors';
import { EsdbEventStore } from './esdb-event-store.adapter';

// The real client against an address where nothing listens: what callers see while the server is down.

/** A local port that was free a moment ago, so connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('EsdbEventStore without a reachable server', () => {
  let store: EsdbEventStore;
  beforeEach(async () => {
    store = new EsdbEventStore(`esdb://127.0.0.1:${await closedPort()}?tls=false&defaultDeadline=2000`);
  });
  afterEach(() => store.close());

  it('rejects appends and reads with StoreUnavailableError, keeping the cause', async () => {
    const attempts = [
      store.append('deal-1', [{ eventId: randomUUID(), type: 'DealNoted', data: {}, metadata: {} }]),
      store.readStream('deal-1'),
      store.readAll({ maxCount: 1 }),
      store.headPosition(),
    ];
    for (const outcome of await Promise.allSettled(attempts)) {
      expect(outcome.status).toBe('rejected');
      const reason = (outcome as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(StoreUnavailableError);
      expect(reason.cause).toBeDefined();
    }
  });

  it('keeps a subscription retrying until close() ends it', async () => {
    const subscription = store.subscribeToAll({ fromPosition: 'end', filter: { streamPrefixes: ['deal-'] } });
    const pending = subscription[Symbol.asyncIterator]().next();
    const outcome = await Promise.race([pending, new Promise((resolve) => setTimeout(() => resolve('still waiting'), 500))]);
    expect(outcome).toBe('still waiting');
    await subscription.close();
    expect(await pending).toEqual({ done: true, value: undefined });
  });

  it('refuses every call once closed, and closes twice without harm', async () => {
    await store.close();
    await store.close();
    await expect(store.readStream('deal-1')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.append('deal-1', [])).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(() => store.subscribeToAll()).toThrow(StoreUnavailableError);
  });
});
