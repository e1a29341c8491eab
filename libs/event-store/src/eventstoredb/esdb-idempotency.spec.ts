import { randomUUID } from 'node:crypto';
import { IdempotencyConflictError } from '../event-store.errors';
import { RecordedEvent } from '../event-store.port';
import { findIdempotentResult } from '../idempotency';
import { DEFAULT_IDEMPOTENCY_WINDOW, idLookupFor, locateIds } from './esdb-idempotency';

const stored = (revision: number, eventId = randomUUID()): RecordedEvent => ({
  streamId: 'deal-1',
  revision,
  position: 1_000 + revision * 100,
  eventId,
  type: 'DealNoted',
  schemaVersion: 1,
  data: {},
  metadata: { recordedAt: '2030-01-01T00:00:00.000Z' },
  hash: 'h',
  prevHash: 'p',
});

describe('idLookupFor', () => {
  it('looks right after an exact revision, as many events as the append holds', () => {
    expect(idLookupFor(4, 2, DEFAULT_IDEMPOTENCY_WINDOW)).toEqual({ direction: 'forwards', fromRevision: 5, maxCount: 2 });
  });

  it('looks at the start of the stream for no_stream', () => {
    expect(idLookupFor('no_stream', 3, DEFAULT_IDEMPOTENCY_WINDOW)).toEqual({ direction: 'forwards', fromRevision: 0, maxCount: 3 });
  });

  it.each(['any', 'stream_exists'] as const)('searches the last events of the stream for %s', (expected) => {
    expect(idLookupFor(expected, 2, 1_000)).toEqual({ direction: 'backwards', maxCount: 1_000 });
  });

  it('never searches fewer events than the append holds', () => {
    expect(idLookupFor('any', 1_500, 1_000)).toEqual({ direction: 'backwards', maxCount: 1_500 });
  });
});

describe('locateIds with findIdempotentResult', () => {
  const stream = Array.from({ length: 5 }, (_, revision) => stored(revision));
  const ids = (revisions: number[]) => revisions.map((r) => stream[r].eventId);

  it('returns the original result when the ids are the events read, in order', () => {
    const located = locateIds(ids([2, 3]), stream);
    expect(findIdempotentResult('deal-1', ids([2, 3]), located)).toEqual({ nextExpectedRevision: 3, position: stream[3].position });
  });

  it('is a new append when none of the ids was read', () => {
    expect(findIdempotentResult('deal-1', [randomUUID()], locateIds([randomUUID()], stream))).toBeUndefined();
  });

  it('is a conflict when some ids were read and some not, or out of order', () => {
    const partial = [stream[1].eventId, randomUUID()];
    expect(() => findIdempotentResult('deal-1', partial, locateIds(partial, stream))).toThrow(IdempotencyConflictError);
    expect(() => findIdempotentResult('deal-1', ids([3, 2]), locateIds(ids([3, 2]), stream))).toThrow(IdempotencyConflictError);
  });

  it('does not recognise a retry whose events lie outside what was read (the window)', () => {
    const window = stream.slice(3);
    expect(findIdempotentResult('deal-1', ids([0, 1]), locateIds(ids([0, 1]), window))).toBeUndefined();
  });
});
