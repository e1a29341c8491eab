import { Line } from './commission-types';
import { lineTitle, personText, planOf } from './commission-model';

const line = (over: Partial<Line>): Line => ({
  lineId: '8ab29ba8-0000-4000-8000-000000000000:commission:CORE', kind: 'commission', amountMinor: 150_000, currency: 'EUR', dueAt: '2026-03-26T16:00:00Z',
  productCode: 'CORE', dealName: 'Acme rollout',
  lineage: { dealId: '8ab29ba8-0000-4000-8000-000000000000', events: [], rule: 'base', arithmetic: '', plan: { planId: 'ae', version: 1, name: 'AE FY26 v1' } },
  ...over,
});

describe('statement lines in words', () => {
  it('names the deal, the kind of pay and the product instead of the line id', () => {
    expect(lineTitle(line({}))).toBe('Acme rollout · commission · CORE');
    expect(planOf(line({}))).toBe('AE FY26 v1');
  });

  it('falls back to a short deal id, and names a correction by the period it corrects', () => {
    const prior = line({ kind: 'prior-period', dealName: undefined, productCode: undefined });
    const withPeriod = { ...prior, lineage: { ...prior.lineage, priorPeriod: { period: '2026-Q1', lineId: 'x', adjusted: '0.00', adjustedIn: [] } } };
    expect(lineTitle(withPeriod)).toBe('deal 8ab29ba8 · correction of 2026-Q1');
  });

  it('shows a person by name with the id beside it', () => {
    expect([personText({ userId: 'ana.ae', name: 'Ana' }), personText({ userId: 'ana.ae' })]).toEqual(['Ana (ana.ae)', 'ana.ae']);
  });
});
