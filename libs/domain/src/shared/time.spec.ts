import fc from 'fast-check';
import { DomainError } from './domain-error';
import { CommandMetadata } from './message';
import { daysBetween, isCanonicalInstant, parseInstant, parseInstantOrDate, requireNotBefore, resolveOccurredAt } from './time';

const NOW = '2026-03-20T12:00:00Z';
const metadata = (occurredAt?: string): CommandMetadata => ({
  commandId: 'c1', actor: { id: 'ana', roles: ['rep'] }, now: NOW, ...(occurredAt ? { occurredAt } : {}),
});
const codeOf = (run: () => unknown) => {
  try { run(); } catch (error) { return (error as DomainError).code; }
  return 'no error';
};

describe('resolveOccurredAt', () => {
  it('defaults to now', () => {
    expect(resolveOccurredAt(metadata())).toBe(NOW);
  });

  it('accepts a backdated time ("the demo was yesterday")', () => {
    expect(resolveOccurredAt(metadata('2026-03-19T15:00:00Z'))).toBe('2026-03-19T15:00:00Z');
  });

  it('tolerates five minutes of clock skew and no more', () => {
    expect(resolveOccurredAt(metadata('2026-03-20T12:05:00Z'))).toBe('2026-03-20T12:05:00Z');
    expect(codeOf(() => resolveOccurredAt(metadata('2026-03-20T12:05:00.001Z')))).toBe('TIME.OCCURRED_IN_FUTURE');
  });

  it('compares instants, not strings, across time zones', () => {
    expect(resolveOccurredAt(metadata('2026-03-20T13:04:00+01:00'))).toBe('2026-03-20T13:04:00+01:00');
    expect(codeOf(() => resolveOccurredAt(metadata('2026-03-20T13:06:00+01:00')))).toBe('TIME.OCCURRED_IN_FUTURE');
  });

  it('refuses a time before the lower bound', () => {
    const opened = { at: '2026-03-01T09:00:00Z', label: 'opening of the deal' };
    expect(resolveOccurredAt(metadata('2026-03-01T09:00:00Z'), opened)).toBe('2026-03-01T09:00:00Z');
    expect(codeOf(() => resolveOccurredAt(metadata('2026-03-01T08:59:59Z'), opened))).toBe('TIME.OCCURRED_BEFORE_OPEN');
    expect(codeOf(() => requireNotBefore('2026-03-01T08:00:00Z', { ...opened, code: 'TIME.OCCURRED_BEFORE_STAGE_ENTERED' })))
      .toBe('TIME.OCCURRED_BEFORE_STAGE_ENTERED');
  });

  it.each(['yesterday', '2026-03-20', '2026-03-20T12:00:00', '2026-02-30T12:00:00Zx'])('rejects %p as TIME.INVALID', (value) => {
    expect(codeOf(() => resolveOccurredAt(metadata(value)))).toBe('TIME.INVALID');
  });
});

describe('time parsing', () => {
  it('needs an explicit zone for instants, so results do not depend on the machine', () => {
    expect(parseInstant('2026-03-20T12:00:00Z')).toBe(Date.UTC(2026, 2, 20, 12));
    expect(codeOf(() => parseInstant('2026-03-20T12:00:00'))).toBe('TIME.INVALID');
  });

  it('accepts calendar dates where a date is meant, and rejects impossible ones', () => {
    expect(parseInstantOrDate('2026-03-31')).toBe(Date.UTC(2026, 2, 31));
    expect(codeOf(() => parseInstantOrDate('2026-02-30'))).toBe('TIME.INVALID');
  });

  it('measures days between instants', () => {
    expect(daysBetween('2026-03-01T00:00:00Z', '2026-03-15T12:00:00Z')).toBe(14.5);
  });
});

describe('canonical instants (as toISOString writes them)', () => {
  const FIRST = Date.parse('0000-01-01T00:00:00.000Z');
  const LAST = Date.parse('9999-12-31T23:59:59.999Z');
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  /** Strings of the canonical shape with every field allowed out of range: 2026-02-30, 24:00, 13th month… */
  const shaped = fc.tuple(
    fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }),
    fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 999 }),
  ).map(([y, mo, d, h, mi, s, ms]) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.${pad(ms, 3)}Z`);

  it('are exactly the strings toISOString gives back unchanged', () => {
    fc.assert(fc.property(fc.integer({ min: FIRST, max: LAST }), (ms) => isCanonicalInstant(new Date(ms).toISOString())));
    fc.assert(fc.property(shaped, (value) => {
      const ms = Date.parse(value);
      expect(isCanonicalInstant(value)).toBe(!Number.isNaN(ms) && new Date(ms).toISOString() === value);
    }), { numRuns: 2000 });
    // One character changed anywhere, to anything.
    fc.assert(fc.property(fc.integer({ min: FIRST, max: LAST }), fc.nat(23), fc.integer({ min: 0, max: 127 }), (ms, index, code) => {
      const iso = new Date(ms).toISOString();
      const value = `${iso.slice(0, index)}${String.fromCharCode(code)}${iso.slice(index + 1)}`;
      const parsed = Date.parse(value);
      expect(isCanonicalInstant(value)).toBe(!Number.isNaN(parsed) && new Date(parsed).toISOString() === value);
    }), { numRuns: 2000 });
    expect(['2024-02-29T23:59:59.999Z', '0000-02-29T00:00:00.000Z'].map(isCanonicalInstant)).toStrictEqual([true, true]);
  });

  it.each([
    '2026-03-25T10:00:00Z', '2026-03-25T10:00:00.000+00:00', '2026-03-25T10:00:00.0000Z', '2026-02-30T00:00:00.000Z', '2025-02-29T00:00:00.000Z',
    '2100-02-29T00:00:00.000Z', '2026-01-01T24:00:00.000Z', '+010000-01-01T00:00:00.000Z', '2026-03-25 10:00:00.000Z', '2026-03-2aT10:00:00.000Z', '2026-03-1/T10:00:00.000Z', '2026-03-25T10:00:00.00aZ', 1_774_432_800_000,
  ])('%p is not one', (value) => {
    expect(isCanonicalInstant(value)).toBe(false);
  });

  it('order as text as their instants do', () => {
    fc.assert(fc.property(fc.integer({ min: FIRST, max: LAST }), fc.integer({ min: FIRST, max: LAST }), (a, b) => {
      const [x, y] = [new Date(a).toISOString(), new Date(b).toISOString()];
      expect(Math.sign(x < y ? -1 : x > y ? 1 : 0)).toBe(Math.sign(a - b));
    }));
  });
});
