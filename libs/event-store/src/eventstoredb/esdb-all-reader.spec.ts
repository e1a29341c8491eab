import { randomUUID } from 'node:crypto';
import type { Position } from '@eventstore/db-client';
import { validateAppend } from '../append-validation';
import { ResolvedEventLike, toEventData } from './esdb-event-envelope';
import { AllPageReader, readAllFiltered } from './esdb-all-reader';
import { comparePositions } from './esdb-position';

/** $all as records: system events, foreign events and this store's events, at positions 100, 200, … */
function log(entries: { streamId: string; type?: string; foreign?: boolean }[]): ResolvedEventLike[] {
  return entries.map(({ streamId, type = 'DealNoted', foreign }, i) => {
    const [data] = toEventData(streamId, validateAppend(streamId, [{ eventId: randomUUID(), type, data: { i }, metadata: {} }], 'any'), undefined, '2030-01-01T00:00:00.000Z');
    const position = BigInt((i + 1) * 100);
    return {
      event: {
        streamId,
        id: data.id,
        revision: 0n,
        type,
        isJson: true,
        data: data.data,
        metadata: foreign ? { source: 'other' } : JSON.parse(JSON.stringify(data.metadata)),
        position: { commit: position, prepare: position },
      },
    };
  });
}

/** Pages with the bounds the server documents for $all reads: forwards inclusive, backwards exclusive. */
function pagesOf(records: ResolvedEventLike[]): { reader: AllPageReader; calls: unknown[] } {
  const calls: unknown[] = [];
  const at = (r: ResolvedEventLike) => r.event!.position!;
  const reader: AllPageReader = async (from, direction, maxCount) => {
    calls.push({ from, direction, maxCount });
    const after = (r: ResolvedEventLike) => from === 'start' || (from !== 'end' && comparePositions(at(r), from as Position) >= 0);
    const before = (r: ResolvedEventLike) => from === 'end' || (from !== 'start' && comparePositions(at(r), from as Position) < 0);
    const page = direction === 'forwards' ? records.filter(after) : [...records].reverse().filter(before);
    return page.slice(0, maxCount);
  };
  return { reader, calls };
}

const positionsOf = (read: { events: { position: number }[] }) => read.events.map((e) => e.position);

describe('readAllFiltered', () => {
  const records = log([
    { streamId: '$settings' },
    { streamId: 'deal-1' },
    { streamId: 'team-1', type: 'TeamFormed' },
    { streamId: 'deal-2', foreign: true },
    { streamId: '$stats-1' },
    { streamId: 'deal-2', type: 'DealWon' },
    { streamId: 'deal-3' },
  ]);

  it("keeps this store's events only, in $all order, both ways", async () => {
    const { reader } = pagesOf(records);
    expect(positionsOf(await readAllFiltered(reader, { direction: 'forwards' }))).toEqual([200, 300, 600, 700]);
    expect(positionsOf(await readAllFiltered(reader, { direction: 'backwards' }))).toEqual([700, 600, 300, 200]);
  });

  it('reads after an exclusive position, with a maximum count', async () => {
    const { reader } = pagesOf(records);
    expect(positionsOf(await readAllFiltered(reader, { direction: 'forwards', after: 300 }))).toEqual([600, 700]);
    expect(positionsOf(await readAllFiltered(reader, { direction: 'forwards', after: 300, maxCount: 1 }))).toEqual([600]);
    expect(positionsOf(await readAllFiltered(reader, { direction: 'backwards', after: 600 }))).toEqual([300, 200]);
    expect(positionsOf(await readAllFiltered(reader, { direction: 'backwards', after: 0 }))).toEqual([]);
    expect(positionsOf(await readAllFiltered(reader, { direction: 'forwards', after: 0, maxCount: 0 }))).toEqual([]);
  });

  it('applies both parts of the filter', async () => {
    const { reader } = pagesOf(records);
    const filtered = await readAllFiltered(reader, { direction: 'forwards', filter: { streamPrefixes: ['deal-'], eventTypes: ['DealWon'] } });
    expect(filtered.events.map((e) => [e.streamId, e.type])).toEqual([['deal-2', 'DealWon']]);
  });

  it('pages through $all without repeating or losing a record at page boundaries', async () => {
    const many = log(Array.from({ length: 50 }, (_, i) => ({ streamId: i % 7 === 0 ? '$stats' : `deal-${i}` })));
    const expected = many.filter((r) => !r.event!.streamId.startsWith('$')).map((r) => Number(r.event!.position!.commit));
    const { reader, calls } = pagesOf(many);
    expect(positionsOf(await readAllFiltered(reader, { direction: 'forwards', filter: { streamPrefixes: ['deal-'] } }, 8))).toEqual(expected);
    expect(calls.length).toBeGreaterThan(6);
    expect(positionsOf(await readAllFiltered(reader, { direction: 'backwards', filter: { streamPrefixes: ['deal-'] } }, 8))).toEqual(
      [...expected].reverse(),
    );
  });

  it('says how far it scanned: forwards past the records it left out, to the last one read', async () => {
    const { reader } = pagesOf(records);
    const scanned = async (read: Parameters<typeof readAllFiltered>[1]) => {
      const { events, scannedTo } = await readAllFiltered(reader, read);
      return { positions: events.map((e) => e.position), scannedTo };
    };
    expect(await scanned({ direction: 'forwards', filter: { eventTypes: ['TeamFormed'] } })).toEqual({ positions: [300], scannedTo: 700 });
    expect(await scanned({ direction: 'forwards', after: 300, filter: { streamPrefixes: ['team-'] } })).toEqual({ positions: [], scannedTo: 700 });
    expect(await scanned({ direction: 'forwards', after: 700 })).toEqual({ positions: [], scannedTo: 700 });
    expect(await scanned({ direction: 'forwards', filter: { streamPrefixes: ['deal-'] }, maxCount: 1 })).toEqual({ positions: [200], scannedTo: 200 });
    expect(await scanned({ direction: 'forwards', after: 200, maxCount: 0 })).toEqual({ positions: [], scannedTo: 200 });
    expect(await scanned({ direction: 'backwards', maxCount: 2 })).toEqual({ positions: [700, 600], scannedTo: 600 });
    expect(await scanned({ direction: 'backwards', after: 600 })).toEqual({ positions: [300, 200], scannedTo: 0 });
    const endsInSystemEvents = pagesOf(log([{ streamId: 'deal-1' }, { streamId: '$a' }, { streamId: '$b' }]));
    expect(await readAllFiltered(endsInSystemEvents.reader, { direction: 'forwards' })).toMatchObject({ scannedTo: 300 });
    expect(await readAllFiltered(pagesOf([]).reader, { direction: 'forwards' })).toEqual({ events: [], scannedTo: 0 });
  });

  it('passes over system events for the last event ($all backwards, one)', async () => {
    const { reader } = pagesOf(log([{ streamId: 'deal-1' }, { streamId: '$a' }, { streamId: '$b' }]));
    expect(positionsOf(await readAllFiltered(reader, { direction: 'backwards', maxCount: 1 }))).toEqual([100]);
  });
});
