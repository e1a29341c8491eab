import { growthText, perCurrencyText, ratioText, ratioTitle, shiftPeriod } from './kpis-model';

describe('KPI figures in words', () => {
  it('shows ratios, and nothing to divide by as a dash', () => {
    expect([ratioText({ numerator: 2, denominator: 3, percent: 67 }), ratioText({ numerator: 0, denominator: 0, percent: null })]).toEqual(['67%', '—']);
    expect(ratioTitle({ numerator: 2, denominator: 3, percent: 67 })).toBe('2 of 3');
  });

  it('signs growth, and says new when the month before had nothing', () => {
    expect([50, -100, 0].map((percent) => growthText({ numerator: 0, denominator: 1, percent }))).toEqual(['+50%', '−100%', '0%']);
    expect(growthText({ numerator: 5, denominator: 0, percent: null })).toBe('new');
  });

  it('moves months and quarters across years', () => {
    expect([shiftPeriod('2026-01', -1), shiftPeriod('2025-12', 1), shiftPeriod('2026-Q1', -1), shiftPeriod('2026-Q4', 1)])
      .toEqual(['2025-12', '2026-01', '2025-Q4', '2027-Q1']);
  });

  it('never adds currencies together', () => {
    expect(perCurrencyText([{ currency: 'EUR', minor: 1_000_000 }, { currency: 'USD', minor: 500_000 }])).toBe('10,000.00 EUR │ 5,000.00 USD');
    expect(perCurrencyText([])).toBe('—');
  });
});
