import { createPipelineCatalog, DEFAULT_PIPELINE } from '@deals/domain';
import { foldEvents } from '../testing/fold-events';
import { dealSummaryProjection } from '../deal-summary/deal-summary.projection';
import {
  pipelineByStage, repActivity, salesCycle, stageConversion, stuckDeals, timeInStage,
} from './pipeline.queries';
import { handComputedDeals, NOW } from './testing/hand-computed-deals';
import { kpiDeals } from '../kpis/testing/kpi-deals';

// The deals, dates and amounts are tabled in testing/hand-computed-deals.ts.
const model = foldEvents(dealSummaryProjection, handComputedDeals().events);
const MARCH = { from: '2026-03-01', to: '2026-04-01' };
const Q1 = { from: '2026-01-01', to: '2026-04-01' };

describe('pipeline by stage', () => {
  it('counts open deals per open stage, in order, with amounts per currency, weighted half-up per deal', () => {
    expect(pipelineByStage(model)).toStrictEqual({
      pipelineId: 'default', pipelineVersion: 1,
      stages: [
        // echo: 1,000,005 × 0.1 = 100,000.5 → 100,001
        { stageId: 'engaged', stageName: 'Engaged', count: 1, amounts: [{ currency: 'EUR', count: 1, amountMinor: 1_000_005, weightedAmountMinor: 100_001 }] },
        // flux: 4,000,000 × 0.2 = 800,000
        { stageId: 'qualified', stageName: 'Qualified', count: 1, amounts: [{ currency: 'USD', count: 1, amountMinor: 4_000_000, weightedAmountMinor: 800_000 }] },
        { stageId: 'product-evaluated', stageName: 'Product evaluated', count: 0, amounts: [] },
        // cora, after the amount change: 2,000,001 × 0.6 = 1,200,000.6 → 1,200,001
        { stageId: 'proposal-reviewed', stageName: 'Proposal reviewed', count: 1, amounts: [{ currency: 'EUR', count: 1, amountMinor: 2_000_001, weightedAmountMinor: 1_200_001 }] },
        { stageId: 'terms-agreed', stageName: 'Terms agreed', count: 0, amounts: [] },
      ],
      totals: {
        count: 3,
        amounts: [
          // 1,000,005 + 2,000,001 = 3,000,006; 100,001 + 1,200,001 = 1,300,002 (not round(300,000.5 + 1,200,000.6))
          { currency: 'EUR', count: 2, amountMinor: 3_000_006, weightedAmountMinor: 1_300_002 },
          { currency: 'USD', count: 1, amountMinor: 4_000_000, weightedAmountMinor: 800_000 },
        ],
      },
    });
  });

  it('filters by owner, current team member and opening period', () => {
    const dealsPerStage = (options: Parameters<typeof pipelineByStage>[1]) =>
      pipelineByStage(model, options).stages.map((row) => row.count);
    expect(dealsPerStage({ ownerId: 'ben' })).toStrictEqual([0, 1, 0, 0, 0]); // flux
    expect(dealsPerStage({ teamMemberId: 'sam' })).toStrictEqual([0, 0, 0, 1, 0]); // cora; sam left flux on 03-28
    expect(dealsPerStage({ openedFrom: '2026-03-01T09:00:00Z' })).toStrictEqual([1, 1, 0, 0, 0]); // echo (opened exactly then), flux
    expect(dealsPerStage({ openedTo: '2026-03-01T09:00:00Z' })).toStrictEqual([0, 0, 0, 1, 0]); // cora
  });

  it('refuses a pipeline the catalog does not know', () => {
    expect(() => pipelineByStage(model, { pipelineId: 'nope' })).toThrow(expect.objectContaining({ code: 'PIPELINE.UNKNOWN' }));
  });
});

describe('stage conversion', () => {
  it('follows the deals that left product evaluation in March', () => {
    const march = stageConversion(model, { stageId: 'product-evaluated', ...MARCH });
    // bolt left 03-01 00:00 (to lost; the period includes its start), acme 03-02 (to the next stage, won),
    // dune 03-12 (overridden past proposal review, won). cora left 02-28: not March.
    expect(march.deals).toStrictEqual([
      { dealId: 'bolt', leftAt: '2026-03-01T00:00:00.000Z', toStageId: 'closed-lost', toNextStage: false, outcome: 'lost' },
      { dealId: 'acme', leftAt: '2026-03-02T09:00:00.000Z', toStageId: 'proposal-reviewed', toNextStage: true, outcome: 'won' },
      { dealId: 'dune', leftAt: '2026-03-12T09:00:00.000Z', toStageId: 'terms-agreed', toNextStage: false, outcome: 'won' },
    ]);
    expect(march).toMatchObject({ left: 3, toNextStage: 1, won: 2, lost: 1, reversed: 0, open: 0 });
    expect(march.rates).toStrictEqual({
      toNextStage: { numerator: 1, denominator: 3, percent: 33 }, // 33.3… → 33
      won: { numerator: 2, denominator: 3, percent: 67 }, // 66.6… → 67
      lost: { numerator: 1, denominator: 3, percent: 33 },
    });
  });

  it('excludes the end of the period', () => {
    // February: iris (02-17) and cora (02-28); bolt's exit at 03-01 00:00 is the first instant after it.
    const february = stageConversion(model, { stageId: 'product-evaluated', from: '2026-02-01', to: '2026-03-01' });
    expect(february.deals.map((d) => [d.dealId, d.outcome])).toStrictEqual([['iris', 'won'], ['cora', 'open']]);
    expect(february.rates.toNextStage.percent).toBe(100);
  });

  it('counts outcomes as known now, or only those dated before the period\'s end', () => {
    // Left product evaluation in February: iris 02-17 (won 03-02, after the period), cora 02-28 (open).
    const feb = { stageId: 'product-evaluated', from: '2026-02-01', to: '2026-03-01' };
    const now = stageConversion(model, feb);
    expect(now.definitions).toStrictEqual({ outcomesAsOf: 'now' });
    expect(now).toMatchObject({ left: 2, toNextStage: 2, won: 1, lost: 0, open: 1 });
    const periodEnd = stageConversion(model, { ...feb, outcomesAsOf: 'period-end' });
    expect(periodEnd.definitions).toStrictEqual({ outcomesAsOf: 'period-end' });
    // iris's win on 03-02 is after 03-01: still in the stage's aftermath, open. Both still moved to the next stage in February.
    expect(periodEnd).toMatchObject({ left: 2, toNextStage: 2, won: 0, lost: 0, open: 2 });
    expect(periodEnd.rates.won).toStrictEqual({ numerator: 0, denominator: 2, percent: 0 });
    expect(periodEnd.deals.map((d) => [d.dealId, d.outcome])).toStrictEqual([['iris', 'open'], ['cora', 'open']]);
    // March 1–15 from product evaluation: bolt (lost 03-01 00:00, before the end) lost; acme (won 03-16) and dune (won 03-20) open.
    const early = stageConversion(model, { stageId: 'product-evaluated', from: '2026-03-01', to: '2026-03-15', outcomesAsOf: 'period-end' });
    expect(early).toMatchObject({ left: 3, won: 0, lost: 1, open: 2 });
    // A reversal after the period's end: hale left proposal review 02-02, won 02-10, reversed 02-15 09:00.
    const before = { stageId: 'proposal-reviewed', from: '2026-02-01', to: '2026-02-15' };
    expect(stageConversion(model, before)).toMatchObject({ won: 0, reversed: 1 });
    expect(stageConversion(model, { ...before, outcomesAsOf: 'period-end' })).toMatchObject({ won: 1, reversed: 0 });
  });

  it('counts a reversed win apart from the wins', () => {
    // Left proposal review in Q1: gale 01-12, hale 02-02 (won, then reversed), iris 02-24, acme 03-09; all to terms agreed.
    const q1 = stageConversion(model, { stageId: 'proposal-reviewed', ...Q1 });
    expect(q1).toMatchObject({ left: 4, toNextStage: 4, won: 3, reversed: 1, lost: 0, open: 0 });
    expect(q1.rates.won).toStrictEqual({ numerator: 3, denominator: 4, percent: 75 });
  });

  it('treats the won stage as the next stage after the last open stage', () => {
    // Left terms agreed in March: iris 03-02, acme 03-16, dune 03-20 21:00, each by closing won.
    const march = stageConversion(model, { stageId: 'terms-agreed', ...MARCH });
    expect(march).toMatchObject({ left: 3, toNextStage: 3, won: 3 });
  });
});

describe('sales cycle', () => {
  it('measures won deals closed in the period, opening to close in fractional days', () => {
    // gale 2025-11-03 → 2026-01-30: 28 + 31 + 29 = 88; iris 02-01 → 03-02: 28 + 1 = 29;
    // acme 01-05 → 03-16: 27 + 28 + 15 = 70; dune 01-10 09:00 → 03-20 21:00: 22 + 28 + 19 + ½ = 69.5.
    // hale was won on 02-10 but reversed: not a win.
    const q1 = salesCycle(model, Q1);
    expect(q1.deals.map((d) => [d.dealId, d.cycleDays])).toStrictEqual([['gale', 88], ['iris', 29], ['acme', 70], ['dune', 69.5]]);
    expect(q1.count).toBe(4);
    expect(q1.averageDays).toBe(64.125); // (88 + 29 + 70 + 69.5) / 4 = 256.5 / 4
    expect(q1.medianDays).toBe(69.75); // sorted 29, 69.5, 70, 88 → (69.5 + 70) / 2
    const march = salesCycle(model, MARCH);
    expect(march).toMatchObject({ count: 3, averageDays: 168.5 / 3, medianDays: 69.5 }); // 29 + 70 + 69.5 = 168.5; sorted 29, 69.5, 70
    expect(salesCycle(model, { from: '2026-04-01', to: '2026-05-01' })).toStrictEqual({
      definitions: { outcomesAsOf: 'now' }, count: 0, averageDays: null, medianDays: null, deals: [],
    });
  });

  it('with outcomes as of the period\'s end, a win reversed after the period still counts', () => {
    // hale: opened 01-02, won 02-10, reversed 02-15 09:00. Period [02-10, 02-15): 31 - 2 + 10 = 39 days.
    const period = { from: '2026-02-10', to: '2026-02-15' };
    expect(salesCycle(model, period)).toMatchObject({ definitions: { outcomesAsOf: 'now' }, count: 0 });
    const periodEnd = salesCycle(model, { ...period, outcomesAsOf: 'period-end' });
    expect(periodEnd).toMatchObject({ definitions: { outcomesAsOf: 'period-end' }, count: 1, averageDays: 39, medianDays: 39 });
    expect(periodEnd.deals.map((d) => d.dealId)).toStrictEqual(['hale']);
    // A month that holds the reversal too: no win either way.
    expect(salesCycle(model, { from: '2026-02-01', to: '2026-03-01', outcomesAsOf: 'period-end' }).deals.map((d) => d.dealId)).toStrictEqual([]);
  });
});

describe('time in stage', () => {
  const rows = timeInStage(model, { now: NOW });
  const row = (stageId: string) => rows.find((r) => r.stageId === stageId);

  it('has a row per open and post-close stage, in pipeline order', () => {
    expect(rows.map((r) => r.stageId)).toStrictEqual([
      'engaged', 'qualified', 'product-evaluated', 'proposal-reviewed', 'terms-agreed',
      'handed-to-implementation', 'implementation-in-progress', 'live',
    ]);
  });

  it('gives median and nearest-rank p90 of completed stays', () => {
    // Product evaluated: iris 02-10→02-17 = 7, cora 02-20→02-28 = 8, hale 01-12→01-22 = 10,
    // bolt 02-16 09:00→03-01 00:00 = 12.625, gale 2025-12-01→12-15 = 14, dune 02-01→03-12 = 39, acme 01-20→03-02 = 41.
    // n = 7: median = 4th = 12.625; p90 = rank ⌈0.9 × 7⌉ = ⌈6.3⌉ = 7th = 41.
    expect(row('product-evaluated')).toStrictEqual({
      stageId: 'product-evaluated', stageName: 'Product evaluated',
      current: { count: 0, medianDays: null, p90Days: null },
      historical: { count: 7, medianDays: 12.625, p90Days: 41 },
    });
    // Engaged: hale 4, iris 4, flux 5, acme 7, bolt 7, cora 9, dune 10, gale 14.
    // n = 8: median = (4th + 5th) / 2 = (7 + 7) / 2 = 7; p90 = rank ⌈7.2⌉ = 8th = 14. Current: echo 03-01 → 04-01 = 31.
    expect(row('engaged')).toMatchObject({
      historical: { count: 8, medianDays: 7, p90Days: 14 },
      current: { count: 1, medianDays: 31, p90Days: 31 },
    });
  });

  it('measures current stays up to now, post-close stays of won deals only', () => {
    expect(row('qualified')?.current).toStrictEqual({ count: 1, medianDays: 7, p90Days: 7 }); // flux 03-25 → 04-01
    expect(row('proposal-reviewed')?.current).toStrictEqual({ count: 1, medianDays: 32, p90Days: 32 }); // cora 02-28 → 04-01: 1 + 31
    // Handed to implementation: iris since 03-04 (28 days); hale sits there too but was reversed.
    // Completed: acme 03-18 21:00 → 03-20 09:00 = 1.5, gale 02-02 → 02-09 = 7 → median 4.25, p90 rank ⌈1.8⌉ = 2nd = 7.
    expect(row('handed-to-implementation')).toMatchObject({
      current: { count: 1, medianDays: 28, p90Days: 28 },
      historical: { count: 2, medianDays: 4.25, p90Days: 7 },
    });
    expect(row('implementation-in-progress')).toMatchObject({
      current: { count: 1, medianDays: 51, p90Days: 51 }, // gale since 02-09: 19 + 31
      historical: { count: 1, medianDays: 10, p90Days: 10 }, // acme 03-20 → 03-30
    });
  });

  it('reports one stage when asked', () => {
    expect(timeInStage(model, { now: NOW, stageId: 'qualified' }).map((r) => r.stageId)).toStrictEqual(['qualified']);
  });
});

describe('stuck deals', () => {
  it('lists open deals longer than their stage allows, longest first', () => {
    // cora: proposal reviewed since 02-28, 32 days > 21; echo: engaged since 03-01, 31 days > 14;
    // flux: qualified since 03-25, 7 days ≤ 21.
    expect(stuckDeals(model, { now: NOW })).toStrictEqual([
      { dealId: 'cora', name: 'Cora', ownerId: 'ana', stageId: 'proposal-reviewed', stageName: 'Proposal reviewed', enteredAt: '2026-02-28T09:00:00.000Z', daysInStage: 32, stuckAfterDays: 21 },
      { dealId: 'echo', name: 'Echo', ownerId: 'ana', stageId: 'engaged', stageName: 'Engaged', enteredAt: '2026-03-01T09:00:00.000Z', daysInStage: 31, stuckAfterDays: 14 },
    ]);
  });

  it('takes thresholds per stage; stuck means strictly longer', () => {
    expect(stuckDeals(model, { now: NOW, thresholds: { qualified: 7 } }).map((d) => d.dealId)).toStrictEqual(['cora', 'echo']);
    expect(stuckDeals(model, { now: NOW, thresholds: { qualified: 6, engaged: 31 } }).map((d) => d.dealId)).toStrictEqual(['cora', 'flux']);
  });
});

describe('rep activity', () => {
  it('puts meetings held next to deals won, per person', () => {
    // March. ana: echo demo 03-10 (its 03-11 re-recording has the same ref); won acme 03-16, iris 03-02.
    // ben: dune demo 03-05, flux demo 03-26 (03-27 not attended); won dune 03-20. sam: cora demo 03-03.
    expect(repActivity(model, MARCH)).toStrictEqual({
      definitions: { meetings: 'demos-attended', outcomesAsOf: 'now' },
      reps: [
        { repId: 'ana', meetingsHeld: 1, dealsWon: 2 },
        { repId: 'ben', meetingsHeld: 2, dealsWon: 1 },
        { repId: 'sam', meetingsHeld: 1, dealsWon: 0 },
      ],
    });
    // February: sam held the acme demo (ana re-recorded it the next day); hale's win was reversed.
    expect(repActivity(model, { from: '2026-02-01', to: '2026-03-01' }).reps).toStrictEqual([{ repId: 'sam', meetingsHeld: 1, dealsWon: 0 }]);
  });

  // The KPI deals (kpis/testing/kpi-deals.ts): alpha has two attended demos by ana (01-20, 02-03).
  const kpiModel = foldEvents(dealSummaryProjection, kpiDeals().events);
  const FEBRUARY = { from: '2026-02-01', to: '2026-03-01' };
  const JANUARY = { from: '2026-01-01', to: '2026-02-01' };

  it('counts meetings by the definition asked', () => {
    // February demos: alpha's second (ana 02-03), delta's first (ben 02-05). ana won alpha 02-10.
    expect(repActivity(kpiModel, FEBRUARY).reps).toStrictEqual([
      { repId: 'ana', meetingsHeld: 1, dealsWon: 1 },
      { repId: 'ben', meetingsHeld: 1, dealsWon: 0 },
    ]);
    // First meetings: alpha's was 01-20, in January; delta's 02-05 is its first.
    const first = repActivity(kpiModel, { ...FEBRUARY, meetings: 'first-meetings' });
    expect(first.definitions).toStrictEqual({ meetings: 'first-meetings', outcomesAsOf: 'now' });
    expect(first.reps).toStrictEqual([
      { repId: 'ana', meetingsHeld: 0, dealsWon: 1 },
      { repId: 'ben', meetingsHeld: 1, dealsWon: 0 },
    ]);
    expect(repActivity(kpiModel, { ...JANUARY, meetings: 'first-meetings' }).reps.find((r) => r.repId === 'ana')?.meetingsHeld).toBe(1);
  });

  it('takes the meetings definition the pipeline\'s latest version states, unless the request names one', () => {
    const catalog = createPipelineCatalog([DEFAULT_PIPELINE, { ...DEFAULT_PIPELINE, version: 2, reporting: { meetings: 'first-meetings' } }]);
    const stated = repActivity(kpiModel, { ...FEBRUARY, catalog });
    expect(stated.definitions.meetings).toBe('first-meetings');
    expect(stated.reps.find((r) => r.repId === 'ana')?.meetingsHeld).toBe(0); // alpha's first demo was in January
    const asked = repActivity(kpiModel, { ...FEBRUARY, catalog, pipelineId: 'default', meetings: 'demos-attended' });
    expect(asked.definitions.meetings).toBe('demos-attended');
    expect(asked.reps.find((r) => r.repId === 'ana')?.meetingsHeld).toBe(1);
    expect(() => repActivity(kpiModel, { ...FEBRUARY, catalog, pipelineId: 'nope' })).toThrow(expect.objectContaining({ code: 'PIPELINE.UNKNOWN' }));
  });

  it('counts a win reversed after the period under period-end', () => {
    // January wins: ben india 01-20 and echo 01-25 (reversed 03-10); ana none (alpha's demo 01-20 is her activity).
    expect(repActivity(kpiModel, JANUARY).reps.find((r) => r.repId === 'ben')?.dealsWon).toBe(1);
    const periodEnd = repActivity(kpiModel, { ...JANUARY, outcomesAsOf: 'period-end' });
    expect(periodEnd.reps.find((r) => r.repId === 'ben')?.dealsWon).toBe(2);
    expect(periodEnd.definitions).toStrictEqual({ meetings: 'demos-attended', outcomesAsOf: 'period-end' });
  });
});
