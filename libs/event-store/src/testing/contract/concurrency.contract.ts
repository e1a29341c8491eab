import { AppendResult } from '../../event-store.port';
import { WrongExpectedRevisionError } from '../../event-store.errors';
import { StoreGetter, anEvent, events, idsOf, uniqueStream } from './contract-fixtures';

export function concurrencyContract(store: StoreGetter): void {
  describe('concurrent appends to one stream', () => {
    it('of 20 appends fired at once with the same expected revision exactly one wins', async () => {
      const stream = uniqueStream();
      await store().append(stream, events(1));
      const contenders = events(20);
      const outcomes = await Promise.allSettled(contenders.map((e) => store().append(stream, [e], { expectedRevision: 0 })));

      const winners = outcomes.filter((o): o is PromiseFulfilledResult<AppendResult> => o.status === 'fulfilled');
      const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(winners).toHaveLength(1);
      expect(winners[0].value.nextExpectedRevision).toBe(1);
      expect(losers).toHaveLength(19);
      for (const loser of losers) {
        expect(loser.reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(loser.reason).toMatchObject({ expected: 0, actual: 1 });
      }
      const stored = await store().readStream(stream);
      expect(stored).toHaveLength(2);
      expect(stored[1].eventId).toBe(contenders[outcomes.indexOf(winners[0])].eventId);
    });

    it('50 appends each chained on the previous result keep revisions contiguous', async () => {
      const stream = uniqueStream();
      const appended = events(50);
      let expected: number | 'no_stream' = 'no_stream';
      for (const event of appended) {
        expected = (await store().append(stream, [event], { expectedRevision: expected })).nextExpectedRevision;
      }
      const stored = await store().readStream(stream);
      expect(stored.map((e) => e.revision)).toEqual(Array.from({ length: 50 }, (_, i) => i));
      expect(idsOf(stored)).toEqual(idsOf(appended));
    });

    it('50 appends fired at once with any each land exactly once, revisions contiguous', async () => {
      const stream = uniqueStream();
      const appended = Array.from({ length: 50 }, () => anEvent());
      const results = await Promise.all(appended.map((e) => store().append(stream, [e], { expectedRevision: 'any' })));
      expect(new Set(results.map((r) => r.nextExpectedRevision)).size).toBe(50);
      const stored = await store().readStream(stream);
      expect(stored.map((e) => e.revision)).toEqual(Array.from({ length: 50 }, (_, i) => i));
      expect(new Set(idsOf(stored))).toEqual(new Set(idsOf(appended)));
      for (const [i, result] of results.entries()) {
        expect(stored[result.nextExpectedRevision].eventId).toBe(appended[i].eventId);
      }
    });
  });
}
