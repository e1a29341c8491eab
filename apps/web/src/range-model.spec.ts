import { trailingYear } from './range-model';

describe('the twelve months a page reports over', () => {
  it('ends at the end of today and starts 365 days before, whatever the time of day', () => {
    const morning = trailingYear(new Date('2026-12-06T00:00:01.000Z'));
    expect(morning).toEqual({ from: '2025-12-07T00:00:00.000Z', to: '2026-12-07T00:00:00.000Z' });
    expect(trailingYear(new Date('2026-12-06T23:59:59.999Z'))).toEqual(morning);
  });
});
