import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  const options = { initialMs: 100, maxMs: 5_000 };

  it('doubles the ceiling per attempt up to the cap (upper bound with the most jitter)', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((attempt) => backoffDelay(attempt, options, () => 1))).toEqual([
      100, 200, 400, 800, 1600, 3200, 5000, 5000,
    ]);
  });

  it('waits at least half the ceiling (no jitter)', () => {
    expect([0, 1, 2, 9].map((attempt) => backoffDelay(attempt, options, () => 0))).toEqual([50, 100, 200, 2500]);
  });

  it('draws the delay from the upper half of the ceiling', () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const delay = backoffDelay(attempt, options);
      const ceiling = Math.min(options.maxMs, options.initialMs * 2 ** attempt);
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThanOrEqual(ceiling);
    }
  });

  it('stays capped for attempts large enough to overflow 2^attempt', () => {
    expect(backoffDelay(5_000, options, () => 1)).toBe(5_000);
  });
});
