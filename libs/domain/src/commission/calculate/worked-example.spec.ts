import { commissionStatement } from './statement';
import { workedExample } from '../testing/commission-fixtures';

const facts = workedExample();
const q1 = (userId: string) => commissionStatement(facts, { userId, period: '2026-Q1' });
const ids = (refs: readonly { eventId: string; position: number; role: string }[]) =>
  refs.map(({ role, eventId, position }) => `${role}:${eventId}@${position}`);

describe('the worked example (brief: Ana 14,875.00 / Ben 6,375.00 / Sam 2,000.00)', () => {
  it('pays Ana (6,300 + 5,600) × 1.25 = 14,875.00, line by line with the arithmetic', () => {
    const statement = q1('ana');
    expect(statement.lines.map((line) => [line.lineId, line.kind, line.amountMinor, line.lineage.rule, line.lineage.arithmetic])).toStrictEqual([
      ['acme:commission:CORE', 'commission', 630_000, 'baseRateBp', '60,000.00 × 70.00% × 15.00% = 6,300.00'],
      ['acme:commission:X', 'commission', 560_000, 'productRates[X]', '40,000.00 × 70.00% × 20.00% = 5,600.00'],
      ['acme:accelerator', 'accelerator', 297_500, 'accelerators.quarterEnd',
        '(6,300.00 + 5,600.00) × 1.25 = 14,875.00; 14,875.00 − 11,900.00 = 2,975.00 (closed in the last 10 days of 2026-Q1)'],
    ]);
    expect(statement.totals).toStrictEqual([{
      currency: 'EUR', totalMinor: 1_487_500, byKind: { commission: 1_190_000, accelerator: 297_500, spif: 0, clawback: 0, adjustment: 0, 'prior-period': 0 },
    }]);
    expect(statement.notes).toStrictEqual([]);
  });

  it('pays Ben (2,700 + 2,400) × 1.25 = 6,375.00', () => {
    const statement = q1('ben');
    expect(statement.lines.map((line) => [line.lineId, line.amountMinor, line.lineage.arithmetic])).toStrictEqual([
      ['acme:commission:CORE', 270_000, '60,000.00 × 30.00% × 15.00% = 2,700.00'],
      ['acme:commission:X', 240_000, '40,000.00 × 30.00% × 20.00% = 2,400.00'],
      ['acme:accelerator', 127_500, '(2,700.00 + 2,400.00) × 1.25 = 6,375.00; 6,375.00 − 5,100.00 = 1,275.00 (closed in the last 10 days of 2026-Q1)'],
    ]);
    expect(statement.totals[0].totalMinor).toBe(637_500);
  });

  it('pays Sam 4% of his 50% overlay credit, 2,000.00, without reducing anyone', () => {
    const statement = q1('sam');
    expect(statement.lines.map((line) => [line.lineId, line.amountMinor, line.lineage.rule, line.lineage.arithmetic])).toStrictEqual([
      ['acme:commission:CORE', 120_000, 'baseRateBp', '60,000.00 × 50.00% × 4.00% = 1,200.00'],
      ['acme:commission:X', 80_000, 'baseRateBp', '40,000.00 × 50.00% × 4.00% = 800.00'],
    ]);
    expect(statement.totals[0].totalMinor).toBe(200_000);
  });

  it('carries lineage on every line: the deal, the close, split, plan version and assignment events with positions', () => {
    for (const [userId, plan, assignment] of [['ana', 'evt-1@1', 'evt-3@3'], ['ben', 'evt-1@1', 'evt-4@4'], ['sam', 'evt-2@2', 'evt-5@5']]) {
      const statement = q1(userId);
      expect(statement.lines.length).toBeGreaterThan(0);
      for (const line of statement.lines) {
        expect(line.lineage.dealId).toBe('acme');
        expect(ids(line.lineage.events)).toStrictEqual(['close:evt-8@8', 'split:evt-7@7', `plan-version:${plan}`, `assignment:${assignment}`]);
        expect(line.lineage.events[0]).toMatchObject({ type: 'DealClosedWon', occurredAt: '2026-03-25T10:00:00.000Z', streamId: 'deal-acme' });
        expect(line.lineage.split).toMatchObject({ source: 'CreditSplitsSet', eventId: 'evt-7', position: 7 });
        expect(line.currency).toBe('EUR');
        expect(line.dueAt).toBe('2026-03-25T10:00:00.000Z');
      }
    }
    expect(q1('ana').lines[0].lineage).toMatchObject({
      plan: { planId: 'ae-fy26', version: 1, name: 'AE FY26 v1' },
      split: { creditType: 'revenue', shareBp: 7000 },
    });
    expect(q1('sam').lines[0].lineage).toMatchObject({
      plan: { planId: 'se-fy26', version: 1, name: 'SE FY26 v1' },
      split: { creditType: 'overlay', shareBp: 5000 },
    });
  });

  it('puts nothing in other quarters', () => {
    expect(commissionStatement(facts, { userId: 'ana', period: '2026-Q2' }).lines).toStrictEqual([]);
    expect(commissionStatement(facts, { userId: 'ana', period: '2025-Q4' }).totals).toStrictEqual([]);
  });
});
