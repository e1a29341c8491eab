import { commissionStatement } from './statement';
import { AE_FY26_RULES, FactsBuilder, shares } from '../testing/commission-fixtures';
import { PlanRules } from '../plan-rules';

const { ae } = shares;
const plain: PlanRules = { creditType: 'revenue', currency: 'EUR', baseRateBp: 1000, payoutTrigger: 'close', clawbackWindowDays: 60 };
const items = [{ productCode: 'CORE', amountMinor: 1_000_000, quantity: 1 }];

function wonDeal(rules: PlanRules) {
  return new FactsBuilder()
    .plan('p', 1, 'P v1', '2026-01-01', rules)
    .assign('ana', 'p', '2026-01-01')
    .open('d1', '2026-02-01T09:00:00Z', { items })
    .split('d1', [ae('ana', 10_000)], [], '2026-02-01T09:00:00Z')
    .win('d1', '2026-03-10T12:00:00Z');
}
const statement = (facts: ReturnType<FactsBuilder['build']>, period: string) => commissionStatement(facts, { userId: 'ana', period });
const summary = (facts: ReturnType<FactsBuilder['build']>, period: string) =>
  statement(facts, period).lines.map((line) => [line.lineId, line.kind, line.amountMinor, line.dueAt]);

describe('payout trigger', () => {
  it('pays a close plan in the quarter of the close', () => {
    expect(summary(wonDeal(plain).build(), '2026-Q1')).toStrictEqual([['d1:commission:CORE', 'commission', 100_000, '2026-03-10T12:00:00.000Z']]);
  });

  it('pays a go-live plan nothing at the close, and everything in the go-live quarter', () => {
    const goLive = { ...plain, payoutTrigger: 'go-live' as const };
    const notLive = wonDeal(goLive).build();
    expect(summary(notLive, '2026-Q1')).toStrictEqual([]);
    expect(statement(notLive, '2026-Q1').notes).toStrictEqual([
      { dealId: 'd1', plan: { planId: 'p', version: 1, name: 'P v1' }, problem: "d1: plan 'p' pays at go-live; not live yet" },
    ]);
    const live = wonDeal(goLive).live('d1', '2026-04-20T09:00:00Z').build();
    expect(summary(live, '2026-Q1')).toStrictEqual([]);
    expect(summary(live, '2026-Q2')).toStrictEqual([['d1:commission:CORE', 'commission', 100_000, '2026-04-20T09:00:00.000Z']]);
    expect(statement(live, '2026-Q2').lines[0].lineage.events.map((e) => [e.role, e.type])).toStrictEqual([
      ['close', 'DealClosedWon'], ['split', 'CreditSplitsSet'], ['plan-version', 'CommissionPlanVersionPublished'],
      ['assignment', 'CommissionPlanAssigned'], ['go-live', 'DealWentLive'],
    ]);
  });

  it('pays nothing and claws back nothing when a go-live deal is reversed before it goes live', () => {
    const facts = wonDeal({ ...plain, payoutTrigger: 'go-live' }).reverse('d1', '2026-03-20T09:00:00Z').build();
    expect([...summary(facts, '2026-Q1'), ...summary(facts, '2026-Q2')]).toStrictEqual([]);
  });
});

describe('clawback', () => {
  it('claws back exactly what was paid, in the quarter of a reversal inside the window', () => {
    const rules = { ...AE_FY26_RULES, clawbackWindowDays: 60 };
    const facts = new FactsBuilder()
      .plan('ae', 1, 'AE', '2026-01-01', rules).assign('ana', 'ae', '2026-01-01')
      .open('acme', '2026-03-01T09:00:00Z')
      .split('acme', [ae('ana', 10_000)], [], '2026-03-01T09:00:00Z')
      .win('acme', '2026-03-25T10:00:00Z')
      .reverse('acme', '2026-05-24T10:00:00Z')
      .build();
    const paid = statement(facts, '2026-Q1');
    expect(paid.totals[0].totalMinor).toBe(2_125_000); // (9,000 + 8,000) × 1.25
    const q2 = statement(facts, '2026-Q2');
    expect(q2.lines.map((line) => [line.lineId, line.kind, line.amountMinor, line.lineage.rule, line.lineage.arithmetic])).toStrictEqual([
      ['acme:clawback', 'clawback', -2_125_000, 'clawbackWindowDays', 'reversed 60 days after the close (window 60 days): −(9,000.00 + 8,000.00 + 4,250.00) = −21,250.00'],
    ]);
    expect(q2.lines[0].lineage.events.map((e) => e.role)).toStrictEqual(['close', 'split', 'plan-version', 'assignment', 'reversal']);
    expect(q2.totals[0].byKind.clawback).toBe(-2_125_000);
  });

  it('claws back nothing for a reversal outside the window', () => {
    const facts = wonDeal(plain).reverse('d1', '2026-05-09T12:00:01Z').build(); // 60 days and 1 second
    expect(summary(facts, '2026-Q2')).toStrictEqual([]);
    const inside = wonDeal(plain).reverse('d1', '2026-05-09T12:00:00Z').build();
    expect(summary(inside, '2026-Q2')).toStrictEqual([['d1:clawback', 'clawback', -100_000, '2026-05-09T12:00:00.000Z']]);
  });

  it('nets to zero when reversed in the quarter it was paid', () => {
    const facts = wonDeal(plain).reverse('d1', '2026-03-20T12:00:00Z').build();
    expect(statement(facts, '2026-Q1').totals[0]).toMatchObject({ totalMinor: 0, byKind: { commission: 100_000, clawback: -100_000 } });
  });
});

describe('plan in force', () => {
  it('uses the latest version effective at the close, and notes credit without a plan', () => {
    const v2 = { ...plain, baseRateBp: 1200 };
    const facts = wonDeal(plain).plan('p', 2, 'P v2', '2026-03-01', v2).build();
    expect(statement(facts, '2026-Q1').lines[0]).toMatchObject({ amountMinor: 120_000, lineage: { plan: { planId: 'p', version: 2 }, rule: 'baseRateBp' } });
    const later = wonDeal(plain).plan('p', 2, 'P v2', '2026-03-11', v2).build();
    expect(statement(later, '2026-Q1').lines[0]).toMatchObject({ amountMinor: 100_000, lineage: { plan: { version: 1 } } });

    const unassigned = new FactsBuilder()
      .plan('p', 1, 'P v1', '2026-01-01', plain).assign('ana', 'p', '2026-01-01', { effectiveTo: '2026-03-09' })
      .open('d1', '2026-02-01T09:00:00Z', { items }).split('d1', [ae('ana', 10_000)], [], '2026-02-01T09:00:00Z')
      .win('d1', '2026-03-10T00:00:00Z').build();
    expect(statement(unassigned, '2026-Q1').lines).toStrictEqual([]);
    expect(statement(unassigned, '2026-Q1').notes).toStrictEqual([
      { dealId: 'd1', problem: 'd1: credit but no plan in force at the close — ana has no plan assignment covering 2026-03-10T00:00:00.000Z' },
    ]);
  });

  it('names the plan in force on a note about credit that plan does not pay', () => {
    const overlayOnly = new FactsBuilder()
      .plan('se', 1, 'SE v1', '2026-01-01', { ...plain, creditType: 'overlay' }).assign('ana', 'se', '2026-01-01')
      .open('d1', '2026-02-01T09:00:00Z', { items }).split('d1', [ae('ana', 10_000)], [], '2026-02-01T09:00:00Z')
      .win('d1', '2026-03-10T00:00:00Z').build();
    expect(statement(overlayOnly, '2026-Q1').notes).toStrictEqual([
      { dealId: 'd1', plan: { planId: 'se', version: 1, name: 'SE v1' }, problem: "d1: plan 'se' pays on overlay credit and ana has none on this deal" },
    ]);
  });

  it('gives the owner 100% when no split was ever set, with DealOpened as the split lineage', () => {
    const facts = new FactsBuilder()
      .plan('p', 1, 'P v1', '2026-01-01', plain).assign('ana', 'p', '2026-01-01')
      .open('d1', '2026-02-01T09:00:00Z', { items }).win('d1', '2026-03-10T00:00:00Z').build();
    expect(statement(facts, '2026-Q1').lines[0]).toMatchObject({
      amountMinor: 100_000, lineage: { split: { source: 'owner-default', shareBp: 10_000 }, events: [{ role: 'close' }, { role: 'split', type: 'DealOpened' }, {}, {}] },
    });
  });
});

describe('pending pay', () => {
  const goLive = { ...plain, payoutTrigger: 'go-live' as const };

  it('shows a won go-live deal as pending before go-live, with its amount, trigger and lineage, and payable after it', () => {
    const notLive = wonDeal(goLive).build();
    expect(statement(notLive, '2026-Q1').pending).toStrictEqual([expect.objectContaining({
      dealId: 'd1', waitsFor: 'go-live', earnedAt: '2026-03-10T12:00:00.000Z', amountMinor: 100_000, currency: 'EUR',
    })]);
    expect(statement(notLive, '2026-Q1').pending[0].lines.map((line) => [line.lineId, line.amountMinor, line.lineage.rule])).toStrictEqual([
      ['d1:commission:CORE', 100_000, 'baseRateBp'],
    ]);
    expect(statement(notLive, '2026-Q1').totals).toStrictEqual([]);
    // Still waiting in the next quarter.
    expect(statement(notLive, '2026-Q2').pending.map((p) => p.dealId)).toStrictEqual(['d1']);

    const live = wonDeal(goLive).live('d1', '2026-04-20T09:00:00Z').build();
    expect(statement(live, '2026-Q1').pending).toStrictEqual([expect.objectContaining({ dealId: 'd1', amountMinor: 100_000, payableAt: '2026-04-20T09:00:00.000Z' })]);
    expect(statement(live, '2026-Q2').pending).toStrictEqual([]);
    expect(summary(live, '2026-Q2')).toStrictEqual([['d1:commission:CORE', 'commission', 100_000, '2026-04-20T09:00:00.000Z']]);
  });

  it('shows nothing pending for a close plan, before the close, or for a deal reversed before go-live', () => {
    expect(statement(wonDeal(plain).build(), '2026-Q1').pending).toStrictEqual([]);
    expect(statement(wonDeal(goLive).build(), '2025-Q4').pending).toStrictEqual([]);
    expect(statement(wonDeal(goLive).reverse('d1', '2026-03-20T09:00:00Z').build(), '2026-Q1').pending).toStrictEqual([]);
  });
});

describe('clawback anchor', () => {
  it('counts the window from go-live when the plan says so: a reversal 80 days after the close but 30 after go-live is clawed back', () => {
    const rules = { ...plain, payoutTrigger: 'go-live' as const, clawbackWindowFrom: 'go-live' as const };
    const facts = wonDeal(rules).live('d1', '2026-04-20T12:00:00Z').reverse('d1', '2026-05-20T12:00:00Z').build();
    expect(statement(facts, '2026-Q2').lines.map((line) => [line.lineId, line.amountMinor, line.lineage.rule, line.lineage.arithmetic])).toStrictEqual([
      ['d1:commission:CORE', 100_000, 'baseRateBp', expect.any(String)],
      ['d1:clawback', -100_000, 'clawbackWindowDays from go-live', 'reversed 30 days after the go-live (window 60 days): −1,000.00 = −1,000.00'],
    ]);
    const fromClose = wonDeal({ ...rules, clawbackWindowFrom: 'close' }).live('d1', '2026-04-20T12:00:00Z').reverse('d1', '2026-05-20T12:00:00Z').build();
    expect(summary(fromClose, '2026-Q2')).toStrictEqual([['d1:commission:CORE', 'commission', 100_000, '2026-04-20T12:00:00.000Z']]);
  });

  it('counts from the payout when the plan says so, and from the close by default', () => {
    const late = (from?: 'payout') => wonDeal({ ...plain, ...(from ? { clawbackWindowFrom: from } : {}) }).reverse('d1', '2026-05-20T12:00:00Z').build();
    expect(summary(late(), '2026-Q2')).toStrictEqual([]); // 71 days after the close
    expect(summary(late('payout'), '2026-Q2')).toStrictEqual([]); // a close plan pays at the close
  });
});

describe('an assignment ended early', () => {
  it('stops paying from the day after its new end, from when the ending is known', () => {
    const facts = new FactsBuilder()
      .plan('p', 1, 'P v1', '2026-01-01', plain).assign('ana', 'p', '2026-01-01')
      .open('d1', '2026-02-01T09:00:00Z', { items }).split('d1', [ae('ana', 10_000)], [], '2026-02-01T09:00:00Z')
      .endAssignment('ana', '2026-01-01', '2026-03-09', '2026-03-15T09:00:00Z')
      .win('d1', '2026-03-10T12:00:00Z').build();
    expect(statement(facts, '2026-Q1').lines).toStrictEqual([]);
    expect(statement(facts, '2026-Q1').notes[0].problem).toContain('no plan assignment covering');
    // As known before the ending was recorded, the deal was still covered.
    const before = commissionStatement(facts, { userId: 'ana', period: '2026-Q1', asKnownAt: '2026-03-12T00:00:00Z' });
    expect(before.lines.map((line) => [line.lineId, line.amountMinor])).toStrictEqual([['d1:commission:CORE', 100_000]]);
  });
});
