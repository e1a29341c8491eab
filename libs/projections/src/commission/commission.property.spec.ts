import fc from 'fast-check';
import { estimateOpenPipeline } from '@deals/domain/commission/calculate/estimate';
import { factsForPerson } from '@deals/domain/commission/calculate/person-facts';
import { reconstruct } from '@deals/domain/commission/calculate/reconstruct';
import { commissionStatement } from '@deals/domain/commission/calculate/statement';
import { PlanRules } from '@deals/domain/commission/plan-rules';
import { RecordedEvent } from '@deals/event-store';
import { foldEvents } from '../testing/fold-events';
import { EventLog } from '../testing/recorded-events';
import { CommissionFactsDocument } from './commission-facts.document';
import { commissionFactsProjection as projection } from './commission-facts.projection';
import { commissionFactsOf, openPipelineEstimate, personCommissionFacts, reconstruction, statement } from './commission.queries';
import { ae, ana, ben, fay, mia, se } from './testing/commission-events';

const PEOPLE = ['ana', 'ben', 'cal'];
const PERIODS = ['2026-Q1', '2026-Q2', '2026-Q3'];
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString();

const RICH: PlanRules = {
  creditType: 'revenue', currency: 'EUR', baseRateBp: 1500,
  productRates: [{ productCode: 'X', rateBp: 2000 }, { productCode: 'Z', rateBp: 333 }],
  verticalIncentives: [{ industry: 'healthcare', extraRateBp: 150 }],
  spifs: [{ id: 'y', productCode: 'Y', metric: 'quantity', target: 4, bonusMinor: 25_000 }],
  accelerators: { quarterEnd: { days: 10, multiplierBp: 12_500 }, quarterStart: { days: 7, multiplierBp: 11_111 }, attainmentTiers: [{ aboveAttainmentBp: 10_000, multiplierBp: 13_333 }] },
  payoutTrigger: 'close', clawbackWindowDays: 45,
};
const FULL_CREDIT: PlanRules = { creditType: 'revenue', currency: 'EUR', baseRateBp: 10_000, payoutTrigger: 'close', clawbackWindowDays: 0 };
const OVERLAY: PlanRules = { creditType: 'overlay', currency: 'EUR', baseRateBp: 400, payoutTrigger: 'go-live', clawbackWindowDays: 30 };

/** Revenue shares totalling exactly 10,000 bp among 1–3 people. */
const revenueSplit = fc.tuple(fc.subarray(PEOPLE, { minLength: 1 }), fc.array(fc.integer({ min: 1, max: 9_999 }), { minLength: 2, maxLength: 2 }))
  .map(([people, cuts]) => {
    const points = [...new Set(cuts)].sort((a, b) => a - b).slice(0, people.length - 1);
    const bounds = [0, ...points, 10_000];
    return people.slice(0, bounds.length - 1).map((userId, index) => ae(userId, bounds[index + 1] - bounds[index]));
  });

const deal = fc.record({
  items: fc.array(fc.record({ productCode: fc.constantFrom('CORE', 'X', 'Y', 'Z'), amountMinor: fc.integer({ min: 0, max: 3_000_001 }), quantity: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 3 }),
  industry: fc.constantFrom('healthcare', 'retail'),
  openDay: fc.integer({ min: 0, max: 150 }),
  firstSplit: revenueSplit,
  overlayBp: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
  change: fc.option(fc.record({ split: revenueSplit, afterOpenDays: fc.integer({ min: 0, max: 60 }), lagDays: fc.integer({ min: 0, max: 30 }) }), { nil: undefined }),
  closeAfterDays: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
  liveAfterDays: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  reverseAfterDays: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
});
type Deal = typeof deal extends fc.Arbitrary<infer T> ? T : never;

interface Pending { streamId: string; type: string; data: unknown; actor: { id: string; roles: string[] }; occurredAt: number; recordedAt: number }

/** Stored events in recording order, as the store would hold them. */
function history(deals: readonly Deal[], aeRules: PlanRules): RecordedEvent[] {
  const pending: Pending[] = [];
  const add = (streamId: string, type: string, data: unknown, actor: Pending['actor'], occurredAt: number, recordedAt = occurredAt) =>
    pending.push({ streamId, type, data, actor, occurredAt, recordedAt });
  add('plan-ae', 'CommissionPlanVersionPublished', { planId: 'ae', version: 1, name: 'AE', effectiveFrom: '2026-01-01', rules: aeRules }, fay, START - 10 * DAY);
  add('plan-se', 'CommissionPlanVersionPublished', { planId: 'se', version: 1, name: 'SE', effectiveFrom: '2026-01-01', rules: OVERLAY }, fay, START - 10 * DAY);
  for (const userId of PEOPLE) add(`assignment-${userId}`, 'CommissionPlanAssigned', { userId, planId: 'ae', effectiveFrom: '2026-01-01', currency: 'EUR', quotaMinor: 5_000_000 }, fay, START - 9 * DAY);
  add('assignment-sam', 'CommissionPlanAssigned', { userId: 'sam', planId: 'se', effectiveFrom: '2026-01-01', currency: 'EUR' }, fay, START - 9 * DAY);
  deals.forEach((d, index) => {
    const stream = `deal-d${index}`;
    const opened = START + d.openDay * DAY + index * 1000;
    const amount = d.items.reduce((sum, item) => sum + item.amountMinor, 0);
    add(stream, 'DealOpened', { dealId: `d${index}`, name: `d${index}`, account: { name: 'A', industry: d.industry }, ownerId: 'ana', currency: 'EUR', expectedAmountMinor: amount, lineItems: d.items, pipeline: { id: 'default', version: 1 }, stageId: 'engaged' }, ana, opened);
    const overlay = d.overlayBp === undefined ? [] : [se('sam', d.overlayBp)];
    add(stream, 'CreditSplitsSet', { revenue: d.firstSplit, overlay }, mia, opened + 1);
    let last = opened + 1;
    const close = d.closeAfterDays === undefined ? undefined : opened + d.closeAfterDays * DAY + 2;
    const changeAt = d.change === undefined ? undefined : opened + d.change.afterOpenDays * DAY + 3;
    const events: [number, number, () => void][] = [];
    if (d.change && changeAt !== undefined) {
      const recorded = changeAt + d.change.lagDays * DAY;
      events.push([changeAt, recorded, () => add(stream, 'CreditSplitsSet', { revenue: d.change!.split, overlay }, mia, changeAt, recorded)]);
    }
    if (close !== undefined) {
      events.push([close, close, () => add(stream, 'DealClosedWon', { fromStageId: 'terms-agreed', amountMinor: amount, lineItems: d.items, signedOrder: { kind: 'signature', ref: 'o' } }, ana, close)]);
      if (d.liveAfterDays !== undefined) events.push([close + d.liveAfterDays * DAY, close + d.liveAfterDays * DAY, () => add(stream, 'DealWentLive', { evidence: { kind: 'email', ref: 'live' } }, ana, close + d.liveAfterDays! * DAY)]);
      if (d.reverseAfterDays !== undefined) events.push([close + d.reverseAfterDays * DAY + 5, close + d.reverseAfterDays * DAY + 5, () => add(stream, 'WonDealReversed', { reason: 'cancelled' }, mia, close + d.reverseAfterDays! * DAY + 5)]);
    }
    for (const [, recorded, push] of events.sort((a, b) => a[1] - b[1])) {
      push();
      last = Math.max(last, recorded);
    }
  });
  // Per stream, recorded times never decrease (the generator orders each deal's events by recorded time).
  const log = new EventLog();
  pending.map((event, order) => ({ event, order }))
    .sort((a, b) => a.event.recordedAt - b.event.recordedAt || a.order - b.order)
    .forEach(({ event }) => log.push(event.streamId, event.type, event.data, event.actor, iso(event.occurredAt), iso(event.recordedAt)));
  return log.events;
}

/**
 * What the generated histories leave out, so that the person index is tested where it can miss:
 * other owners, deals without any split (the owner's default), adjustments for anyone on any
 * deal, and a second deal stream holding an existing deal's id.
 */
const OWNERS = ['ana', 'ben', 'dan'];
const EVERYONE = [...PEOPLE, 'sam', 'dan', 'eve'];
const variation = fc.record({
  owners: fc.array(fc.constantFrom(...OWNERS), { minLength: 5, maxLength: 5 }),
  unsplit: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  adjustments: fc.array(fc.record({
    userId: fc.constantFrom(...EVERYONE), deal: fc.option(fc.nat(4), { nil: undefined }), day: fc.integer({ min: 0, max: 240 }),
    period: fc.constantFrom(...PERIODS), amountMinor: fc.integer({ min: -50_000, max: 50_000 }).filter((n) => n !== 0),
  }), { maxLength: 3 }),
  misfiled: fc.option(fc.record({ of: fc.nat(4), owner: fc.constantFrom(...EVERYONE), day: fc.integer({ min: 0, max: 150 }), wonAfterDays: fc.integer({ min: 0, max: 60 }) }), { nil: undefined }),
});
type Variation = typeof variation extends fc.Arbitrary<infer T> ? T : never;

function variedHistory(deals: readonly Deal[], v: Variation): RecordedEvent[] {
  const dealIndex = (e: RecordedEvent) => Number(e.streamId.slice('deal-d'.length));
  const events: { streamId: string; type: string; data: unknown; actor: { id: string; roles: string[] }; occurredAt: string; recordedAt: string }[] = history(deals, RICH)
    .filter((e) => !(e.type === 'CreditSplitsSet' && v.unsplit[dealIndex(e)]))
    .map((e) => ({
      streamId: e.streamId, type: e.type, actor: e.metadata.actor as { id: string; roles: string[] }, occurredAt: e.metadata.occurredAt as string, recordedAt: e.metadata.recordedAt,
      data: e.type === 'DealOpened' ? { ...(e.data as object), ownerId: v.owners[dealIndex(e)] } : e.data,
    }));
  v.adjustments.forEach((adjustment, index) => {
    const disputeId = `dispute${index}`;
    const at = iso(START + adjustment.day * DAY + 7);
    const dealId = adjustment.deal === undefined ? undefined : `d${adjustment.deal % deals.length}`;
    events.push({ streamId: `dispute-${disputeId}`, type: 'DisputeRaised', data: { disputeId, userId: 'ben', period: adjustment.period, lineId: 'x', claim: 'c', ...(dealId ? { dealId } : {}) }, actor: ben, occurredAt: at, recordedAt: at });
    events.push({
      streamId: `dispute-${disputeId}`, type: 'DisputeAccepted', actor: fay, occurredAt: at, recordedAt: at,
      data: { disputeId, reason: 'r', approverId: 'fay', adjustments: [{ adjustmentId: `${disputeId}-1`, userId: adjustment.userId, period: adjustment.period, amountMinor: adjustment.amountMinor, currency: 'EUR', ...(dealId ? { dealId } : {}) }] },
    });
  });
  if (v.misfiled) {
    const opened = START + v.misfiled.day * DAY + 11;
    const items = deals[v.misfiled.of % deals.length].items;
    const amount = items.reduce((sum, item) => sum + item.amountMinor, 0);
    const at = (ms: number) => ({ occurredAt: iso(ms), recordedAt: iso(ms) });
    events.push({ streamId: 'deal-elsewhere', type: 'DealOpened', actor: ana, ...at(opened), data: { dealId: `d${v.misfiled.of % deals.length}`, name: 'dup', account: { name: 'A' }, ownerId: v.misfiled.owner, currency: 'EUR', expectedAmountMinor: amount, lineItems: items, pipeline: { id: 'default', version: 1 }, stageId: 'engaged' } });
    events.push({ streamId: 'deal-elsewhere', type: 'DealClosedWon', actor: ana, ...at(opened + v.misfiled.wonAfterDays * DAY), data: { fromStageId: 'terms-agreed', amountMinor: amount, lineItems: items, signedOrder: { kind: 'signature', ref: 'o' } } });
  }
  const log = new EventLog();
  events.map((event, order) => ({ event, order }))
    .sort((a, b) => Date.parse(a.event.recordedAt) - Date.parse(b.event.recordedAt) || a.order - b.order)
    .forEach(({ event }) => log.push(event.streamId, event.type, event.data, event.actor, event.occurredAt, event.recordedAt));
  return log.events;
}

type Model = ReadonlyMap<string, CommissionFactsDocument>;
const statements = (model: Model, asKnownAt?: string) =>
  [...PEOPLE, 'sam'].flatMap((userId) => PERIODS.map((period) => statement(model, { userId, period, ...(asKnownAt === undefined ? {} : { asKnownAt }) })));
const jsonRoundTrip = (model: Model): Model => new Map(JSON.parse(JSON.stringify([...model.entries()])) as [string, CommissionFactsDocument][]);
const withoutMoment = <T extends { asKnownAt?: string }>(s: T) => { const { asKnownAt: _ignored, ...rest } = s; return rest; };

describe('commission statements (property)', () => {
  it('are identical after a full rebuild and after a JSON round trip of the documents', () => {
    fc.assert(fc.property(fc.array(deal, { minLength: 1, maxLength: 5 }), (deals) => {
      const events = history(deals, RICH);
      const model = foldEvents(projection, events);
      const rebuilt = foldEvents(projection, events);
      expect(JSON.stringify([...rebuilt.entries()])).toBe(JSON.stringify([...model.entries()]));
      expect(statements(rebuilt)).toStrictEqual(statements(model));
      const stored = jsonRoundTrip(model);
      expect(statements(stored)).toStrictEqual(statements(model));
      const query = { userId: 'ben', period: '2026-Q2', knownAtA: '2026-04-15T00:00:00Z', knownAtB: '2026-06-30T00:00:00Z' };
      expect(reconstruction(stored, query)).toStrictEqual(reconstruction(model, query));
    }), { numRuns: 60 });
  });

  it('as known at a moment equals a replay of only the events recorded by then (the runner\'s as-of)', () => {
    fc.assert(fc.property(fc.array(deal, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 240 }), (deals, day) => {
      const events = history(deals, RICH);
      const moment = iso(START + day * DAY);
      const known = foldEvents(projection, events.filter((e) => Date.parse(e.metadata.recordedAt) <= Date.parse(moment)));
      expect(statements(foldEvents(projection, events), moment).map(withoutMoment)).toStrictEqual(statements(known));
    }), { numRuns: 60 });
  });

  it('are the same from the person index as from all the facts: statements as known at any moment, reconstructions, estimates', () => {
    const moment = fc.integer({ min: 0, max: 240 }).map((day) => iso(START + day * DAY));
    fc.assert(fc.property(fc.array(deal, { minLength: 1, maxLength: 5 }), variation, moment, moment, fc.constantFrom(...PERIODS), (deals, v, x, y, disputed) => {
      const model = foldEvents(projection, variedHistory(deals, v));
      const all = commissionFactsOf(model);
      const [knownAtA, knownAtB] = [x, y].sort();
      for (const userId of EVERYONE) {
        for (const period of PERIODS) {
          for (const asKnownAt of [undefined, x, knownAtB]) {
            const query = { userId, period, ...(asKnownAt === undefined ? {} : { asKnownAt }) };
            expect(statement(model, query)).toStrictEqual(commissionStatement(all, query));
          }
        }
        const query = { userId, period: disputed, knownAtA, knownAtB };
        expect(reconstruction(model, query)).toStrictEqual(reconstruct(all, query));
        expect(openPipelineEstimate(model, { userId, now: x })).toStrictEqual(estimateOpenPipeline(all, userId, x));
        // The index gives exactly the domain's restriction of all the facts.
        expect(personCommissionFacts(model, userId)).toStrictEqual(factsForPerson(all, userId));
      }
    }), { numRuns: 80 });
  });

  it('pays out exactly 100% of every won deal in revenue credit across its people (a 100% plan)', () => {
    fc.assert(fc.property(fc.array(deal, { minLength: 1, maxLength: 5 }), (deals) => {
      const model = foldEvents(projection, history(deals, FULL_CREDIT));
      const paid = new Map<string, number>();
      for (const s of statements(model)) {
        for (const line of s.lines.filter((l) => l.kind === 'commission' && s.userId !== 'sam')) {
          paid.set(line.lineage.dealId!, (paid.get(line.lineage.dealId!) ?? 0) + line.amountMinor);
        }
      }
      deals.forEach((d, index) => {
        const closedInRange = d.closeAfterDays !== undefined;
        const amount = d.items.reduce((sum, item) => sum + item.amountMinor, 0);
        if (closedInRange) expect(paid.get(`d${index}`) ?? 0).toBe(amount);
        else expect(paid.has(`d${index}`)).toBe(false);
      });
    }), { numRuns: 80 });
  });
});
