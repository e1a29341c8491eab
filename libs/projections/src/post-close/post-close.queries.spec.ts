import { foldEvents } from '../testing/fold-events';
import { dealSummaryProjection } from '../deal-summary/deal-summary.projection';
import { handComputedDeals, NOW } from '../pipeline/testing/hand-computed-deals';
import { postCloseDeals, postCloseDurations, postCloseDurationsBy, stuckAfterClose } from './post-close.queries';

// The deals and dates are tabled in pipeline/testing/hand-computed-deals.ts. Won and not
// reversed: gale, iris, acme, dune (hale's win was reversed after its hand-off).
const model = foldEvents(dealSummaryProjection, handComputedDeals().events);
const MARCH = { from: '2026-03-01', to: '2026-04-01' };

describe('post-close deals', () => {
  const deals = postCloseDeals(model, { now: NOW });
  const deal = (dealId: string) => deals.find((d) => d.dealId === dealId);

  it('lists won, not reversed deals by close date, with their current post-close stage', () => {
    expect(deals.map((d) => [d.dealId, d.stageId])).toStrictEqual([
      ['gale', 'implementation-in-progress'], ['iris', 'handed-to-implementation'], ['acme', 'live'], ['dune', 'closed-won'],
    ]);
  });

  it('measures close → hand-off and implementation start → live', () => {
    expect(deal('acme')).toStrictEqual({
      dealId: 'acme', name: 'Acme', ownerId: 'ana', closedAt: '2026-03-16T09:00:00.000Z',
      stageId: 'live', stageName: 'Live',
      handedOffAt: '2026-03-18T21:00:00.000Z', implementationStartedAt: '2026-03-20T09:00:00.000Z', liveAt: '2026-03-30T09:00:00.000Z',
      implementationLeadId: 'ivan', customerSuccessManagerId: 'carl',
      daysToHandOff: 2.5, // 03-16 09:00 → 03-18 21:00
      implementationDays: 10, // 03-20 → 03-30
      waitingFor: null, waitingSince: null, daysWaiting: null, stuckAfterDays: null, stuck: false,
    });
    expect(deal('gale')).toMatchObject({ daysToHandOff: 3, implementationDays: null }); // 01-30 → 02-02
    expect(deal('iris')).toMatchObject({ daysToHandOff: 2, implementationDays: null }); // 03-02 → 03-04
    expect(deal('dune')).toMatchObject({ daysToHandOff: null, handedOffAt: null, implementationLeadId: null });
  });

  it('filters by close period and by the people named at the hand-off', () => {
    expect(postCloseDeals(model, { now: NOW, closedFrom: '2026-03-01', closedTo: '2026-03-20' }).map((d) => d.dealId)).toStrictEqual(['iris', 'acme']);
    expect(postCloseDeals(model, { now: NOW, implementationLeadId: 'ivan' }).map((d) => d.dealId)).toStrictEqual(['acme']);
    expect(postCloseDeals(model, { now: NOW, customerSuccessManagerId: 'cleo' }).map((d) => d.dealId)).toStrictEqual(['iris']);
  });
});

describe('stuck after close', () => {
  it('lists won deals waiting too long for the next step, longest first', () => {
    // gale: started 02-09, not live: 19 + 31 = 51 days > 30 (implementation stage).
    // iris: handed off 03-04, not started: 28 days > 5 (hand-off stage).
    // dune: won 03-20 21:00, not handed off: 11.5 days > 5 (the won stage has no threshold; the hand-off stage's applies).
    expect(stuckAfterClose(model, { now: NOW }).map((d) => [d.dealId, d.waitingFor, d.waitingSince, d.daysWaiting, d.stuckAfterDays])).toStrictEqual([
      ['gale', 'go-live', '2026-02-09T09:00:00.000Z', 51, 30],
      ['iris', 'implementation-start', '2026-03-04T09:00:00.000Z', 28, 5],
      ['dune', 'hand-off', '2026-03-20T21:00:00.000Z', 11.5, 5],
    ]);
  });

  it('takes thresholds per stage; stuck means strictly longer', () => {
    const stuck = (thresholds: Record<string, number>) => stuckAfterClose(model, { now: NOW, thresholds }).map((d) => d.dealId);
    expect(stuck({ 'closed-won': 11.5, 'handed-to-implementation': 30 })).toStrictEqual(['gale']);
    expect(stuck({ 'implementation-in-progress': 60, 'closed-won': 11 })).toStrictEqual(['iris', 'dune']);
  });

  it('says nothing about waits that have not outlasted the threshold yet', () => {
    // On 03-25 09:00 dune has waited 4.5 days for the hand-off, iris 21 days, gale 44.
    expect(stuckAfterClose(model, { now: '2026-03-25T09:00:00Z' }).map((d) => [d.dealId, d.daysWaiting])).toStrictEqual([['gale', 44], ['iris', 21]]);
  });
});

describe('post-close durations', () => {
  it('aggregates time to hand-off and implementation duration', () => {
    // Hand-offs: acme 2.5, gale 3, iris 2 → mean 7.5 / 3 = 2.5, median 2.5. Implementations: acme 10.
    expect(postCloseDurations(model)).toStrictEqual({
      definitions: { periodBy: 'duration-end', days: 'fractional' },
      timeToHandOff: { count: 3, averageDays: 2.5, medianDays: 2.5 },
      implementation: { count: 1, averageDays: 10, medianDays: 10 },
    });
  });

  it('counts a duration in the period its end falls in', () => {
    // Handed off in March: iris (03-04) 2, acme (03-18) 2.5 → mean and median 2.25. Live in March: acme 10.
    expect(postCloseDurations(model, MARCH)).toStrictEqual({
      definitions: { periodBy: 'duration-end', days: 'fractional' },
      timeToHandOff: { count: 2, averageDays: 2.25, medianDays: 2.25 },
      implementation: { count: 1, averageDays: 10, medianDays: 10 },
    });
    expect(postCloseDurations(model, { from: '2026-02-01', to: '2026-03-01' })).toStrictEqual({
      definitions: { periodBy: 'duration-end', days: 'fractional' },
      timeToHandOff: { count: 1, averageDays: 3, medianDays: 3 }, // gale 02-02; hale's hand-off was reversed
      implementation: { count: 0, averageDays: null, medianDays: null },
    });
  });

  it('places a duration that spans two months in the month it ends, not the month it starts', () => {
    // gale: won 01-30 09:00, handed off 02-02 09:00 = 3 days. Not January's; February's.
    const january = postCloseDurations(model, { from: '2026-01-01', to: '2026-02-01' });
    expect(january.timeToHandOff).toStrictEqual({ count: 0, averageDays: null, medianDays: null });
    const february = postCloseDurations(model, { from: '2026-02-01', to: '2026-03-01' });
    expect(february.timeToHandOff).toStrictEqual({ count: 1, averageDays: 3, medianDays: 3 });
    // acme: implementation started 03-20, live 03-30 = 10 days; a period ending 03-30 09:00 does not have it yet.
    expect(postCloseDurations(model, { from: '2026-03-01', to: '2026-03-30T09:00:00Z' }).implementation.count).toBe(0);
    expect(postCloseDurations(model, { from: '2026-03-30T09:00:00Z', to: '2026-04-01' }).implementation).toStrictEqual({ count: 1, averageDays: 10, medianDays: 10 });
  });

  it('aggregates per implementation lead and per customer success manager', () => {
    expect(postCloseDurationsBy(model, { by: 'implementation-lead' })).toStrictEqual([
      // ines: gale 3, iris 2 → 2.5; nothing live yet.
      { personId: 'ines', timeToHandOff: { count: 2, averageDays: 2.5, medianDays: 2.5 }, implementation: { count: 0, averageDays: null, medianDays: null } },
      // ivan: acme 2.5 and 10 (hale, reversed, does not count).
      { personId: 'ivan', timeToHandOff: { count: 1, averageDays: 2.5, medianDays: 2.5 }, implementation: { count: 1, averageDays: 10, medianDays: 10 } },
    ]);
    expect(postCloseDurationsBy(model, { by: 'customer-success-manager' })).toStrictEqual([
      // carl: acme 2.5, gale 3 → (2.5 + 3) / 2 = 2.75; acme 10.
      { personId: 'carl', timeToHandOff: { count: 2, averageDays: 2.75, medianDays: 2.75 }, implementation: { count: 1, averageDays: 10, medianDays: 10 } },
      // cleo: iris 2 (hale reversed).
      { personId: 'cleo', timeToHandOff: { count: 1, averageDays: 2, medianDays: 2 }, implementation: { count: 0, averageDays: null, medianDays: null } },
    ]);
    expect(postCloseDurationsBy(model, { by: 'customer-success-manager', ...MARCH }).map((p) => [p.personId, p.timeToHandOff.count])).toStrictEqual([['carl', 1], ['cleo', 1]]);
  });
});
