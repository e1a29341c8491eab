import { parseSourceAmount, parseSourceDate, toUserId } from './source-values';

describe('values as CRM exports write them', () => {
  it.each([
    ['2025-01-15T10:23:00.000Z', '2025-01-15T10:23:00.000Z'],
    ['2025-01-15T10:23:00.000+0000', '2025-01-15T10:23:00.000Z'],
    ['2025-01-15T11:23:00+01:00', '2025-01-15T10:23:00.000Z'],
    ['2025-01-15 10:23', '2025-01-15T10:23:00.000Z'],
    ['2025-01-15 10:23:45', '2025-01-15T10:23:45.000Z'],
    ['2025-01-15', '2025-01-15T00:00:00.000Z'],
    ['1/15/2025', '2025-01-15T00:00:00.000Z'],
    ['1/15/2025, 10:23 PM', '2025-01-15T22:23:00.000Z'],
    ['1/15/2025 12:05 AM', '2025-01-15T00:05:00.000Z'],
  ])('reads the date %s as %s', (value, iso) => {
    expect(parseSourceDate(value)).toBe(iso);
  });

  it.each(['', 'yesterday', '2025-02-30', '13/15/2025', '2025-01-15T25:00:00Z', '1/15/2025 13:00 PM'])('refuses %p as a date', (value) => {
    expect(parseSourceDate(value)).toBeUndefined();
  });

  it('reads amounts into minor units of their currency, blank as nothing and garbage as NaN', () => {
    expect(parseSourceAmount('12500', 'USD')).toBe(1_250_000);
    expect(parseSourceAmount('12,500.5', 'USD')).toBe(1_250_050);
    expect(parseSourceAmount('$12,500.05', 'USD')).toBe(1_250_005);
    expect(parseSourceAmount('EUR 9,900.00', 'EUR')).toBe(990_000);
    expect(parseSourceAmount('-20.10', 'EUR')).toBe(-2010);
    expect(parseSourceAmount(' ', 'EUR')).toBeUndefined();
    expect(parseSourceAmount('12.345', 'EUR')).toBeNaN();
    expect(parseSourceAmount('ten', 'EUR')).toBeNaN();
  });

  it('reads amounts with the decimals of their currency: none for JPY, three for KWD', () => {
    expect(parseSourceAmount('1,250,000', 'JPY')).toBe(1_250_000);
    expect(parseSourceAmount('100.50', 'JPY')).toBeNaN();
    expect(parseSourceAmount('12.345', 'KWD')).toBe(12_345);
    expect(parseSourceAmount('12.3456', 'KWD')).toBeNaN();
    expect(parseSourceAmount('100', 'ZZZ')).toBeNaN();
  });

  it('turns names into user ids and keeps ids as they are', () => {
    expect(toUserId('Jane Doe')).toBe('jane.doe');
    expect(toUserId("Jane O'Neil")).toBe('jane.oneil');
    expect(toUserId('Max Müller')).toBe('max.muller');
    expect(toUserId('0055g00000JaneAAA')).toBe('0055g00000JaneAAA');
    expect(toUserId('  ')).toBeUndefined();
  });
});
