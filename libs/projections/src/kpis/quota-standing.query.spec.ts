import { AE_FY26_RULES } from '@deals/domain/commission/testing/commission-fixtures';
import { foldEvents } from '../testing/fold-events';
import { EventLog } from '../testing/recorded-events';
import { commissionFactsProjection } from '../commission/commission-facts.projection';
import { dealSummaryProjection } from '../deal-summary/deal-summary.projection';
import { ACME_ITEMS, ae, ana, assignPlan, closeWon, openDeal, publishPlan, setSplits } from '../commission/testing/commission-events';
import { quotaStanding, quotaStandingReport, withExpectedClose } from './quota-standing.query';

/**
 * Ana (quota EUR 200,000.00) and Ben (EUR 100,000.00) on AE FY26 v1 (revenue credit, EUR).
 * acme (10,000,000: CORE 6,000,000 + X 4,000,000) split 70/30, won 02-15. Open, all Ana's:
 * bigco CORE 5,000,005 qualified (20%), decision by 2026-03-20; smallco CORE 333,333 engaged (10%),
 * by 2026-02-28; later CORE 3,000,000 engaged, split 50/50, by 2026-05-15 (Q2); nodate CORE
 * 1,000,000 engaged, no timeframe noted.
 */
function standingLog(): EventLog {
  const log = new EventLog();
  publishPlan(log, 'ae-fy26', 1, 'AE FY26 v1', AE_FY26_RULES);
  assignPlan(log, 'ana', 'ae-fy26', { quotaMinor: 20_000_000 });
  assignPlan(log, 'ben', 'ae-fy26', { quotaMinor: 10_000_000 });
  openDeal(log, 'acme', '2026-01-10T09:00:00Z', ACME_ITEMS);
  setSplits(log, 'acme', [ae('ana', 7000), ae('ben', 3000)], [], '2026-01-10T09:00:00Z');
  closeWon(log, 'acme', '2026-02-15T09:00:00Z');
  const open = (id: string, amount: number, decisionBy?: string, split = [ae('ana', 10_000)]) => {
    openDeal(log, id, '2026-02-01T09:00:00Z', [{ productCode: 'CORE', amountMinor: amount, quantity: 1 }]);
    setSplits(log, id, split, [], '2026-02-01T09:00:00Z');
    if (decisionBy) log.deal(id).by(ana).at('2026-02-02T09:00:00Z').add('DecisionTimeframeNoted', { decisionBy, evidence: { kind: 'meeting', ref: `m-${id}` } });
  };
  open('bigco', 5_000_005, '2026-03-20');
  log.deal('bigco').by(ana).at('2026-02-03T09:00:00Z').add('StageAdvanced', { fromStageId: 'engaged', toStageId: 'qualified', satisfiedBy: [] });
  open('smallco', 333_333, '2026-02-28');
  open('later', 3_000_000, '2026-05-15', [ae('ana', 5000), ae('ben', 5000)]);
  open('nodate', 1_000_000);
  return log;
}

const events = standingLog().events;
const facts = foldEvents(commissionFactsProjection, events);
const deals = foldEvents(dealSummaryProjection, events);
const expectedCloseOf = (dealId: string) => deals.get(dealId)?.decisionTimeframe?.decisionBy;
const NOW = '2026-03-01T00:00:00.000Z';
const r = (numerator: number, denominator: number, percent: number | null) => ({ numerator, denominator, percent });

describe('quota standing', () => {
  const anaStanding = quotaStanding(facts, { userId: 'ana', period: '2026-Q1', now: NOW, expectedCloseOf });
  const benStanding = quotaStanding(facts, { userId: 'ben', period: '2026-Q1', now: NOW, expectedCloseOf });

  it('ana: credit won, weighted open expected in the quarter, gap and coverage', () => {
    expect(anaStanding).toStrictEqual({
      userId: 'ana', period: '2026-Q1', currency: 'EUR', quotaMinor: 20_000_000,
      closedWonMinor: 7_000_000, // acme 10,000,000 × 70%
      weightedOpenMinor: 1_033_334, // bigco 1,000,001 + smallco 33,333 (later is Q2, nodate has no date)
      gapMinor: 13_000_000, // 20,000,000 − 7,000,000
      coverage: r(1_033_334, 13_000_000, 8), // 7.95% → 8
      openDeals: [
        { dealId: 'bigco', stageId: 'qualified', probabilityBp: 2000, creditMinor: 5_000_005, weightedMinor: 1_000_001, expectedCloseBy: '2026-03-20', expectedInPeriod: true },
        // 1,500,000 × 10% = 150,000, expected in Q2
        { dealId: 'later', stageId: 'engaged', probabilityBp: 1000, creditMinor: 1_500_000, weightedMinor: 150_000, expectedCloseBy: '2026-05-15', expectedInPeriod: false },
        { dealId: 'nodate', stageId: 'engaged', probabilityBp: 1000, creditMinor: 1_000_000, weightedMinor: 100_000, expectedInPeriod: false },
        // 333,333 × 10% = 33,333.3 → 33,333
        { dealId: 'smallco', stageId: 'engaged', probabilityBp: 1000, creditMinor: 333_333, weightedMinor: 33_333, expectedCloseBy: '2026-02-28', expectedInPeriod: true },
      ],
    });
  });

  it('ben: 30% of acme, nothing expected in the quarter', () => {
    // gap 10,000,000 − 3,000,000 = 7,000,000; coverage 0 ÷ 7,000,000
    expect([benStanding.closedWonMinor, benStanding.weightedOpenMinor, benStanding.gapMinor, benStanding.coverage])
      .toStrictEqual([3_000_000, 0, 7_000_000, r(0, 7_000_000, 0)]);
  });

  it('the team: sums per currency, one gap for the team', () => {
    expect(quotaStandingReport('team', 'mia', '2026-Q1', [benStanding, anaStanding]).totals).toStrictEqual([{
      currency: 'EUR', members: 2,
      quotaMinor: 30_000_000, // 20,000,000 + 10,000,000
      closedWonMinor: 10_000_000, // 7,000,000 + 3,000,000
      weightedOpenMinor: 1_033_334,
      gapMinor: 20_000_000,
      coverage: r(1_033_334, 20_000_000, 5), // 5.17% → 5
    }]);
  });

  it('`now` places the open pipeline: on 2026-02-01 10:00 bigco was still engaged', () => {
    const early = quotaStanding(facts, { userId: 'ana', period: '2026-Q1', now: '2026-02-01T10:00:00.000Z', expectedCloseOf });
    expect(early.closedWonMinor).toBe(7_000_000); // closes come from the read model (as of a moment: read it as of then)
    // bigco still engaged then: 5,000,005 × 10% = 500,000.5 → 500,001; plus smallco 33,333
    expect(early.openDeals.find((d) => d.dealId === 'bigco')?.weightedMinor).toBe(500_001);
    expect(early.weightedOpenMinor).toBe(533_334);
  });

  it('quota met: gap 0, coverage without a percentage; no plan: no quota, no currency', () => {
    const log = new EventLog();
    publishPlan(log, 'ae-fy26', 1, 'AE FY26 v1', AE_FY26_RULES);
    assignPlan(log, 'ana', 'ae-fy26', { quotaMinor: 5_000_000 });
    openDeal(log, 'acme', '2026-01-10T09:00:00Z', ACME_ITEMS);
    setSplits(log, 'acme', [ae('ana', 10_000)], [], '2026-01-10T09:00:00Z');
    closeWon(log, 'acme', '2026-02-15T09:00:00Z');
    const met = quotaStanding(foldEvents(commissionFactsProjection, log.events), { userId: 'ana', period: '2026-Q1', now: NOW, expectedCloseOf });
    // 10,000,000 won against 5,000,000: gap max(0, −5,000,000) = 0
    expect([met.closedWonMinor, met.gapMinor, met.coverage]).toStrictEqual([10_000_000, 0, r(0, 0, null)]);
    expect(quotaStanding(facts, { userId: 'zoe', period: '2026-Q1', now: NOW, expectedCloseOf }))
      .toStrictEqual({ userId: 'zoe', period: '2026-Q1', closedWonMinor: 0, weightedOpenMinor: 0, openDeals: [] });
  });

  it('expected close dates can be joined afterwards (from the deal summaries) to the same answer', () => {
    const blind = quotaStanding(facts, { userId: 'ana', period: '2026-Q1', now: NOW, expectedCloseOf: () => undefined });
    expect([blind.weightedOpenMinor, blind.coverage]).toStrictEqual([0, r(0, 13_000_000, 0)]);
    expect(withExpectedClose(blind, expectedCloseOf)).toStrictEqual(anaStanding);
  });

  it('quotas are quarterly: a month is refused', () => {
    expect(() => quotaStanding(facts, { userId: 'ana', period: '2026-02', now: NOW, expectedCloseOf }))
      .toThrow(expect.objectContaining({ code: 'REPORT.QUOTA_PERIOD_QUARTERLY' }));
    expect(() => quotaStanding(facts, { userId: 'ana', period: 'Q1', now: NOW, expectedCloseOf }))
      .toThrow(expect.objectContaining({ code: 'REPORT.PERIOD_INVALID' }));
  });
});
