import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { EventToAppend } from '../event-store.port';
import { describeEventStoreContract } from '../testing';
import { uniqueCategory, uniqueStream } from '../testing/contract/contract-fixtures';
import { CHAIN_KEY } from './esdb-event-envelope';
import { EsdbEventStore } from './esdb-event-store.adapter';
import { ForeignEventError } from './esdb.errors';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;
const SKIPPED =
  'EventStoreDB contract suite skipped: EVENTSTORE_CONNECTION_STRING is not set (start one with deploy/docker-compose.eventstore.yml)';

if (!connectionString) {
  console.warn(SKIPPED);
  describe('EsdbEventStore', () => {
    it.skip(SKIPPED, () => undefined);
  });
} else {
  describeEventStoreContract('EventStoreDB', async () => {
    const store = new EsdbEventStore(connectionString);
    return { store, cleanup: () => store.close() };
  }, { globalEventIdIndex: false });

  const event = (type = 'DealNoted'): EventToAppend => ({ eventId: randomUUID(), type, data: { n: 1 }, metadata: { actor: 'u1' } });

  describe('EsdbEventStore on a server', () => {
    let raw: EventStoreDBClient;
    const stores: EsdbEventStore[] = [];
    const open = (options?: ConstructorParameters<typeof EsdbEventStore>[1]) => {
      const store = new EsdbEventStore(connectionString, options);
      stores.push(store);
      return store;
    };
    beforeAll(() => {
      raw = EventStoreDBClient.connectionString(connectionString);
    });
    afterEach(async () => {
      await Promise.all(stores.splice(0).map((s) => s.close()));
    });
    afterAll(() => raw.dispose());

    it('stores the hash chain in the event metadata under $chain, which reads strip off', async () => {
      const store = open();
      const stream = uniqueStream();
      await store.append(stream, [event()]);
      const [stored] = await store.readStream(stream);
      const rawEvents = [];
      for await (const resolved of raw.readStream(stream)) rawEvents.push(resolved.event);
      expect(rawEvents[0]?.metadata).toMatchObject({ actor: 'u1', [CHAIN_KEY]: { hash: stored.hash, prevHash: stored.prevHash, schemaVersion: 1 } });
      expect(stored.metadata).toEqual({ actor: 'u1', recordedAt: expect.any(String) });
    });

    it("refuses to read or extend a stream holding another client's event, and $all passes over it", async () => {
      const store = open();
      const category = uniqueCategory();
      const stream = `${category}-1`;
      await raw.appendToStream(stream, jsonEvent({ type: 'Foreign', data: { x: 1 } }));
      await expect(store.readStream(stream)).rejects.toBeInstanceOf(ForeignEventError);
      await expect(store.append(stream, [event()])).rejects.toBeInstanceOf(ForeignEventError);
      await store.append(`${category}-2`, [event()]);
      expect((await store.readAll({ filter: { streamPrefixes: [`${category}-`] } })).events.map((e) => e.streamId)).toEqual([`${category}-2`]);
    });

    it('keeps recordedAt from going back along a stream written by two writers whose clocks disagree', async () => {
      const ahead = open({ now: () => new Date('2090-01-01T00:00:05.000Z') });
      const behind = open({ now: () => new Date('2090-01-01T00:00:01.000Z') });
      const stream = uniqueStream();
      await ahead.append(stream, [event()]);
      await behind.append(stream, [event()]);
      const stamps = (await behind.readStream(stream)).map((e) => e.metadata.recordedAt);
      expect(stamps).toEqual(['2090-01-01T00:00:05.000Z', '2090-01-01T00:00:05.000Z']);
    });

    it('recognises a retry with any only within the idempotency window', async () => {
      const store = open({ idempotencyWindow: 3 });
      const stream = uniqueStream();
      const retried = event();
      const first = await store.append(stream, [retried]);
      await store.append(stream, [event(), event()]);
      expect(await store.append(stream, [retried])).toEqual(first);
      await store.append(stream, [event()]);
      // Three events follow it now, so the last three (the window) no longer include it: written again.
      expect((await store.append(stream, [retried])).nextExpectedRevision).toBe(4);
      // With the expectation it was first appended with, a retry is always recognised.
      expect(await store.append(stream, [retried], { expectedRevision: 'no_stream' })).toEqual(first);
    });

    it('rejects a system stream id and metadata that uses the reserved key', async () => {
      const store = open();
      await expect(store.append('$deal-1', [event()])).rejects.toThrow(/system streams/);
      await expect(store.append(uniqueStream(), [{ ...event(), metadata: { [CHAIN_KEY]: {} } }])).rejects.toThrow(/reserves/);
    });
  });
}
