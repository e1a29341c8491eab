import { FactRef } from '@deals/domain/commission/calculate/facts';
import { foldEvents } from '../testing/fold-events';
import { CommissionFactsDocument } from './commission-facts.document';
import { commissionFactsProjection as projection } from './commission-facts.projection';
import { disputeReview, disputes, quarterClose, reconstruction, statement } from './commission.queries';
import { ben, fay, workedExampleLog } from './testing/commission-events';

type Model = ReadonlyMap<string, CommissionFactsDocument>;
const QUARTER_CLOSE = '2026-03-31T23:59:59Z';
const NOW = '2026-05-01T00:00:00Z';
const total = (model: Model, userId: string, period: string, asKnownAt?: string) =>
  statement(model, { userId, period, ...(asKnownAt === undefined ? {} : { asKnownAt }) }).totals[0]?.totalMinor ?? 0;
const pick = ({ eventId, position, type, occurredAt, recordedAt, actorId }: FactRef) => ({ eventId, position, type, occurredAt, recordedAt, actorId });

describe('the dispute twist, from stored events', () => {
  it('(a) the change recorded on 20 March: 14,875.00 / 6,375.00 as known at quarter close and now', () => {
    const model = foldEvents(projection, workedExampleLog({ lateSplitRecordedAt: '2026-03-20T15:00:00Z' }).events);
    for (const at of [QUARTER_CLOSE, NOW]) expect([total(model, 'ana', '2026-Q1', at), total(model, 'ben', '2026-Q1', at)]).toStrictEqual([1_487_500, 637_500]);
    expect(reconstruction(model, { userId: 'ben', period: '2026-Q1', knownAtA: QUARTER_CLOSE, knownAtB: NOW }).differences).toStrictEqual([]);
  });

  it('(b) recorded on 2 April, dated 20 March: 12,750.00 / 8,500.00 at quarter close, 14,875.00 / 6,375.00 now, ±2,125.00 caused by that event', () => {
    const { events, change } = workedExampleLog({ lateSplitRecordedAt: '2026-04-02T08:30:00Z' });
    const model = foldEvents(projection, events);
    expect([total(model, 'ana', '2026-Q1', QUARTER_CLOSE), total(model, 'ben', '2026-Q1', QUARTER_CLOSE)]).toStrictEqual([1_275_000, 850_000]);
    expect([total(model, 'ana', '2026-Q1', NOW), total(model, 'ben', '2026-Q1', NOW)]).toStrictEqual([1_487_500, 637_500]);
    const forAna = reconstruction(model, { userId: 'ana', period: '2026-Q1', knownAtA: QUARTER_CLOSE, knownAtB: NOW });
    const forBen = reconstruction(model, { userId: 'ben', period: '2026-Q1', knownAtA: QUARTER_CLOSE, knownAtB: NOW });
    expect(forAna.totalDifference).toStrictEqual([{ currency: 'EUR', deltaMinor: 212_500 }]);
    expect(forBen.totalDifference).toStrictEqual([{ currency: 'EUR', deltaMinor: -212_500 }]);
    const cause = { eventId: change!.eventId, position: change!.position, type: 'CreditSplitsSet', occurredAt: '2026-03-20T15:00:00.000Z', recordedAt: '2026-04-02T08:30:00.000Z', actorId: 'mia' };
    expect(forBen.causes.map(pick)).toStrictEqual([cause]);
    expect(forBen.differences.map((d) => [d.lineId, d.deltaMinor, d.causes.map((c) => c.eventId)])).toStrictEqual([
      ['acme:commission:CORE', -90_000, [change!.eventId]],
      ['acme:commission:X', -80_000, [change!.eventId]],
      ['acme:accelerator', -42_500, [change!.eventId]],
    ]);
    // Sam's overlay did not change: no difference, no cause.
    expect(reconstruction(model, { userId: 'sam', period: '2026-Q1', knownAtA: QUARTER_CLOSE, knownAtB: NOW }).differences).toStrictEqual([]);
  });
});

describe('the dispute flow: raise, review at close vs now, accept with adjustments or reject', () => {
  const { log, change } = workedExampleLog({ lateSplitRecordedAt: '2026-04-02T08:30:00Z' });
  log.push('dispute-d-1', 'DisputeRaised', { disputeId: 'd-1', userId: 'ben', period: '2026-Q1', lineId: 'acme:commission:X', dealId: 'acme', claim: 'I was paid on 40% at quarter close; now my statement says 30%' }, ben, '2026-04-05T09:00:00Z', '2026-04-05T09:00:00Z');
  const raisedOnly = foldEvents(projection, log.events);
  log.push('dispute-d-1', 'DisputeAccepted', {
    disputeId: 'd-1', reason: 'Split 70/30 agreed on 20 March, recorded late', approverId: 'fay',
    adjustments: [
      { adjustmentId: 'd-1-1', userId: 'ben', period: '2026-Q2', amountMinor: -212_500, currency: 'EUR', reason: 'recover overpayment on 40%', dealId: 'acme' },
      { adjustmentId: 'd-1-2', userId: 'ana', period: '2026-Q2', amountMinor: 212_500, currency: 'EUR', reason: 'pay the missing 10%', dealId: 'acme' },
    ],
  }, fay, '2026-04-10T09:00:00Z', '2026-04-10T09:00:00Z');
  const accepted = foldEvents(projection, log.events);

  it('shows finance the statement at quarter close and now, the difference and the event that caused it', () => {
    expect(disputes(raisedOnly, { status: 'open' }).map((d) => [d.disputeId, d.userId, d.lineId])).toStrictEqual([['d-1', 'ben', 'acme:commission:X']]);
    const review = disputeReview(raisedOnly, { disputeId: 'd-1', now: '2026-04-06T00:00:00Z' })!;
    expect(review.reconstruction.knownAtA).toBe(quarterClose('2026-Q1'));
    expect(review.reconstruction.a.totals[0].totalMinor).toBe(850_000);
    expect(review.reconstruction.b.totals[0].totalMinor).toBe(637_500);
    expect(review.reconstruction.causes.map((c) => [c.eventId, c.type, c.actorId, c.occurredAt, c.recordedAt])).toStrictEqual([
      [change!.eventId, 'CreditSplitsSet', 'mia', '2026-03-20T15:00:00.000Z', '2026-04-02T08:30:00.000Z'],
    ]);
    expect(disputeReview(raisedOnly, { disputeId: 'nope', now: NOW })).toBeUndefined();
  });

  it('turns an acceptance into adjustment lines in their stated period; Q1 stays as recomputed', () => {
    expect(disputes(accepted).map((d) => [d.status, d.resolution?.approverId])).toStrictEqual([['accepted', 'fay']]);
    const q2 = statement(accepted, { userId: 'ben', period: '2026-Q2' });
    expect(q2.lines.map((line) => [line.lineId, line.kind, line.amountMinor, line.lineage.dealId, line.lineage.arithmetic])).toStrictEqual([
      ['adjustment:d-1-1', 'adjustment', -212_500, 'acme', 'adjustment approved by fay (recover overpayment on 40%) = −2,125.00'],
    ]);
    expect(q2.lines[0].lineage.events.map((e) => [e.role, e.type, e.position])).toStrictEqual([['adjustment', 'DisputeAccepted', log.events.length]]);
    // What was paid at quarter close plus the Q2 adjustment equals what is known now.
    for (const userId of ['ana', 'ben']) {
      expect(total(accepted, userId, '2026-Q1', QUARTER_CLOSE) + total(accepted, userId, '2026-Q2')).toBe(total(accepted, userId, '2026-Q1'));
    }
    expect(total(accepted, 'ben', '2026-Q2', '2026-04-09T00:00:00Z')).toBe(0);
  });

  it('records a rejection with its reason and issues nothing', () => {
    const rejectedLog = workedExampleLog().log;
    rejectedLog.push('dispute-d-2', 'DisputeRaised', { disputeId: 'd-2', userId: 'ben', period: '2026-Q1', lineId: 'acme:accelerator', claim: 'the accelerator should be 1.5' }, ben, '2026-04-05T09:00:00Z', '2026-04-05T09:00:00Z');
    rejectedLog.push('dispute-d-2', 'DisputeRejected', { disputeId: 'd-2', reason: 'AE FY26 v1 pays ×1.25 in the last 10 days', approverId: 'fay' }, fay, '2026-04-06T09:00:00Z', '2026-04-06T09:00:00Z');
    const model = foldEvents(projection, rejectedLog.events);
    expect(disputes(model, { userId: 'ben' }).map((d) => [d.status, d.resolution?.reason, d.adjustments])).toStrictEqual([
      ['rejected', 'AE FY26 v1 pays ×1.25 in the last 10 days', []],
    ]);
    expect(statement(model, { userId: 'ben', period: '2026-Q2' }).lines).toStrictEqual([]);
  });
});
