import { comparePositions, fromPortPosition, isKnownPosition, toPortPosition } from './esdb-position';

describe('$all positions', () => {
  it('are the commit position as a number, and back with commit = prepare', () => {
    expect(toPortPosition({ commit: 4_096n, prepare: 4_000n })).toBe(4_096);
    expect(fromPortPosition(4_096)).toEqual({ commit: 4_096n, prepare: 4_096n });
  });

  it('refuse a commit position a JS number cannot hold exactly (2^53 bytes of log)', () => {
    const max = BigInt(Number.MAX_SAFE_INTEGER);
    expect(toPortPosition({ commit: max, prepare: max })).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toPortPosition({ commit: max + 1n, prepare: 0n })).toThrow(RangeError);
  });

  it('refuse a port position that is not an integer >= 0', () => {
    for (const bad of [-1, 1.5, NaN, Number.MAX_SAFE_INTEGER + 2]) expect(() => fromPortPosition(bad)).toThrow(RangeError);
  });

  it('order by commit, then by prepare', () => {
    const p = (commit: bigint, prepare: bigint) => ({ commit, prepare });
    expect(comparePositions(p(10n, 10n), p(20n, 20n))).toBe(-1);
    expect(comparePositions(p(20n, 5n), p(10n, 10n))).toBe(1);
    expect(comparePositions(p(20n, 5n), p(20n, 7n))).toBe(-1);
    expect(comparePositions(p(20n, 7n), p(20n, 7n))).toBe(0);
  });

  it('treat the all-ones commit (stream reads before server 22.6) as unknown', () => {
    expect(isKnownPosition({ commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n })).toBe(false);
    expect(isKnownPosition(undefined)).toBe(false);
    expect(isKnownPosition({ commit: 0n, prepare: 0n })).toBe(true);
  });
});
