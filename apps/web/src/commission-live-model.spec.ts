import { changedLines, CommissionView, commissionReload, viewOf } from './commission-live-model';
import { Line } from './commission-types';
import { LiveChange } from './sse';

const view: CommissionView = { personId: 'ana.ae', period: '2026-Q2', dealIds: new Set(['shown-deal']), planIds: new Set(['ae-fy26']) };
const summary = (eventType: string, doc: object): LiveChange => ({
  projection: 'deal-summary', eventType, position: 42,
  doc: { dealId: 'd1', ownerId: 'ben.ae', team: [], everOnTeam: [], ...doc },
});
const facts = (eventType: string, doc: object): LiveChange => ({ projection: 'commission-facts', eventType, position: 42, doc });
const both = { statement: true, estimate: true };

describe('whether a live change concerns the commission page', () => {
  it('reads the statement and the estimate again when one of the person\'s deals is closed won, reversed (a clawback) or has a change approved', () => {
    for (const type of ['DealClosedWon', 'WonDealReversed', 'DealChangeApproved']) {
      expect(commissionReload(summary(type, { ownerId: 'ana.ae' }), view)).toEqual(both);
    }
  });

  it('reads only the statement on a go-live or a corrected won amount, and only the estimate when an open deal moves or changes amount', () => {
    expect(commissionReload(summary('DealWentLive', { ownerId: 'ana.ae' }), view)).toEqual({ statement: true, estimate: false });
    expect(commissionReload(summary('WonAmountCorrected', { ownerId: 'ana.ae' }), view)).toEqual({ statement: true, estimate: false });
    for (const type of ['DealOpened', 'StageAdvanced', 'StageOverridden', 'AmountChanged', 'DealClosedLost']) {
      expect(commissionReload(summary(type, { ownerId: 'ana.ae' }), view)).toEqual({ statement: false, estimate: true });
    }
  });

  it('counts a deal the person is on the team of, was on, or that the page shows', () => {
    expect(commissionReload(summary('DealClosedWon', { team: [{ userId: 'ana.ae', role: 'sales-engineer' }] }), view)).toEqual(both);
    expect(commissionReload(summary('DealClosedWon', { everOnTeam: [{ userId: 'ana.ae', role: 'sales-engineer' }] }), view)).toEqual(both);
    expect(commissionReload(summary('DealClosedWon', { dealId: 'shown-deal' }), view)).toEqual(both);
  });

  it('leaves the page alone for another person\'s deal, and for a change of the person\'s deal that moves no pay', () => {
    expect(commissionReload(summary('DealClosedWon', {}), view)).toBeUndefined();
    for (const type of ['TeamMemberAdded', 'DemoHeld', 'DealHandedToImplementation', 'DealChangeProposed', 'TermsAgreed']) {
      expect(commissionReload(summary(type, { ownerId: 'ana.ae' }), view)).toBeUndefined();
    }
  });

  it('ignores a deleted document and a projection it does not know', () => {
    expect(commissionReload({ ...summary('DealClosedWon', {}), doc: null }, view)).toBeUndefined();
    expect(commissionReload({ projection: 'audit', eventType: 'DealClosedWon', position: 1, doc: { ownerId: 'ana.ae' } }, view)).toBeUndefined();
  });

  describe('commission facts (the feed of finance, sales-ops and admins)', () => {
    const deal = (over: object) => ({ kind: 'deal', deal: { dealId: 'd1', ownerId: 'ben.ae', splits: [], ...over } });

    it('counts a deal the person owns or is credited on (revenue or overlay), or that the page shows', () => {
      expect(commissionReload(facts('CreditSplitsSet', deal({ ownerId: 'ana.ae' })), view)).toEqual(both);
      expect(commissionReload(facts('CreditSplitsSet', deal({ splits: [{ revenue: [{ userId: 'ana.ae' }], overlay: [] }] })), view)).toEqual(both);
      expect(commissionReload(facts('CreditSplitsSet', deal({ splits: [{ revenue: [], overlay: [{ userId: 'ana.ae' }] }] })), view)).toEqual(both);
      expect(commissionReload(facts('DealClosedWon', deal({ dealId: 'shown-deal' })), view)).toEqual(both);
      expect(commissionReload(facts('DealClosedWon', deal({})), view)).toBeUndefined();
    });

    it('reads the statement when a dispute is accepted with an adjustment to the person, not when it is raised or only proposed', () => {
      const dispute = { kind: 'dispute', userId: 'ben.ae', adjustments: [{ userId: 'ana.ae', period: '2026-Q2' }] };
      expect(commissionReload(facts('DisputeAccepted', dispute), view)).toEqual({ statement: true, estimate: false });
      expect(commissionReload(facts('DisputeAcceptanceProposed', { ...dispute, adjustments: [] }), view)).toBeUndefined();
      expect(commissionReload(facts('DisputeRaised', { kind: 'dispute', userId: 'ana.ae', adjustments: [] }), view)).toBeUndefined();
      expect(commissionReload(facts('DisputeAccepted', { ...dispute, adjustments: [{ userId: 'ben.ae' }] }), view)).toBeUndefined();
    });

    it('reads the statement when its quarter is closed or reopened, and both when the person\'s assignment or a plan the page shows changes', () => {
      expect(commissionReload(facts('CommissionPeriodClosed', { kind: 'period', period: '2026-Q2' }), view)).toEqual({ statement: true, estimate: false });
      expect(commissionReload(facts('CommissionPeriodClosed', { kind: 'period', period: '2026-Q1' }), view)).toBeUndefined();
      expect(commissionReload(facts('CommissionPlanAssigned', { kind: 'assignment', userId: 'ana.ae' }), view)).toEqual(both);
      expect(commissionReload(facts('CommissionPlanAssigned', { kind: 'assignment', userId: 'ben.ae' }), view)).toBeUndefined();
      expect(commissionReload(facts('CommissionPlanVersionPublished', { kind: 'plan', planId: 'ae-fy26' }), view)).toEqual(both);
      expect(commissionReload(facts('CommissionPlanVersionPublished', { kind: 'plan', planId: 'se-fy26' }), view)).toBeUndefined();
      expect(commissionReload(facts('DealClosedWon', { kind: 'person-index', userId: 'ana.ae' }), view)).toBeUndefined();
    });
  });
});

const line = (lineId: string, amountMinor: number, over: Partial<Line> = {}): Line => ({
  lineId, kind: 'commission', amountMinor, currency: 'EUR', dueAt: '2026-04-02T00:00:00Z',
  lineage: { dealId: lineId.split(':')[0], events: [], rule: 'base', arithmetic: '', plan: { planId: 'ae-fy26', version: 1, name: 'AE FY26 v1' } },
  ...over,
});

describe('what the page shows, and what a reload changed', () => {
  it('collects the deals and plans of the lines and the other deals the page names', () => {
    const v = viewOf('ana.ae', '2026-Q2', [line('d1:commission:X', 100), line('d2:commission:X', 200, { lineage: { events: [], rule: 'x', arithmetic: '' } })], ['d3']);
    expect(v).toEqual({ personId: 'ana.ae', period: '2026-Q2', dealIds: new Set(['d1', 'd3']), planIds: new Set(['ae-fy26']) });
  });

  it('marks new lines and lines whose amount, currency, due date or kind changed', () => {
    const before = [line('a', 100), line('b', 200), line('c', 300)];
    const after = [line('a', 100), line('b', 250), line('c', 300, { kind: 'clawback' }), line('d', 400)];
    expect([...changedLines(before, after)]).toEqual(['b', 'c', 'd']);
    expect(changedLines(before, before).size).toBe(0);
  });
});
