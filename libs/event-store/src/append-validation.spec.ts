import { InvalidAppendError } from './event-store.errors';
import { EventToAppend } from './event-store.port';
import { validateAppend } from './append-validation';

const ID = '3f2b6c1e-8d4a-4f1b-9c2d-5e6f7a8b9c0d';
const event = (overrides: Partial<EventToAppend> = {}): EventToAppend => ({ eventId: ID, type: 'DealNoted', data: {}, metadata: {}, ...overrides });

describe('validateAppend', () => {
  it('fills in schemaVersion 1, lower-cases the id and reduces data to plain JSON, keeping its text', () => {
    const at = new Date('2030-01-01T00:00:00.000Z');
    const [valid] = validateAppend('deal-1', [event({ eventId: ID.toUpperCase(), data: { at, skip: undefined, n: 1 } })], 'any');
    expect(valid).toEqual({
      eventId: ID, type: 'DealNoted', schemaVersion: 1, data: { at: '2030-01-01T00:00:00.000Z', n: 1 }, dataJson: '{"at":"2030-01-01T00:00:00.000Z","n":1}', metadata: {},
    });
  });

  it('accepts an empty append', () => {
    expect(validateAppend('deal-1', [], 'no_stream')).toEqual([]);
  });

  const circular: Record<string, unknown> = {};
  circular.self = circular;
  const invalid: [string, unknown, EventToAppend[], unknown][] = [
    ['an empty stream id', '', [event()], 'any'],
    ['a negative expected revision', 'deal-1', [event()], -1],
    ['an unknown expected state', 'deal-1', [event()], 'exists'],
    ['an id that is not a UUID', 'deal-1', [event({ eventId: 'e-1' })], 'any'],
    ['the same id twice', 'deal-1', [event(), event({ type: 'Other' })], 'any'],
    ['the same id twice in another case', 'deal-1', [event(), event({ eventId: ID.toUpperCase() })], 'any'],
    ['an empty type', 'deal-1', [event({ type: '' })], 'any'],
    ['schemaVersion 0', 'deal-1', [event({ schemaVersion: 0 })], 'any'],
    ['metadata with recordedAt', 'deal-1', [event({ metadata: { recordedAt: 'x' } })], 'any'],
    ['metadata that is an array', 'deal-1', [event({ metadata: [] as unknown as Record<string, unknown> })], 'any'],
    ['circular data', 'deal-1', [event({ data: circular })], 'any'],
    ['undefined data', 'deal-1', [event({ data: undefined })], 'any'],
    ['BigInt data', 'deal-1', [event({ data: { n: BigInt(1) } })], 'any'],
  ];
  it.each(invalid)('rejects %s', (_, streamId, events, expected) => {
    expect(() => validateAppend(streamId, events, expected)).toThrow(InvalidAppendError);
  });
});
