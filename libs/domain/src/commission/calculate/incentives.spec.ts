import { commissionStatement } from './statement';
import { FactsBuilder, shares } from '../testing/commission-fixtures';
import { PlanRules } from '../plan-rules';

const { ae } = shares;
const base: PlanRules = { creditType: 'revenue', currency: 'EUR', baseRateBp: 1000, payoutTrigger: 'close', clawbackWindowDays: 0 };
type Item = { productCode: string; amountMinor: number; quantity: number };

/** Ana on one plan; each deal hers at 100% (or `shareBp`), closed at `closedAt`. */
function deals(rules: PlanRules, list: { id: string; closedAt: string; items: Item[]; industry?: string; shareBp?: number }[], quotaMinor?: number) {
  const builder = new FactsBuilder().plan('p', 1, 'P v1', '2026-01-01', rules)
    .assign('ana', 'p', '2026-01-01', quotaMinor === undefined ? {} : { quotaMinor });
  for (const deal of list) {
    const revenue = deal.shareBp === undefined ? [ae('ana', 10_000)] : [ae('ana', deal.shareBp), ae('ben', 10_000 - deal.shareBp)];
    builder.open(deal.id, '2026-01-02T09:00:00Z', { items: deal.items, ...(deal.industry === undefined ? {} : { industry: deal.industry }) })
      .split(deal.id, revenue, [], '2026-01-02T09:00:00Z')
      .win(deal.id, deal.closedAt);
  }
  return builder.build();
}
const lines = (facts: ReturnType<typeof deals>, period: string) =>
  commissionStatement(facts, { userId: 'ana', period }).lines.map((line) => [line.lineId, line.amountMinor, line.lineage.rule, line.lineage.arithmetic]);
const item = (productCode: string, amountMinor: number, quantity = 1): Item => ({ productCode, amountMinor, quantity });

describe('rates', () => {
  it('pays a de-emphasised product at its lower rate', () => {
    const facts = deals({ ...base, productRates: [{ productCode: 'Z', rateBp: 300 }] }, [{ id: 'd1', closedAt: '2026-02-10T00:00:00Z', items: [item('CORE', 1_000_000), item('Z', 1_000_000)] }]);
    expect(lines(facts, '2026-Q1')).toStrictEqual([
      ['d1:commission:CORE', 100_000, 'baseRateBp', '10,000.00 × 100.00% × 10.00% = 1,000.00'],
      ['d1:commission:Z', 30_000, 'productRates[Z]', '10,000.00 × 100.00% × 3.00% = 300.00'],
    ]);
  });

  it('adds the vertical incentive when the industry matches (any case), and not otherwise', () => {
    const rules = { ...base, productRates: [{ productCode: 'X', rateBp: 2000 }], verticalIncentives: [{ industry: 'healthcare', extraRateBp: 250 }] };
    const facts = deals(rules, [
      { id: 'h', closedAt: '2026-02-10T00:00:00Z', industry: 'Healthcare', items: [item('CORE', 1_000_000), item('X', 1_000_000)] },
      { id: 'r', closedAt: '2026-02-11T00:00:00Z', industry: 'retail', items: [item('CORE', 1_000_000)] },
    ]);
    expect(lines(facts, '2026-Q1')).toStrictEqual([
      ['h:commission:CORE', 125_000, 'baseRateBp + verticalIncentives[healthcare]', '10,000.00 × 100.00% × (10.00% + 2.50%) = 1,250.00'],
      ['h:commission:X', 225_000, 'productRates[X] + verticalIncentives[healthcare]', '10,000.00 × 100.00% × (20.00% + 2.50%) = 2,250.00'],
      ['r:commission:CORE', 100_000, 'baseRateBp', '10,000.00 × 100.00% × 10.00% = 1,000.00'],
    ]);
  });

  it('rounds credit by largest remainder and commission half-up, and says so', () => {
    const facts = deals(base, [{ id: 'd1', closedAt: '2026-02-10T00:00:00Z', shareBp: 3333, items: [item('CORE', 1_001)] }]);
    // 1,001 × 33.33% = 333.6333 → 334 (largest remainder: Ben's 667.3667 floors to 667); 334 × 10% = 33.4 → 33.
    expect(lines(facts, '2026-Q1')).toStrictEqual([
      ['d1:commission:CORE', 33, 'baseRateBp', '10.01 × 33.33% → credit 3.34 (rounded); 3.34 × 10.00% = 0.33 (rounded half-up)'],
    ]);
    expect(commissionStatement(facts, { userId: 'ben', period: '2026-Q1' }).lines).toStrictEqual([]); // Ben has no plan
  });
});

describe('accelerators', () => {
  it('applies the quarter-start window to deals closed in the first days of a quarter (UTC dates)', () => {
    const rules = { ...base, accelerators: { quarterStart: { days: 5, multiplierBp: 11_000 } } };
    const facts = deals(rules, [
      { id: 'early', closedAt: '2026-04-05T23:59:59Z', items: [item('CORE', 1_000_000)] },
      { id: 'late', closedAt: '2026-04-06T00:00:00Z', items: [item('CORE', 1_000_000)] },
    ]);
    expect(lines(facts, '2026-Q2')).toStrictEqual([
      ['early:commission:CORE', 100_000, 'baseRateBp', '10,000.00 × 100.00% × 10.00% = 1,000.00'],
      ['early:accelerator', 10_000, 'accelerators.quarterStart', '1,000.00 × 1.10 = 1,100.00; 1,100.00 − 1,000.00 = 100.00 (closed in the first 5 days of 2026-Q2)'],
      ['late:commission:CORE', 100_000, 'baseRateBp', '10,000.00 × 100.00% × 10.00% = 1,000.00'],
    ]);
  });

  it('applies the quarter-end window to the last N days only', () => {
    const rules = { ...base, accelerators: { quarterEnd: { days: 10, multiplierBp: 12_500 } } };
    const facts = deals(rules, [
      { id: 'in', closedAt: '2026-03-22T00:00:00Z', items: [item('CORE', 1_000_000)] },
      { id: 'out', closedAt: '2026-03-21T23:59:59Z', items: [item('CORE', 1_000_000)] },
    ]);
    expect(lines(facts, '2026-Q1').map(([id]) => id)).toStrictEqual(['out:commission:CORE', 'in:commission:CORE', 'in:accelerator']);
  });

  it('accelerates deals closed after attainment crossed a tier, not the deal that crosses it', () => {
    const rules = { ...base, accelerators: { attainmentTiers: [{ aboveAttainmentBp: 10_000, multiplierBp: 15_000 }, { aboveAttainmentBp: 15_000, multiplierBp: 20_000 }] } };
    const facts = deals(rules, [
      { id: 'a', closedAt: '2026-02-01T00:00:00Z', items: [item('CORE', 6_000_000)] },
      { id: 'b', closedAt: '2026-02-02T00:00:00Z', items: [item('CORE', 4_000_000)] }, // reaches 100%: not accelerated
      { id: 'c', closedAt: '2026-02-03T00:00:00Z', items: [item('CORE', 5_000_000)] }, // 100% before: ×1.5, reaches 150%
      { id: 'd', closedAt: '2026-02-04T00:00:00Z', items: [item('CORE', 1_000_000)] }, // 150% before: ×2.0
      { id: 'e', closedAt: '2026-04-01T00:00:00Z', items: [item('CORE', 1_000_000)] }, // new quarter: 0% before
    ], 10_000_000);
    expect(lines(facts, '2026-Q1').filter(([id]) => String(id).endsWith('accelerator'))).toStrictEqual([
      ['c:accelerator', 250_000, 'accelerators.attainmentTiers[0]', '5,000.00 × 1.50 = 7,500.00; 7,500.00 − 5,000.00 = 2,500.00 (attainment before this deal 100,000.00 ÷ quota 100,000.00 = 100.00% ≥ 100.00%)'],
      ['d:accelerator', 100_000, 'accelerators.attainmentTiers[1]', '1,000.00 × 2.00 = 2,000.00; 2,000.00 − 1,000.00 = 1,000.00 (attainment before this deal 150,000.00 ÷ quota 100,000.00 = 150.00% ≥ 150.00%)'],
    ]);
    expect(lines(facts, '2026-Q2').map(([id]) => id)).toStrictEqual(['e:commission:CORE']);
  });

  it('reports the quarter\'s attainment and the tier reached on the statement, and the next tier', () => {
    const rules = { ...base, accelerators: { attainmentTiers: [{ aboveAttainmentBp: 10_000, multiplierBp: 15_000 }, { aboveAttainmentBp: 15_000, multiplierBp: 20_000 }] } };
    const facts = deals(rules, [
      { id: 'a', closedAt: '2026-02-01T00:00:00Z', items: [item('CORE', 6_000_000)] },
      { id: 'b', closedAt: '2026-02-02T00:00:00Z', items: [item('CORE', 6_000_000)] },
    ], 10_000_000);
    expect(commissionStatement(facts, { userId: 'ana', period: '2026-Q1' }).attainment).toStrictEqual({
      userId: 'ana', period: '2026-Q1', quotaMinor: 10_000_000, currency: 'EUR', creditedMinor: 12_000_000, attainmentBp: 12_000,
      tier: { index: 0, aboveAttainmentBp: 10_000, multiplierBp: 15_000 }, nextTier: { index: 1, aboveAttainmentBp: 15_000, multiplierBp: 20_000 },
    });
    expect(commissionStatement(facts, { userId: 'ana', period: '2026-Q2' }).attainment).toMatchObject({ creditedMinor: 0, attainmentBp: 0, nextTier: { index: 0 } });
    expect(commissionStatement(deals(base, [], undefined), { userId: 'ana', period: '2026-Q1' }).attainment).toStrictEqual({
      userId: 'ana', period: '2026-Q1', creditedMinor: 0, currency: 'EUR',
    });
  });

  it('multiplies a window and a tier together and rounds once', () => {
    const rules = { ...base, accelerators: { quarterEnd: { days: 10, multiplierBp: 12_500 }, attainmentTiers: [{ aboveAttainmentBp: 5_000, multiplierBp: 11_000 }] } };
    const facts = deals(rules, [
      { id: 'a', closedAt: '2026-02-01T00:00:00Z', items: [item('CORE', 5_000_000)] },
      { id: 'b', closedAt: '2026-03-30T00:00:00Z', items: [item('CORE', 1_000_001)] },
    ], 10_000_000);
    // 1,000,001 × 10% = 100,000.1 → 100,000; × 1.25 × 1.10 = 137,500.
    expect(lines(facts, '2026-Q1').at(-1)).toStrictEqual([
      'b:accelerator', 37_500, 'accelerators.quarterEnd + accelerators.attainmentTiers[0]',
      '1,000.00 × 1.25 × 1.10 = 1,375.00; 1,375.00 − 1,000.00 = 375.00 (closed in the last 10 days of 2026-Q1; attainment before this deal 50,000.00 ÷ quota 100,000.00 = 50.00% ≥ 50.00%)',
    ]);
  });
});

describe('SPIFs', () => {
  const rules: PlanRules = { ...base, spifs: [
    { id: 'y-units', productCode: 'Y', metric: 'quantity', target: 5, bonusMinor: 50_000 },
    { id: 'y-amount', productCode: 'Y', metric: 'amount', target: 3_000_000, bonusMinor: 70_000 },
  ] };

  it('pays each bonus once, in the quarter and on the deal that reaches the target', () => {
    const facts = deals(rules, [
      { id: 'a', closedAt: '2026-02-01T00:00:00Z', items: [item('Y', 1_000_000, 3), item('CORE', 500_000)] },
      { id: 'b', closedAt: '2026-02-15T00:00:00Z', shareBp: 5000, items: [item('Y', 2_000_000, 2)] },
      { id: 'c', closedAt: '2026-03-01T00:00:00Z', items: [item('Y', 3_000_000, 4)] },
      { id: 'd', closedAt: '2026-04-01T00:00:00Z', items: [item('Y', 1_000_000, 4)] },
    ]);
    const spifs = (period: string) => commissionStatement(facts, { userId: 'ana', period }).lines.filter((line) => line.kind === 'spif');
    expect(spifs('2026-Q1').map((line) => [line.lineId, line.amountMinor, line.lineage.dealId, line.lineage.rule, line.lineage.arithmetic])).toStrictEqual([
      ['spif:y-units:2026-Q1', 50_000, 'b', 'spifs[y-units]', 'Y quantity in 2026-Q1: a 3 + b 2 = 5 ≥ target 5 → bonus 500.00'],
      ['spif:y-amount:2026-Q1', 70_000, 'c', 'spifs[y-amount]', 'Y amount in 2026-Q1: a 10,000.00 + b 10,000.00 + c 30,000.00 = 50,000.00 ≥ target 30,000.00 → bonus 700.00'],
    ]);
    expect(spifs('2026-Q1')[0].lineage.events.map((e) => `${e.role}:${e.streamId}`)).toStrictEqual([
      'close:deal-b', 'split:deal-b', 'plan-version:plan-p', 'assignment:assignment-ana', 'contributing-close:deal-a',
    ]);
    expect(spifs('2026-Q2')).toStrictEqual([]); // 4 units in Q2: a new quarter starts from zero
  });
});
