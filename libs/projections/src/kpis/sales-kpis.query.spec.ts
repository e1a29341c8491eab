import { foldEvents } from '../testing/fold-events';
import { dealSummaryProjection } from '../deal-summary/deal-summary.projection';
import { KpiFigures, OriginSplit, SalesKpiOptions, SalesKpis, salesKpis } from './sales-kpis.query';
import { kpiDeals, TEAMS } from './testing/kpi-deals';

// The deals, dates and amounts are tabled in testing/kpi-deals.ts.
const events = kpiDeals().events;
const now = foldEvents(dealSummaryProjection, events);
/** As the engine knew it at the quarter's close: charlie's loss (recorded 04-10) and bravo's reversal (05-04) unknown. */
const atQuarterClose = foldEvents(dealSummaryProjection, events.filter((e) => e.metadata.recordedAt <= '2026-04-01T00:00:00.000Z'));

const options = (extra: Partial<SalesKpiOptions> = {}): SalesKpiOptions => ({
  period: '2026-Q1', groupBy: 'rep', outcomesAsOf: 'now', meetings: 'demos-attended', teamOf: (id) => TEAMS[id] ?? id, ...extra,
});
const figures = (kpis: SalesKpis, key: string, origin: OriginSplit = 'all'): KpiFigures =>
  kpis.rows.find((row) => row.key === key)!.origins.find((o) => o.origin === origin)!.figures;
const r = (numerator: number, denominator: number, percent: number | null) => ({ numerator, denominator, percent });
const month = (m: string, ...revenue: [string, number, number, ReturnType<typeof r>][]) =>
  ({ month: m, revenue: revenue.map(([currency, wonMinor, previousMonthMinor, growth]) => ({ currency, wonMinor, previousMonthMinor, growth })) });

describe('sales KPIs per rep, 2026-Q1', () => {
  const kpis = salesKpis(now, options());

  it('lists a row per owner (and meeting recorder) with anything in the quarter', () => {
    expect(kpis.rows.map((row) => row.key)).toStrictEqual(['ana', 'ben', 'cal']);
    expect(kpis.rows[0].origins.map((o) => o.origin)).toStrictEqual(['all', 'inbound', 'outbound', 'unknown']);
    expect([kpis.from, kpis.to]).toStrictEqual(['2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z']);
  });

  it('ana, outcomes now: bravo reversed in May is no win', () => {
    expect(figures(kpis, 'ana')).toStrictEqual({
      // closed in Q1: alpha won, charlie lost, bravo won then reversed (counted apart)
      won: 1, lost: 1, reversed: 1,
      winRate: r(1, 2, 50), // 1 ÷ (1 + 1)
      wonAmounts: [{ currency: 'EUR', deals: 1, totalMinor: 10_000_000, averageMinor: 10_000_000 }],
      // alpha: 01-05 → 02-10 = 26 + 10 = 36 days
      salesCycle: { count: 1, averageDays: 36, medianDays: 36 },
      monthlyRevenue: [
        month('2026-01'),
        month('2026-02', ['EUR', 10_000_000, 0, r(10_000_000, 0, null)]),
        // (0 − 10,000,000) ÷ 10,000,000 = −100%
        month('2026-03', ['EUR', 0, 10_000_000, r(-10_000_000, 10_000_000, -100)]),
      ],
      // first contacted in Q1: alpha (won), bravo (reversed), charlie (lost): 1 ÷ 3 = 33%
      leadConversion: { firstContacted: 3, won: 1, lost: 1, reversed: 1, open: 0, rate: r(1, 3, 33) },
      // alpha live 03-01, still live
      churnAfterGoLive: { live: 1, churned: 0, rate: r(0, 1, 0) },
      meetings: 2, // alpha's demos a1 (01-20) and a2 (02-03)
    });
  });

  it('ana by origin: alpha inbound; bravo and charlie outbound; nothing unknown', () => {
    const inbound = figures(kpis, 'ana', 'inbound');
    expect([inbound.won, inbound.lost, inbound.winRate, inbound.leadConversion.rate, inbound.meetings]).toStrictEqual([1, 0, r(1, 1, 100), r(1, 1, 100), 2]);
    const outbound = figures(kpis, 'ana', 'outbound');
    // won 0, lost 1 (charlie), reversed 1 (bravo): 0 ÷ (0 + 1) = 0%; cohort bravo + charlie, none won
    expect([outbound.won, outbound.lost, outbound.reversed, outbound.winRate, outbound.wonAmounts]).toStrictEqual([0, 1, 1, r(0, 1, 0), []]);
    expect(outbound.leadConversion).toStrictEqual({ firstContacted: 2, won: 0, lost: 1, reversed: 1, open: 0, rate: r(0, 2, 0) });
    expect(outbound.churnAfterGoLive).toStrictEqual({ live: 0, churned: 0, rate: r(0, 0, null) });
    const unknown = figures(kpis, 'ana', 'unknown');
    expect([unknown.won, unknown.lost, unknown.leadConversion.firstContacted, unknown.meetings, unknown.winRate.percent]).toStrictEqual([0, 0, 0, 0, null]);
  });

  it('ben: December revenue is the base of January growth; echo churned after go-live', () => {
    expect(figures(kpis, 'ben')).toStrictEqual({
      // india won 01-20; echo won 01-25 and reversed 03-10; delta closes in April, foxtrot in December
      won: 1, lost: 0, reversed: 1,
      winRate: r(1, 1, 100),
      wonAmounts: [{ currency: 'EUR', deals: 1, totalMinor: 3_000_000, averageMinor: 3_000_000 }],
      salesCycle: { count: 1, averageDays: 18, medianDays: 18 }, // india 01-02 → 01-20
      monthlyRevenue: [
        // (3,000,000 − 2,000,000 foxtrot in December) ÷ 2,000,000 = 50%
        month('2026-01', ['EUR', 3_000_000, 2_000_000, r(1_000_000, 2_000_000, 50)]),
        month('2026-02', ['EUR', 0, 3_000_000, r(-3_000_000, 3_000_000, -100)]),
        month('2026-03'),
      ],
      // first contacted in Q1: india (won), delta (won 04-20, known now): 2 ÷ 2; echo's contact was in December
      leadConversion: { firstContacted: 2, won: 2, lost: 0, reversed: 0, open: 0, rate: r(2, 2, 100) },
      // live during Q1: foxtrot (since 2025-12-20), echo (02-15, reversed 03-10): 1 ÷ 2
      churnAfterGoLive: { live: 2, churned: 1, rate: r(1, 2, 50) },
      meetings: 1,
    });
    // the churned deal is inbound (event), foxtrot has no contact: unknown
    expect(figures(kpis, 'ben', 'inbound').churnAfterGoLive).toStrictEqual({ live: 1, churned: 1, rate: r(1, 1, 100) });
    expect(figures(kpis, 'ben', 'unknown').churnAfterGoLive).toStrictEqual({ live: 1, churned: 0, rate: r(0, 1, 0) });
    expect(figures(kpis, 'ben', 'unknown').monthlyRevenue[0]).toStrictEqual(month('2026-01', ['EUR', 0, 2_000_000, r(-2_000_000, 2_000_000, -100)]));
  });

  it('cal: an odd amount, an open deal in the cohort, a demo not attended', () => {
    const cal = figures(kpis, 'cal');
    expect(cal.wonAmounts).toStrictEqual([{ currency: 'EUR', deals: 1, totalMinor: 3_000_001, averageMinor: 3_000_001 }]);
    expect(cal.salesCycle).toStrictEqual({ count: 1, averageDays: 54, medianDays: 54 }); // 01-20 → 03-15 = 11 + 28 + 15
    // golf (open) and hotel (won): 1 ÷ 2
    expect(cal.leadConversion).toStrictEqual({ firstContacted: 2, won: 1, lost: 0, reversed: 0, open: 1, rate: r(1, 2, 50) });
    expect(cal.meetings).toBe(1); // g2 was not attended
  });

  it('the total: every row together', () => {
    const total = kpis.total.find((o) => o.origin === 'all')!.figures;
    // won alpha, india, hotel; lost charlie; reversed bravo, echo: 3 ÷ (3 + 1) = 75%
    expect([total.won, total.lost, total.reversed, total.winRate]).toStrictEqual([3, 1, 2, r(3, 4, 75)]);
    // 10,000,000 + 3,000,000 + 3,000,001 = 16,000,001 over 3 deals = 5,333,333.67 → 5,333,334
    expect(total.wonAmounts).toStrictEqual([{ currency: 'EUR', deals: 3, totalMinor: 16_000_001, averageMinor: 5_333_334 }]);
    // cohort: alpha, bravo, charlie, delta, india, golf, hotel; won alpha, delta, india, hotel = 4 ÷ 7 = 57%
    expect(total.leadConversion).toStrictEqual({ firstContacted: 7, won: 4, lost: 1, reversed: 1, open: 1, rate: r(4, 7, 57) });
  });
});

describe('outcomes as of the period end', () => {
  const kpis = salesKpis(now, options({ outcomesAsOf: 'period-end' }));

  it('ana: bravo was won at the quarter end (reversed only in May)', () => {
    const ana = figures(kpis, 'ana');
    expect([ana.won, ana.lost, ana.reversed, ana.winRate]).toStrictEqual([2, 1, 0, r(2, 3, 67)]); // 2 ÷ (2 + 1)
    // (10,000,000 + 4,000,001) ÷ 2 = 7,000,000.5 → 7,000,001 (half-up)
    expect(ana.wonAmounts).toStrictEqual([{ currency: 'EUR', deals: 2, totalMinor: 14_000_001, averageMinor: 7_000_001 }]);
    // alpha 36 days, bravo 01-10 → 03-05 = 21 + 28 + 5 = 54 days: average and median 45
    expect(ana.salesCycle).toStrictEqual({ count: 2, averageDays: 45, medianDays: 45 });
    // (4,000,001 − 10,000,000) ÷ 10,000,000 = −59.99999% → −60
    expect(ana.monthlyRevenue[2]).toStrictEqual(month('2026-03', ['EUR', 4_000_001, 10_000_000, r(-5_999_999, 10_000_000, -60)]));
    expect(ana.leadConversion).toStrictEqual({ firstContacted: 3, won: 2, lost: 1, reversed: 0, open: 0, rate: r(2, 3, 67) });
  });

  it('ben: delta, won on 04-20, was still open at the quarter end', () => {
    // a Q1 report that does not change when deals close in the next quarter: 1 ÷ 2 = 50%
    expect(figures(kpis, 'ben').leadConversion).toStrictEqual({ firstContacted: 2, won: 1, lost: 0, reversed: 0, open: 1, rate: r(1, 2, 50) });
    expect(figures(kpis, 'ben', 'outbound').leadConversion.rate).toStrictEqual(r(1, 2, 50));
  });

  it('a month: February alone, with January as the growth base', () => {
    const february = salesKpis(now, options({ period: '2026-02', outcomesAsOf: 'period-end' }));
    const ana = figures(february, 'ana');
    // alpha won 02-10; charlie lost 02-20: 1 ÷ 2
    expect([ana.won, ana.lost, ana.winRate]).toStrictEqual([1, 1, r(1, 2, 50)]);
    expect(ana.monthlyRevenue).toStrictEqual([month('2026-02', ['EUR', 10_000_000, 0, r(10_000_000, 0, null)])]);
    // first contacted in February: charlie only (lost)
    expect(ana.leadConversion).toStrictEqual({ firstContacted: 1, won: 0, lost: 1, reversed: 0, open: 0, rate: r(0, 1, 0) });
    // ben in February: nothing won; January's base is india's EUR 3,000,000 and echo's USD 5,000,000
    // (reversed only on 03-10, after February's end): −100% in each currency, never summed
    expect(figures(february, 'ben').monthlyRevenue).toStrictEqual([month('2026-02',
      ['EUR', 0, 3_000_000, r(-3_000_000, 3_000_000, -100)], ['USD', 0, 5_000_000, r(-5_000_000, 5_000_000, -100)])]);
  });
});

describe('as the engine knew it at a past recorded moment', () => {
  it('at the quarter close neither charlie\'s loss (recorded 04-10) nor bravo\'s reversal was known', () => {
    const ana = figures(salesKpis(atQuarterClose, options()), 'ana');
    // won alpha and bravo, nothing lost: 2 ÷ 2
    expect([ana.won, ana.lost, ana.reversed, ana.winRate]).toStrictEqual([2, 0, 0, r(2, 2, 100)]);
    // charlie was open then: 2 won of 3
    expect(ana.leadConversion).toStrictEqual({ firstContacted: 3, won: 2, lost: 0, reversed: 0, open: 1, rate: r(2, 3, 67) });
  });

  it('period-end outcomes as known then, versus as known now', () => {
    const then = figures(salesKpis(atQuarterClose, options({ outcomesAsOf: 'period-end' })), 'ben');
    const today = figures(salesKpis(now, options({ outcomesAsOf: 'period-end' })), 'ben');
    expect(then.leadConversion).toStrictEqual(today.leadConversion);
  });
});

describe('meetings, teams, origin filter, visibility', () => {
  it('first meetings held: each deal\'s first attended demo only', () => {
    const kpis = salesKpis(now, options({ meetings: 'first-meetings' }));
    // ana: alpha's first demo (a1); a2 is a second meeting. ben: delta's; cal: golf's
    expect(kpis.rows.map((row) => [row.key, row.origins[0].figures.meetings])).toStrictEqual([['ana', 1], ['ben', 1], ['cal', 1]]);
    expect(kpis.meetingsDefinition).toBe('first-meetings');
  });

  it('per team: ana and ben are mia\'s team, cal ola\'s', () => {
    const kpis = salesKpis(now, options({ groupBy: 'team' }));
    expect(kpis.rows.map((row) => row.key)).toStrictEqual(['mia', 'ola']);
    const mia = figures(kpis, 'mia');
    // won alpha, india; lost charlie; reversed bravo, echo: 2 ÷ 3
    expect([mia.won, mia.lost, mia.reversed, mia.winRate]).toStrictEqual([2, 1, 2, r(2, 3, 67)]);
    // (10,000,000 + 3,000,000) ÷ 2
    expect(mia.wonAmounts).toStrictEqual([{ currency: 'EUR', deals: 2, totalMinor: 13_000_000, averageMinor: 6_500_000 }]);
    expect(mia.monthlyRevenue).toStrictEqual([
      month('2026-01', ['EUR', 3_000_000, 2_000_000, r(1_000_000, 2_000_000, 50)]),
      // (10,000,000 − 3,000,000) ÷ 3,000,000 = 233.3%
      month('2026-02', ['EUR', 10_000_000, 3_000_000, r(7_000_000, 3_000_000, 233)]),
      month('2026-03', ['EUR', 0, 10_000_000, r(-10_000_000, 10_000_000, -100)]),
    ]);
    // alpha, bravo, charlie, delta, india: won alpha, delta, india = 3 ÷ 5
    expect(mia.leadConversion).toStrictEqual({ firstContacted: 5, won: 3, lost: 1, reversed: 1, open: 0, rate: r(3, 5, 60) });
    // alpha, echo, foxtrot live; echo churned: 1 ÷ 3
    expect(mia.churnAfterGoLive).toStrictEqual({ live: 3, churned: 1, rate: r(1, 3, 33) });
    expect(mia.salesCycle).toStrictEqual({ count: 2, averageDays: 27, medianDays: 27 }); // (36 + 18) ÷ 2
    expect(mia.meetings).toBe(3);
  });

  it('one origin only', () => {
    const kpis = salesKpis(now, options({ origin: 'inbound' }));
    expect(kpis.rows.map((row) => [row.key, row.origins.map((o) => o.origin)])).toStrictEqual([['ana', ['inbound']], ['ben', ['inbound']], ['cal', ['inbound']]]);
    // alpha (ana) and hotel (cal) won; echo reversed: 2 ÷ 2
    expect(kpis.total[0].figures.winRate).toStrictEqual(r(2, 2, 100));
  });

  it('rows the caller may not see are left out of the rows and the total', () => {
    const kpis = salesKpis(now, options({ visible: (key) => key === 'ana' }));
    expect(kpis.rows.map((row) => row.key)).toStrictEqual(['ana']);
    expect(kpis.total).toStrictEqual(kpis.rows[0].origins);
  });

  it('refuses a period that is neither a month nor a quarter', () => {
    expect(() => salesKpis(now, options({ period: '2026-13' }))).toThrow(expect.objectContaining({ code: 'REPORT.PERIOD_INVALID' }));
    expect(() => salesKpis(now, options({ period: '2026' }))).toThrow(expect.objectContaining({ code: 'REPORT.PERIOD_INVALID' }));
  });
});
