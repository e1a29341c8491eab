import { RecordedEvent } from '../../event-store.port';
import { StoreGetter, anEvent, events, idsOf, settle, take, uniqueCategory } from './contract-fixtures';

export function subscriptionContract(store: StoreGetter): void {
  describe('subscribing to $all', () => {
    it('from 0 delivers history then live events, in order', async () => {
      const category = uniqueCategory();
      const history = events(3);
      await store().append(`${category}-1`, history);
      const subscription = store().subscribeToAll({ fromPosition: 0, filter: { streamPrefixes: [`${category}-`] } });
      const iterator = subscription[Symbol.asyncIterator]();
      try {
        expect(idsOf(await take(iterator, 3))).toEqual(idsOf(history));
        const delivering = take(iterator, 2);
        await settle();
        const live = events(2);
        await store().append(`${category}-2`, live);
        expect(idsOf(await delivering)).toEqual(idsOf(live));
      } finally {
        await subscription.close();
      }
    });

    it('from an exclusive position delivers what follows it, then live events, with no duplicates', async () => {
      const category = uniqueCategory();
      const stream = `${category}-1`;
      const history = events(5);
      await store().append(stream, history.slice(0, 2));
      await store().append(stream, history.slice(2));
      const positions = (await store().readStream(stream)).map((e) => e.position);
      const subscription = store().subscribeToAll({ fromPosition: positions[2], filter: { streamPrefixes: [`${category}-`] } });
      const iterator = subscription[Symbol.asyncIterator]();
      try {
        const caughtUp = await take(iterator, 2);
        expect(idsOf(caughtUp)).toEqual(idsOf(history.slice(3)));
        expect(caughtUp.map((e) => e.position)).toEqual(positions.slice(3));

        const delivering = take(iterator, 3);
        await settle();
        const live = events(2);
        await store().append(stream, live.slice(0, 1));
        await store().append(stream, live.slice(1));
        const marker = anEvent();
        await store().append(stream, [marker]);
        // Had anything been delivered twice it would come before the marker.
        expect(idsOf(await delivering)).toEqual([...idsOf(live), marker.eventId]);
      } finally {
        await subscription.close();
      }
    });

    it('with a stream-prefix filter delivers only matching streams', async () => {
      const [mine, other] = [uniqueCategory(), uniqueCategory()];
      const subscription = store().subscribeToAll({ fromPosition: 'end', filter: { streamPrefixes: [`${mine}-`] } });
      const iterator = subscription[Symbol.asyncIterator]();
      try {
        const delivering = take(iterator, 2);
        await settle();
        const wanted = [anEvent(), anEvent()];
        await store().append(`${other}-1`, events(2));
        await store().append(`${mine}-1`, [wanted[0]]);
        await store().append(`${other}-2`, events(1));
        await store().append(`${mine}-2`, [wanted[1]]);
        const delivered = await delivering;
        expect(idsOf(delivered)).toEqual(idsOf(wanted));
        expect(delivered.map((e) => e.streamId)).toEqual([`${mine}-1`, `${mine}-2`]);
      } finally {
        await subscription.close();
      }
    });

    it('with an event-type filter delivers only those types, history and live', async () => {
      const [wanted, unwanted] = [uniqueCategory(), uniqueCategory()];
      const first = anEvent({ type: wanted });
      await store().append(uniqueCategory(), [anEvent({ type: unwanted }), first]);
      const subscription = store().subscribeToAll({ filter: { eventTypes: [wanted] } });
      const iterator = subscription[Symbol.asyncIterator]();
      try {
        expect(idsOf(await take(iterator, 1))).toEqual([first.eventId]);
        const delivering = take(iterator, 1);
        await settle();
        const second = anEvent({ type: wanted });
        await store().append(uniqueCategory(), [anEvent({ type: unwanted }), second]);
        const [delivered] = await delivering;
        expect(delivered).toMatchObject({ eventId: second.eventId, type: wanted, revision: 1 });
      } finally {
        await subscription.close();
      }
    });

    it("from 'end' delivers only events appended after subscribing", async () => {
      const category = uniqueCategory();
      await store().append(`${category}-1`, events(2));
      const subscription = store().subscribeToAll({ fromPosition: 'end', filter: { streamPrefixes: [`${category}-`] } });
      const iterator = subscription[Symbol.asyncIterator]();
      try {
        const delivering = take(iterator, 1);
        await settle();
        const live = anEvent();
        await store().append(`${category}-1`, [live]);
        const [delivered] = await delivering;
        expect(delivered).toMatchObject({ eventId: live.eventId, revision: 2 });
      } finally {
        await subscription.close();
      }
    });

    it('tells onScanned how far it has looked past the events its filter leaves out, in order with the events', async () => {
      const [mine, other] = [uniqueCategory(), uniqueCategory()];
      const before = await store().headPosition();
      await store().append(`${mine}-1`, events(1));
      const passedInHistory = await store().append(`${other}-1`, events(2));
      const seen: { kind: 'event' | 'scanned'; position: number }[] = [];
      const subscription = store().subscribeToAll({
        fromPosition: before,
        filter: { streamPrefixes: [`${mine}-`] },
        onScanned: (position) => seen.push({ kind: 'scanned', position }),
      });
      const iterator = subscription[Symbol.asyncIterator]();
      const scannedPast = async (position: number) => {
        for (let waited = 0; !seen.some((s) => s.kind === 'scanned' && s.position >= position); waited += 10) {
          if (waited > 5_000) throw new Error(`not told of position ${position} within 5 s: ${JSON.stringify(seen)}`);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      };
      const takeOne = async () => {
        const [event] = await take(iterator, 1);
        seen.push({ kind: 'event', position: event.position });
        return event;
      };
      try {
        expect((await takeOne()).streamId).toBe(`${mine}-1`);
        const waiting = takeOne();
        await scannedPast(passedInHistory.position);
        const passedLive = await store().append(`${other}-2`, events(1));
        await scannedPast(passedLive.position);
        const wanted = anEvent();
        await store().append(`${mine}-2`, [wanted]);
        expect((await waiting).eventId).toBe(wanted.eventId);
        // Never ahead of an event not yet delivered, never back: one rising sequence.
        const positions = seen.map((s) => s.position);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        expect(new Set(positions).size).toBe(positions.length);
        expect(seen.filter((s) => s.kind === 'event')).toHaveLength(2);
      } finally {
        await subscription.close();
      }
    });

    it('close() ends a pending for-await', async () => {
      const subscription = store().subscribeToAll({ fromPosition: 'end', filter: { streamPrefixes: [`${uniqueCategory()}-`] } });
      const seen: RecordedEvent[] = [];
      const consuming = (async () => {
        for await (const event of subscription) seen.push(event);
        return 'ended';
      })();
      await settle();
      await subscription.close();
      expect(await consuming).toBe('ended');
      expect(seen).toEqual([]);
    });

    it('subscribers are independent: each gets every event, closing one leaves the other', async () => {
      const category = uniqueCategory();
      const filter = { streamPrefixes: [`${category}-`] };
      const a = store().subscribeToAll({ fromPosition: 'end', filter });
      const b = store().subscribeToAll({ fromPosition: 'end', filter });
      const [ia, ib] = [a[Symbol.asyncIterator](), b[Symbol.asyncIterator]()];
      try {
        const [deliveringA, deliveringB] = [take(ia, 2), take(ib, 3)];
        await settle();
        const first = events(2);
        await store().append(`${category}-1`, first);
        expect(idsOf(await deliveringA)).toEqual(idsOf(first));
        await a.close();
        const second = events(1);
        await store().append(`${category}-1`, second);
        expect(idsOf(await deliveringB)).toEqual(idsOf([...first, ...second]));
        expect(await ia.next()).toEqual({ done: true, value: undefined });
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });
  });
}
