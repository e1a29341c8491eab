import { GENESIS_HASH, computeEventHash, verifyChain } from '../../hash-chain';
import { RecordedEvent } from '../../event-store.port';
import { StoreGetter, events, uniqueCategory, uniqueStream } from './contract-fixtures';

const ISO_WITH_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function integrityContract(store: StoreGetter): void {
  describe('recordedAt', () => {
    it('is stamped by the store as ISO-8601 with milliseconds, and never decreases along $all', async () => {
      const category = uniqueCategory();
      for (let i = 0; i < 10; i++) await store().append(`${category}-${i % 3}`, events(1 + (i % 2)));
      const all = (await store().readAll({ filter: { streamPrefixes: [`${category}-`] } })).events;
      expect(all).toHaveLength(15);
      for (const event of all) expect(event.metadata.recordedAt).toMatch(ISO_WITH_MS);
      all.slice(1).forEach((e, i) => expect(e.metadata.recordedAt >= all[i].metadata.recordedAt).toBe(true));
    });
  });

  describe('hash chain', () => {
    async function chainOf(count: number): Promise<RecordedEvent[]> {
      const stream = uniqueStream();
      await store().append(stream, events(1));
      await store().append(stream, events(count - 1));
      return store().readStream(stream);
    }

    it('links each event to the previous one and verifies', async () => {
      const chain = await chainOf(4);
      expect(chain[0].prevHash).toBe(GENESIS_HASH);
      chain.slice(1).forEach((e, i) => expect(e.prevHash).toBe(chain[i].hash));
      for (const event of chain) {
        expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(computeEventHash(event.prevHash, event)).toBe(event.hash);
      }
      expect(verifyChain(chain)).toEqual({ ok: true });
    });

    it('fails verification at a tampered event', async () => {
      const chain = await chainOf(4);
      const tamperedData = chain.map((e) => (e.revision === 2 ? { ...e, data: { i: 99 } } : e));
      expect(verifyChain(tamperedData)).toMatchObject({ ok: false, revision: 2, eventId: chain[2].eventId });
      const tamperedMetadata = chain.map((e) => (e.revision === 1 ? { ...e, metadata: { ...e.metadata, recordedAt: '2000-01-01T00:00:00.000Z' } } : e));
      expect(verifyChain(tamperedMetadata)).toMatchObject({ ok: false, revision: 1 });
    });

    it('fails verification when an event is missing', async () => {
      const chain = await chainOf(4);
      expect(verifyChain([chain[0], chain[1], chain[3]])).toMatchObject({ ok: false, revision: 3 });
    });
  });
}
