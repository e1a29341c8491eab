import { IdempotencyConflictError } from '../../event-store.errors';
import { ContractCapabilities } from './capabilities';
import { StoreGetter, anEvent, events, idsOf, rejectionOf, uniqueStream } from './contract-fixtures';

export function idempotencyContract(store: StoreGetter, capabilities: ContractCapabilities = {}): void {
  const acrossStreams = capabilities.globalEventIdIndex === false
    ? (title: string, fn: () => Promise<void>) => it.skip(`${title} (skipped: this store has no global event-id index)`, fn)
    : it;
  describe('idempotent append by event id', () => {
    it('a retry with no_stream returns the original result and writes nothing', async () => {
      const stream = uniqueStream();
      const batch = events(2);
      const first = await store().append(stream, batch, { expectedRevision: 'no_stream' });
      const retry = await store().append(stream, batch, { expectedRevision: 'no_stream' });
      expect(retry).toEqual(first);
      expect(idsOf(await store().readStream(stream))).toEqual(idsOf(batch));
    });

    it('a retry with the same exact revision returns the original result, even after the stream moved on', async () => {
      const stream = uniqueStream();
      await store().append(stream, events(1));
      const batch = events(2);
      const first = await store().append(stream, batch, { expectedRevision: 0 });
      expect(await store().append(stream, batch, { expectedRevision: 0 })).toEqual(first);
      await store().append(stream, events(1), { expectedRevision: 2 });
      expect(await store().append(stream, batch, { expectedRevision: 0 })).toEqual(first);
      expect(await store().readStream(stream)).toHaveLength(4);
    });

    it('a retry with any returns the original result and writes nothing', async () => {
      const stream = uniqueStream();
      await store().append(stream, events(2));
      const batch = events(3);
      const first = await store().append(stream, batch, { expectedRevision: 'any' });
      expect(first.nextExpectedRevision).toBe(4);
      expect(await store().append(stream, batch, { expectedRevision: 'any' })).toEqual(first);
      expect(await store().readStream(stream)).toHaveLength(5);
    });

    it('a retry of one event in the middle of the stream returns that event revision and position', async () => {
      const stream = uniqueStream();
      const batch = events(4);
      await store().append(stream, batch);
      const stored = await store().readStream(stream);
      const retry = await store().append(stream, [batch[1]]);
      expect(retry).toEqual({ nextExpectedRevision: 1, position: stored[1].position });
    });

    it('some ids stored and some not is a conflict that writes nothing', async () => {
      const stream = uniqueStream();
      const batch = events(2);
      await store().append(stream, batch);
      const fresh = anEvent();
      const error = await rejectionOf(store().append(stream, [batch[1], fresh]), IdempotencyConflictError);
      expect(error).toMatchObject({ streamId: stream, code: 'STORE.IDEMPOTENCY_CONFLICT' });
      expect(error.eventIds).toContain(batch[1].eventId);
      expect(error.eventIds).not.toContain(fresh.eventId);
      expect(idsOf(await store().readStream(stream))).toEqual(idsOf(batch));
    });

    acrossStreams('ids stored in another stream are a conflict', async () => {
      const batch = events(1);
      await store().append(uniqueStream(), batch);
      const other = uniqueStream();
      const error = await rejectionOf(store().append(other, batch), IdempotencyConflictError);
      expect(error.eventIds).toEqual(idsOf(batch));
      expect(await store().readStream(other)).toEqual([]);
    });

    it('ids stored in another order, or not consecutively, are a conflict', async () => {
      const stream = uniqueStream();
      const batch = events(3);
      await store().append(stream, batch);
      await rejectionOf(store().append(stream, [batch[1], batch[0]]), IdempotencyConflictError);
      await rejectionOf(store().append(stream, [batch[0], batch[2]]), IdempotencyConflictError);
      expect(await store().readStream(stream)).toHaveLength(3);
    });
  });
}
