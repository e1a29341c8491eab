import { DomainError } from './domain-error';
import { formatMinor, isMinorAmount, parseMoneyToMinor, sumMinor } from './money';

const codeOf = (run: () => unknown) => {
  try { run(); } catch (error) { return (error as DomainError).code; }
  return 'no error';
};

describe('money', () => {
  it.each([
    ['100000.00', 10_000_000],
    ['100000', 10_000_000],
    ['100000.5', 10_000_050],
    ['0.01', 1],
    ['0', 0],
    ['007.10', 710],
    ['-12.34', -1234],
    ['-0.00', 0],
    ['90071992547409.91', 9_007_199_254_740_991],
  ])('parses %s exactly to %d minor units', (text, minor) => {
    expect(parseMoneyToMinor(text)).toBe(minor);
  });

  it('parses 0.1 + 0.2 style amounts without binary rounding', () => {
    expect(parseMoneyToMinor('0.10') + parseMoneyToMinor('0.20')).toBe(parseMoneyToMinor('0.30'));
    expect(parseMoneyToMinor('1.15')).toBe(115); // 1.15 * 100 === 114.99999999999999 in floating point
  });

  it.each(['1.234', '1,000.00', '1e5', ' 1.00', '', '.50', '1.', '+1', 'abc', '90071992547409.92'])(
    'rejects %p with MONEY.INVALID', (text) => {
      expect(codeOf(() => parseMoneyToMinor(text))).toBe('MONEY.INVALID');
    });

  it('honours other minor-unit sizes', () => {
    expect(parseMoneyToMinor('1500', 0)).toBe(1500);
    expect(codeOf(() => parseMoneyToMinor('1500.5', 0))).toBe('MONEY.INVALID');
    expect(parseMoneyToMinor('1.234', 3)).toBe(1234);
    expect(formatMinor(1234, 3)).toBe('1.234');
    expect(formatMinor(1500, 0)).toBe('1500');
  });

  it.each([
    [10_000_000, '100000.00'],
    [1, '0.01'],
    [0, '0.00'],
    [-1234, '-12.34'],
    [1_487_500, '14875.00'],
  ])('formats %d as %s', (minor, text) => {
    expect(formatMinor(minor)).toBe(text);
    expect(parseMoneyToMinor(text)).toBe(minor);
  });

  it('refuses to format a fractional minor amount', () => {
    expect(codeOf(() => formatMinor(1.5))).toBe('MONEY.INVALID');
  });

  it('knows a valid amount in minor units and sums exactly', () => {
    expect(isMinorAmount(0)).toBe(true);
    expect(isMinorAmount(-1)).toBe(false);
    expect(isMinorAmount(1.5)).toBe(false);
    expect(isMinorAmount('1')).toBe(false);
    expect(sumMinor([6_000_000, 4_000_000])).toBe(10_000_000);
  });
});
