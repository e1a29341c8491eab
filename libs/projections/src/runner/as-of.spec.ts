import { EventStore, ReadAllOptions, RecordedEvent } from '@deals/event-store';
import { eventCounterProjection } from '../testing/event-counter.projection';
import { positionRecordedBy, readModelAsOf } from './as-of';

/** Serves readAll from an array, as a store with several writers' clocks could order them. */
function storeOf(events: RecordedEvent[]): EventStore {
  return {
    readAll: async (o: ReadAllOptions = {}) => {
      const page = events.filter((e) => e.position > (o.after ?? 0)).slice(0, o.maxCount ?? Infinity);
      return { events: page, scannedTo: page.length === o.maxCount ? page[page.length - 1].position : Math.max(o.after ?? 0, events.at(-1)?.position ?? 0) };
    },
  } as unknown as EventStore;
}

const at = (position: number, recordedAt: string): RecordedEvent => ({
  streamId: `s-${position}`, revision: 0, position, eventId: `e${position}`, type: 'T', schemaVersion: 1, data: {},
  metadata: { recordedAt }, hash: '', prevHash: '',
});

describe('readModelAsOf', () => {
  const events = [
    at(1, '2026-03-01T10:00:00.000Z'),
    at(2, '2026-03-01T10:00:02.000Z'),
    at(3, '2026-03-01T10:00:01.000Z'), // a writer whose clock is a second behind
    at(4, '2026-03-01T10:30:00.000Z'),
  ];

  it('by recorded time keeps every event recorded by then, even one after a later-stamped event', async () => {
    const { docs, position } = await readModelAsOf(storeOf(events), eventCounterProjection(), { recordedAt: '2026-03-01T10:00:01.500Z' }, 2);
    expect(docs.get('total')).toEqual({ count: 2, positionSum: 1 + 3 });
    expect(position).toBe(3);
  });

  it('by position stops exactly there', async () => {
    const { docs, position } = await readModelAsOf(storeOf(events), eventCounterProjection(), { position: 2 });
    expect(docs.get('total')).toEqual({ count: 2, positionSum: 3 });
    expect(position).toBe(2);
  });

  it('before the first event is empty', async () => {
    const { docs, position } = await readModelAsOf(storeOf(events), eventCounterProjection(), { recordedAt: '2026-01-01T00:00:00.000Z' });
    expect(docs.size).toBe(0);
    expect(position).toBe(0);
  });
});

describe('positionRecordedBy (recordedAt never decreasing along $all, as the embedded store stamps it)', () => {
  // Positions with gaps, and several events stamped in the same millisecond.
  const events = [
    at(2, '2026-03-01T10:00:00.000Z'),
    at(3, '2026-03-01T10:00:00.000Z'),
    at(7, '2026-03-01T10:00:01.000Z'),
    at(8, '2026-03-01T10:00:02.000Z'),
    at(9, '2026-03-01T10:00:02.000Z'),
    at(12, '2026-03-01T10:30:00.000Z'),
  ];
  const head = 12;

  it('is the last position recorded at or before the moment, for every moment', async () => {
    const moments = [...new Set(events.map((e) => Date.parse(e.metadata.recordedAt)))].flatMap((ms) => [ms - 1, ms, ms + 1]);
    for (const ms of [Date.parse('2000-01-01T00:00:00Z'), ...moments, Date.parse('2030-01-01T00:00:00Z')]) {
      const expected = events.filter((e) => Date.parse(e.metadata.recordedAt) <= ms).at(-1)?.position ?? 0;
      expect({ ms, position: await positionRecordedBy(storeOf(events), new Date(ms).toISOString(), head) }).toEqual({ ms, position: expected });
    }
  });

  it('never looks past the head it was given', async () => {
    expect(await positionRecordedBy(storeOf(events), '2030-01-01T00:00:00.000Z', 8)).toBe(8);
    expect(await positionRecordedBy(storeOf([]), '2030-01-01T00:00:00.000Z', 0)).toBe(0);
  });
});
