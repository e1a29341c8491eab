import { InvalidAppendError, WrongExpectedRevisionError } from '../../event-store.errors';
import { StoreGetter, anEvent, events, idsOf, rejectionOf, uniqueStream } from './contract-fixtures';

export function expectedRevisionContract(store: StoreGetter): void {
  describe('expected revision', () => {
    it('no_stream creates a stream, starting at revision 0', async () => {
      const stream = uniqueStream();
      const result = await store().append(stream, events(2), { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(1);
      expect((await store().readStream(stream)).map((e) => e.revision)).toEqual([0, 1]);
    });

    it('no_stream on an existing stream fails with the actual revision and writes nothing', async () => {
      const stream = uniqueStream();
      await store().append(stream, events(2));
      const error = await rejectionOf(store().append(stream, events(1), { expectedRevision: 'no_stream' }), WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamId: stream, expected: 'no_stream', actual: 1, code: 'STORE.WRONG_EXPECTED_REVISION' });
      expect(await store().readStream(stream)).toHaveLength(2);
    });

    it('stream_exists on a missing stream fails with actual no_stream and creates nothing', async () => {
      const stream = uniqueStream();
      const error = await rejectionOf(store().append(stream, events(1), { expectedRevision: 'stream_exists' }), WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamId: stream, expected: 'stream_exists', actual: 'no_stream' });
      expect(await store().readStream(stream)).toEqual([]);
    });

    it('stream_exists on an existing stream appends', async () => {
      const stream = uniqueStream();
      await store().append(stream, events(1));
      const result = await store().append(stream, events(1), { expectedRevision: 'stream_exists' });
      expect(result.nextExpectedRevision).toBe(1);
    });

    it('an exact revision equal to the last event appends after it', async () => {
      const stream = uniqueStream();
      await store().append(stream, events(3));
      const result = await store().append(stream, events(2), { expectedRevision: 2 });
      expect(result.nextExpectedRevision).toBe(4);
      expect((await store().readStream(stream)).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
    });

    it.each([0, 1, 3, 7])('an exact revision %i on a stream at revision 2 fails and writes nothing', async (expected) => {
      const stream = uniqueStream();
      await store().append(stream, events(3));
      const error = await rejectionOf(store().append(stream, events(1), { expectedRevision: expected }), WrongExpectedRevisionError);
      expect(error).toMatchObject({ expected, actual: 2 });
      expect(await store().readStream(stream)).toHaveLength(3);
    });

    it('an exact revision on a missing stream fails with actual no_stream', async () => {
      const error = await rejectionOf(store().append(uniqueStream(), events(1), { expectedRevision: 0 }), WrongExpectedRevisionError);
      expect(error.actual).toBe('no_stream');
    });

    it('any appends to a missing and to an existing stream, and is the default', async () => {
      const stream = uniqueStream();
      expect((await store().append(stream, events(1), { expectedRevision: 'any' })).nextExpectedRevision).toBe(0);
      expect((await store().append(stream, events(1), { expectedRevision: 'any' })).nextExpectedRevision).toBe(1);
      expect((await store().append(stream, events(1))).nextExpectedRevision).toBe(2);
    });

    it('returns the position of the last appended event', async () => {
      const stream = uniqueStream();
      const result = await store().append(stream, events(3));
      const stored = await store().readStream(stream);
      expect(result.position).toBe(stored[2].position);
    });

    it('an empty append returns the current state, still checks the expectation and writes nothing', async () => {
      const stream = uniqueStream();
      expect((await store().append(stream, [])).nextExpectedRevision).toBe(-1);
      expect((await store().append(stream, [], { expectedRevision: 'no_stream' })).nextExpectedRevision).toBe(-1);
      await rejectionOf(store().append(stream, [], { expectedRevision: 'stream_exists' }), WrongExpectedRevisionError);
      await store().append(stream, events(2));
      expect((await store().append(stream, [], { expectedRevision: 1 })).nextExpectedRevision).toBe(1);
      await rejectionOf(store().append(stream, [], { expectedRevision: 0 }), WrongExpectedRevisionError);
      await rejectionOf(store().append(stream, [], { expectedRevision: 'no_stream' }), WrongExpectedRevisionError);
      expect(await store().readStream(stream)).toHaveLength(2);
    });
  });

  describe('append validation', () => {
    it('rejects an append that holds the same event id twice', async () => {
      const stream = uniqueStream();
      const event = anEvent();
      await rejectionOf(store().append(stream, [event, { ...event, type: 'Other' }]), InvalidAppendError);
      expect(await store().readStream(stream)).toEqual([]);
    });

    it('rejects metadata that already has recordedAt, since the store stamps it', async () => {
      const stream = uniqueStream();
      await rejectionOf(store().append(stream, [anEvent({ metadata: { recordedAt: '2020-01-01T00:00:00.000Z' } })]), InvalidAppendError);
      expect(await store().readStream(stream)).toEqual([]);
    });

    it('rejects an event id that is not a UUID', async () => {
      await rejectionOf(store().append(uniqueStream(), [anEvent({ eventId: 'not-a-uuid' })]), InvalidAppendError);
    });

    it('a rejected append does not affect another made at the same time', async () => {
      const stream = uniqueStream();
      const good = events(1);
      const [bad, ok] = await Promise.allSettled([
        store().append(stream, events(1), { expectedRevision: 5 }),
        store().append(stream, good, { expectedRevision: 'no_stream' }),
      ]);
      expect(bad.status).toBe('rejected');
      expect(ok.status).toBe('fulfilled');
      expect(idsOf(await store().readStream(stream))).toEqual(idsOf(good));
    });
  });
}
