/** Basis points: 10,000 = 100% (or a multiplier of ×1.00). */
export const BP = 10_000;

function toSafeNumber(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`${value} minor units is beyond exact arithmetic`);
  return n;
}

/**
 * amount × f1 × f2 × … ÷ 10,000^k, rounded half away from zero (half-up for positive amounts),
 * computed exactly with BigInt. Each factor is in basis points.
 */
export function applyBp(amountMinor: number, ...factorsBp: readonly number[]): number {
  let numerator = BigInt(amountMinor);
  let denominator = 1n;
  for (const factor of factorsBp) {
    numerator *= BigInt(factor);
    denominator *= BigInt(BP);
  }
  return toSafeNumber(divideHalfUp(numerator, denominator));
}

/** numerator ÷ denominator (denominator > 0), rounded half away from zero. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (magnitude * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}

/**
 * Splits `totalMinor` in proportion to `weights` by the largest-remainder method: everyone gets
 * the floor of their exact part, and the minor units left over go one each to the largest
 * remainders (ties to the earlier weight). The parts always sum to `totalMinor` exactly.
 */
export function allocateLargestRemainder(totalMinor: number, weights: readonly number[]): number[] {
  if (totalMinor < 0) return allocateLargestRemainder(-totalMinor, weights).map((part) => (part === 0 ? 0 : -part));
  const weightSum = weights.reduce((sum, weight) => sum + BigInt(weight), 0n);
  if (weights.length === 0 || weightSum === 0n) return weights.map(() => 0);
  const total = BigInt(totalMinor);
  const parts = weights.map((weight, index) => {
    const exact = total * BigInt(weight);
    return { index, floor: exact / weightSum, remainder: exact % weightSum };
  });
  let left = total - parts.reduce((sum, part) => sum + part.floor, 0n);
  const order = [...parts].sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const part of order) {
    if (left <= 0n) break;
    part.floor += 1n;
    left -= 1n;
  }
  return parts.map((part) => toSafeNumber(part.floor));
}
