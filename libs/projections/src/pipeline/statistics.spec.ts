import { durationStats, MS_PER_DAY, medianOf, nearestRank, ratio, weightedMinor } from './statistics';
import { withinPeriod } from './period';

describe('nearest-rank percentile', () => {
  const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  it('takes the value at rank ⌈p/100 × n⌉, never interpolating', () => {
    expect(nearestRank(oneToTen, 90)).toBe(9); // ⌈0.9 × 10⌉ = 9th value (interpolation would say 9.1)
    expect(nearestRank(oneToTen, 50)).toBe(5); // ⌈0.5 × 10⌉ = 5th
    expect(nearestRank(oneToTen, 91)).toBe(10); // ⌈9.1⌉ = 10th
    expect(nearestRank(oneToTen, 100)).toBe(10);
    expect(nearestRank(oneToTen, 1)).toBe(1); // ⌈0.1⌉ = 1st
    expect(nearestRank([4, 7, 9, 12, 30, 31, 40], 90)).toBe(40); // ⌈6.3⌉ = 7th of 7
    expect(nearestRank([5], 90)).toBe(5);
    expect(nearestRank([], 90)).toBeUndefined();
  });

  it('computes the rank in integers (in floats 0.07 × 100 is 7.000000000000001, whose ceiling is 8)', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(nearestRank(hundred, 7)).toBe(7);
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(medianOf([1, 2, 3])).toBe(2);
    expect(medianOf([1, 2, 3, 4])).toBe(2.5);
  });
});

describe('duration stats', () => {
  it('measures in milliseconds and reports fractional days', () => {
    expect(durationStats([3 * MS_PER_DAY, MS_PER_DAY, 2.5 * MS_PER_DAY])).toStrictEqual({ count: 3, averageDays: 6.5 / 3, medianDays: 2.5 });
    expect(durationStats([])).toStrictEqual({ count: 0, averageDays: null, medianDays: null });
  });
});

describe('ratio', () => {
  it('keeps the exact fraction and rounds the percentage half-up', () => {
    expect(ratio(1, 3)).toStrictEqual({ numerator: 1, denominator: 3, percent: 33 });
    expect(ratio(2, 3)).toStrictEqual({ numerator: 2, denominator: 3, percent: 67 });
    expect(ratio(1, 8)).toStrictEqual({ numerator: 1, denominator: 8, percent: 13 }); // 12.5 → 13
    expect(ratio(21, 100).percent).toBe(21);
    expect(ratio(0, 0)).toStrictEqual({ numerator: 0, denominator: 0, percent: null });
  });
});

describe('weighted amount', () => {
  it('rounds amount × probability half-up to a whole minor unit, exactly', () => {
    expect(weightedMinor(1_000_005, 0.1)).toBe(100_001); // 100,000.5 → up
    expect(weightedMinor(1_000_004, 0.1)).toBe(100_000); // 100,000.4 → down
    expect(weightedMinor(2_000_001, 0.6)).toBe(1_200_001); // 1,200,000.6
    expect(weightedMinor(5, 0.5)).toBe(3); // 2.5 → 3
    expect(weightedMinor(9_007_199_254_740_991, 1)).toBe(9_007_199_254_740_991);
    expect(weightedMinor(123, 0)).toBe(0);
  });
});

describe('period', () => {
  it('is half-open: from inclusive, to exclusive; dates are UTC midnight', () => {
    const march = withinPeriod({ from: '2026-03-01', to: '2026-04-01' });
    expect(march('2026-03-01T00:00:00.000Z')).toBe(true);
    expect(march('2026-02-28T23:59:59.999Z')).toBe(false);
    expect(march('2026-04-01T00:00:00.000Z')).toBe(false);
    expect(march(undefined)).toBe(false);
    expect(withinPeriod({})('1990-01-01T00:00:00.000Z')).toBe(true);
    expect(() => withinPeriod({ from: 'last month' })).toThrow(expect.objectContaining({ code: 'TIME.INVALID' }));
  });
});
