import { WrongExpectedRevisionError } from './event-store.errors';
import { ExpectedRevision } from './event-store.port';
import { checkExpectedRevision, isExpectedRevision } from './expected-revision';

describe('checkExpectedRevision', () => {
  const passes: [ExpectedRevision, number][] = [
    ['any', -1],
    ['any', 5],
    ['no_stream', -1],
    ['stream_exists', 0],
    [0, 0],
    [7, 7],
  ];
  it.each(passes)('%p passes for a stream at %i', (expected, current) => {
    expect(() => checkExpectedRevision('s', expected, current)).not.toThrow();
  });

  const fails: [ExpectedRevision, number, number | 'no_stream'][] = [
    ['no_stream', 0, 0],
    ['stream_exists', -1, 'no_stream'],
    [0, -1, 'no_stream'],
    [2, 3, 3],
    [4, 3, 3],
  ];
  it.each(fails)('%p fails for a stream at %i, reporting actual %p', (expected, current, actual) => {
    expect(() => checkExpectedRevision('s', expected, current)).toThrow(new WrongExpectedRevisionError('s', expected, actual));
    expect(() => checkExpectedRevision('s', expected, current)).toThrow(expect.objectContaining({ streamId: 's', expected, actual }));
  });
});

describe('isExpectedRevision', () => {
  it('accepts the named states and revisions from 0', () => {
    for (const value of ['any', 'no_stream', 'stream_exists', 0, 12]) expect(isExpectedRevision(value)).toBe(true);
  });
  it('rejects anything else', () => {
    for (const value of [-1, 1.5, NaN, '3', 'ANY', null, undefined]) expect(isExpectedRevision(value)).toBe(false);
  });
});
