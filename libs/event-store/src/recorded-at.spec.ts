import { stampRecordedAt } from './recorded-at';

describe('stampRecordedAt', () => {
  const now = new Date('2030-05-06T07:08:09.010Z');

  it('is now, as ISO-8601 with milliseconds, on an empty store or a clock that moved on', () => {
    expect(stampRecordedAt(now, undefined)).toBe('2030-05-06T07:08:09.010Z');
    expect(stampRecordedAt(now, '2030-05-06T07:08:09.009Z')).toBe('2030-05-06T07:08:09.010Z');
  });

  it('stays at the last stored stamp when the clock has stepped back', () => {
    expect(stampRecordedAt(now, '2030-05-06T07:08:10.000Z')).toBe('2030-05-06T07:08:10.000Z');
  });
});
