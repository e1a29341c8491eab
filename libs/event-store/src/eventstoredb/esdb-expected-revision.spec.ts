import { ANY, NO_STREAM, STREAM_EXISTS, WrongExpectedVersionError } from '@eventstore/db-client';
import { WrongExpectedRevisionError } from '../event-store.errors';
import { ExpectedRevision } from '../event-store.port';
import {
  fromEsdbCurrentRevision,
  fromEsdbExpectedRevision,
  fromEsdbRevision,
  toEsdbExpectedRevision,
  toWrongExpectedRevisionError,
} from './esdb-expected-revision';

describe('expected revision mapping', () => {
  const pairs: [ExpectedRevision, ReturnType<typeof toEsdbExpectedRevision>][] = [
    ['any', ANY],
    ['no_stream', NO_STREAM],
    ['stream_exists', STREAM_EXISTS],
    [0, 0n],
    [41, 41n],
  ];

  it.each(pairs)('maps %p to the client value %p and back', (ours, theirs) => {
    expect(toEsdbExpectedRevision(ours)).toBe(theirs);
    expect(fromEsdbExpectedRevision(theirs)).toBe(ours);
  });

  it('reads the current revision of a conflict, with -1 or no_stream for a missing stream', () => {
    expect(fromEsdbCurrentRevision(7n)).toBe(7);
    expect(fromEsdbCurrentRevision(0n)).toBe(0);
    expect(fromEsdbCurrentRevision(-1n)).toBe('no_stream');
    expect(fromEsdbCurrentRevision(NO_STREAM)).toBe('no_stream');
  });

  it('refuses a revision a JS number cannot hold exactly', () => {
    expect(fromEsdbRevision(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => fromEsdbRevision(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toThrow(RangeError);
  });
});

describe('toWrongExpectedRevisionError', () => {
  const conflict = (current: bigint | 'no_stream') =>
    new WrongExpectedVersionError(undefined, { streamName: 'deal-1', expected: 3n, current });

  it('keeps the caller expectation and reports the actual revision', () => {
    const error = toWrongExpectedRevisionError('deal-1', 'any', conflict(5n));
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({ streamId: 'deal-1', expected: 'any', actual: 5, code: 'STORE.WRONG_EXPECTED_REVISION' });
  });

  it("reports 'no_stream' when the stream does not exist", () => {
    expect(toWrongExpectedRevisionError('deal-1', 0, conflict('no_stream'))).toMatchObject({ expected: 0, actual: 'no_stream' });
  });
});
