/**
 * Durations are measured in whole milliseconds between two instants and turned into fractional
 * days only at the end (ms / 86,400,000), so sums are exact integers and every reported number
 * is one correctly rounded division: the same answer whatever order the deals come in.
 */
export const MS_PER_DAY = 86_400_000;

export function msBetween(from: string, to: string): number {
  return Date.parse(to) - Date.parse(from);
}

export const toDays = (ms: number): number => ms / MS_PER_DAY;

/** Count, mean and median of durations; null when there is nothing to measure. */
export interface DurationStats {
  readonly count: number;
  readonly averageDays: number | null;
  readonly medianDays: number | null;
}

export function durationStats(durationsMs: readonly number[]): DurationStats {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  if (sorted.length === 0) return { count: 0, averageDays: null, medianDays: null };
  const total = sorted.reduce((sum, ms) => sum + ms, 0);
  return { count: sorted.length, averageDays: total / sorted.length / MS_PER_DAY, medianDays: toDays(medianOf(sorted)) };
}

/**
 * The conventional median of ascending values: the middle one, or the mean of the two middle
 * ones for an even count (so the median of 1, 2, 3, 4 is 2.5).
 */
export function medianOf(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Nearest-rank percentile of ascending values: the value at 1-based rank ⌈p/100 × n⌉, always one
 * of the observed values (no interpolation). p90 of 1..10 is 9; p90 of 7 values is the largest.
 * `percent` is an integer in 1..100; the rank is computed in integers to avoid float drift.
 */
export function nearestRank(sorted: readonly number[], percent: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = Math.max(1, Math.ceil((percent * sorted.length) / 100));
  return sorted[rank - 1];
}

/** An exact fraction, with its percentage rounded half-up to a whole number (null for 0/0). */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
  readonly percent: number | null;
}

export function ratio(numerator: number, denominator: number): Ratio {
  return {
    numerator, denominator,
    // round(100·n/d) half-up, in integers: ⌊(200·n + d) / (2·d)⌋.
    percent: denominator === 0 ? null : Math.floor((200 * numerator + denominator) / (2 * denominator)),
  };
}

const PROBABILITY_SCALE = 1_000_000n;

/**
 * amountMinor × probability rounded half-up to a whole minor unit, in exact integer arithmetic.
 * The probability is taken to six decimals (exact for catalogue values such as 0.1 or 0.35).
 */
export function weightedMinor(amountMinor: number, probability: number): number {
  const scaled = BigInt(Math.round(probability * Number(PROBABILITY_SCALE)));
  return Number((2n * BigInt(amountMinor) * scaled + PROBABILITY_SCALE) / (2n * PROBABILITY_SCALE));
}
