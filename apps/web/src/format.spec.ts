import { amountOnly, daysBack, decimal, decimalMoney, money, shortAmount, shortMoney } from './format';

describe('money on the dashboard, in each currency\'s own decimals', () => {
  it.each([
    [10_050, 'EUR', '100.50 EUR'],
    [1_487_500, 'USD', '14,875.00 USD'],
    [1_500_000, 'JPY', '1,500,000 JPY'],
    [-1_250, 'KWD', '−1.250 KWD'],
    [5, 'EUR', '0.05 EUR'],
    [10_050, 'ZZZ', '100.50 ZZZ'],
  ])('shows %d %s as %s', (minor, currency, text) => {
    expect(money(minor, currency)).toBe(text);
  });

  it('writes plain decimals for form fields, signed', () => {
    expect([decimal(-212_500, 'EUR'), decimal(-2_125, 'JPY'), decimal(7, 'BHD'), decimal(0, 'EUR')]).toEqual(['-2125.00', '-2125', '0.007', '0.00']);
  });

  it('shortens by the currency\'s unit, not by hundredths', () => {
    expect([shortMoney(120_000_000, 'EUR'), shortMoney(150_000_000, 'JPY'), shortMoney(35_000_000, 'EUR')]).toEqual(['1.2M EUR', '150M JPY', '350k EUR']);
  });

  it('leaves the code out where the currency is labelled once', () => {
    expect([amountOnly(-212_500, 'EUR'), amountOnly(1_500_000, 'JPY'), shortAmount(120_000_000, 'EUR')]).toEqual(['−2,125.00', '1,500,000', '1.2M']);
  });

  it('shows the API\'s decimal text like money, with a real minus and no minus on zero', () => {
    expect([decimalMoney('-2125.00', 'EUR'), decimalMoney('1500000', 'JPY'), decimalMoney('-0.00', 'EUR'), decimalMoney('14875.00', 'EUR')])
      .toEqual(['−2,125.00 EUR', '1,500,000 JPY', '0.00 EUR', '14,875.00 EUR']);
  });

  it('counts whole days back from a change\'s proposal to its business time', () => {
    expect([daysBack('2026-03-26T16:00:00Z', '2026-04-02T15:59:59Z'), daysBack('2026-03-26T16:00:00Z', '2026-04-02T16:00:00Z')]).toEqual([6, 7]);
  });
});
