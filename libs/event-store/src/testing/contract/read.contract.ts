import { categoryOf } from '../category-of';
import { StoreGetter, anEvent, events, idsOf, uniqueCategory, uniqueStream } from './contract-fixtures';

export function readContract(store: StoreGetter): void {
  describe('reading a stream', () => {
    it('a missing stream reads as empty, both ways', async () => {
      expect(await store().readStream(uniqueStream())).toEqual([]);
      expect(await store().readStream(uniqueStream(), { direction: 'backwards' })).toEqual([]);
    });

    it('returns the events as appended, with the defaults filled in', async () => {
      const stream = uniqueStream();
      const plain = anEvent({ type: 'DealOpened', data: { name: 'Acme', amount: 12.5, tags: ['a'] }, metadata: { actor: 'u1' } });
      const versioned = anEvent({ type: 'DealRenamed', schemaVersion: 3, data: { name: 'Acme Ltd' } });
      await store().append(stream, [plain, versioned]);
      const [first, second] = await store().readStream(stream);
      expect(first).toMatchObject({ streamId: stream, revision: 0, eventId: plain.eventId, type: 'DealOpened', schemaVersion: 1, data: plain.data });
      expect(first.metadata).toEqual({ actor: 'u1', recordedAt: expect.any(String) });
      expect(second).toMatchObject({ revision: 1, eventId: versioned.eventId, schemaVersion: 3, data: { name: 'Acme Ltd' } });
    });

    it('forwards from an inclusive revision with a maximum count', async () => {
      const stream = uniqueStream();
      await store().append(stream, events(5));
      const revisions = async (options: Parameters<ReturnType<StoreGetter>['readStream']>[1]) =>
        (await store().readStream(stream, options)).map((e) => e.revision);
      expect(await revisions({})).toEqual([0, 1, 2, 3, 4]);
      expect(await revisions({ fromRevision: 2 })).toEqual([2, 3, 4]);
      expect(await revisions({ fromRevision: 1, maxCount: 2 })).toEqual([1, 2]);
      expect(await revisions({ maxCount: 1 })).toEqual([0]);
      expect(await revisions({ fromRevision: 5 })).toEqual([]);
    });

    it('backwards from an inclusive revision with a maximum count', async () => {
      const stream = uniqueStream();
      await store().append(stream, events(5));
      const revisions = async (options: Parameters<ReturnType<StoreGetter>['readStream']>[1]) =>
        (await store().readStream(stream, { direction: 'backwards', ...options })).map((e) => e.revision);
      expect(await revisions({})).toEqual([4, 3, 2, 1, 0]);
      expect(await revisions({ maxCount: 1 })).toEqual([4]);
      expect(await revisions({ fromRevision: 3, maxCount: 2 })).toEqual([3, 2]);
      expect(await revisions({ fromRevision: 0 })).toEqual([0]);
    });
  });

  describe('reading $all', () => {
    it('keeps append order across streams, with strictly increasing positions', async () => {
      const category = uniqueCategory();
      const [a, b] = [`${category}-a`, `${category}-b`];
      const appended = [];
      for (const stream of [a, b, a, b, b, a]) {
        const event = anEvent();
        await store().append(stream, [event]);
        appended.push(event);
      }
      const all = (await store().readAll({ filter: { streamPrefixes: [`${category}-`] } })).events;
      expect(idsOf(all)).toEqual(idsOf(appended));
      expect(all.map((e) => e.streamId)).toEqual([a, b, a, b, b, a]);
      all.slice(1).forEach((e, i) => expect(e.position).toBeGreaterThan(all[i].position));
      expect(await store().headPosition()).toBeGreaterThanOrEqual(all[all.length - 1].position);
    });

    it('reads after an exclusive position, forwards and backwards, with a maximum count', async () => {
      const stream = uniqueStream(uniqueCategory());
      await store().append(stream, events(5));
      const p = (await store().readStream(stream)).map((e) => e.position);
      const filter = { streamPrefixes: [stream] };
      const read = async (options: object) => (await store().readAll({ filter, ...options })).events.map((e) => e.position);
      expect(await read({ after: p[1] })).toEqual([p[2], p[3], p[4]]);
      expect(await read({ after: p[1], maxCount: 2 })).toEqual([p[2], p[3]]);
      expect(await read({ after: p[4] })).toEqual([]);
      expect(await read({ direction: 'backwards', after: p[3] })).toEqual([p[2], p[1], p[0]]);
      expect(await read({ direction: 'backwards', maxCount: 2 })).toEqual([p[4], p[3]]);
      expect(await read({ direction: 'backwards', after: p[0] })).toEqual([]);
    });

    it('filters by stream prefix', async () => {
      const [mine, other] = [uniqueCategory(), uniqueCategory()];
      await store().append(`${mine}-1`, events(1));
      await store().append(`${other}-1`, events(1));
      await store().append(`${mine}-2`, events(1));
      const all = (await store().readAll({ filter: { streamPrefixes: [`${mine}-`] } })).events;
      expect(all.map((e) => e.streamId)).toEqual([`${mine}-1`, `${mine}-2`]);
      const both = (await store().readAll({ filter: { streamPrefixes: [`${mine}-`, `${other}-`] } })).events;
      expect(both.map((e) => e.streamId)).toEqual([`${mine}-1`, `${other}-1`, `${mine}-2`]);
    });

    it('filters by event type', async () => {
      const [wanted, alsoWanted, unwanted] = [uniqueCategory(), uniqueCategory(), uniqueCategory()];
      const stream = uniqueStream();
      await store().append(stream, [anEvent({ type: wanted }), anEvent({ type: unwanted }), anEvent({ type: alsoWanted }), anEvent({ type: wanted })]);
      expect((await store().readAll({ filter: { eventTypes: [wanted] } })).events.map((e) => e.revision)).toEqual([0, 3]);
      expect((await store().readAll({ filter: { eventTypes: [wanted, alsoWanted] } })).events.map((e) => e.revision)).toEqual([0, 2, 3]);
      expect((await store().readAll({ direction: 'backwards', filter: { eventTypes: [wanted] } })).events.map((e) => e.revision)).toEqual([3, 0]);
    });

    it('the category of every stream found by a category prefix is that category', async () => {
      const category = uniqueCategory();
      await store().append(`${category}-42`, events(1));
      await store().append(`${category}-7-b`, events(1));
      const found = (await store().readAll({ filter: { streamPrefixes: [`${category}-`] } })).events;
      expect(found.map((e) => categoryOf(e.streamId))).toEqual([category, category]);
      expect(categoryOf('deal-42')).toBe('deal');
      expect(categoryOf('deal')).toBe('deal');
    });

    it('says how far a read scanned: past the events its filter leaves out, to where reading on misses nothing', async () => {
      const [mine, other] = [uniqueCategory(), uniqueCategory()];
      const filter = { streamPrefixes: [`${mine}-`] };
      await store().append(`${mine}-1`, events(1));
      const skipped = await store().append(`${other}-1`, events(2));
      const first = await store().readAll({ filter });
      expect(first.events.map((e) => e.streamId)).toEqual([`${mine}-1`]);
      expect(first.scannedTo).toBeGreaterThanOrEqual(skipped.position);
      const nothingYet = await store().readAll({ after: first.scannedTo, filter });
      expect(nothingYet.events).toEqual([]);
      expect(nothingYet.scannedTo).toBeGreaterThanOrEqual(first.scannedTo);

      await store().append(`${mine}-2`, events(3));
      const cut = await store().readAll({ after: nothingYet.scannedTo, filter, maxCount: 2 });
      expect(cut.events.map((e) => e.revision)).toEqual([0, 1]);
      expect(cut.scannedTo).toBe(cut.events[1].position);
      const rest = await store().readAll({ after: cut.scannedTo, filter });
      expect(rest.events.map((e) => e.revision)).toEqual([2]);
      expect(await store().readAll({ after: rest.scannedTo, filter, maxCount: 0 })).toEqual({ events: [], scannedTo: rest.scannedTo });
      expect((await store().readAll({ after: await store().headPosition() })).scannedTo).toBeGreaterThanOrEqual(await store().headPosition());

      const last = await store().readAll({ direction: 'backwards', filter, maxCount: 1 });
      expect(last.scannedTo).toBe(rest.events[0].position);
      expect((await store().readAll({ direction: 'backwards', after: last.scannedTo, filter })).scannedTo).toBe(0);
    });

    it('the head position grows with each append', async () => {
      const before = await store().headPosition();
      const result = await store().append(uniqueStream(), events(1));
      const after = await store().headPosition();
      expect(result.position).toBeGreaterThan(before);
      expect(after).toBeGreaterThanOrEqual(result.position);
    });
  });
}

