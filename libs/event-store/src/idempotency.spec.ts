import { IdempotencyConflictError } from './event-store.errors';
import { findIdempotentResult } from './idempotency';

const at = (streamId: string, revision: number, position = revision + 10) => ({ streamId, revision, position });

describe('findIdempotentResult', () => {
  it('is a new append when none of the ids is stored', () => {
    expect(findIdempotentResult('s', ['a', 'b'], [undefined, undefined])).toBeUndefined();
    expect(findIdempotentResult('s', [], [])).toBeUndefined();
  });

  it('returns the original result when all ids are stored consecutively, in order, in this stream', () => {
    expect(findIdempotentResult('s', ['a', 'b'], [at('s', 3, 40), at('s', 4, 41)])).toEqual({ nextExpectedRevision: 4, position: 41 });
  });

  it('is a conflict naming the stored ids when only some are stored', () => {
    const attempt = () => findIdempotentResult('s', ['a', 'b', 'c'], [undefined, at('s', 0), undefined]);
    expect(attempt).toThrow(IdempotencyConflictError);
    expect(attempt).toThrow(expect.objectContaining({ eventIds: ['b'], streamId: 's' }));
  });

  it('is a conflict when the ids sit in another stream, another order or with a gap', () => {
    expect(() => findIdempotentResult('s', ['a'], [at('t', 0)])).toThrow(IdempotencyConflictError);
    expect(() => findIdempotentResult('s', ['a', 'b'], [at('s', 1), at('s', 0)])).toThrow(IdempotencyConflictError);
    expect(() => findIdempotentResult('s', ['a', 'b'], [at('s', 0), at('s', 2)])).toThrow(IdempotencyConflictError);
  });
});
