import { EventLog } from '../testing/recorded-events';
import { foldEvents } from '../testing/fold-events';
import { dealSummaryProjection } from './deal-summary.projection';

const ana = { id: 'ana', roles: ['rep'] };
const proof = (ref: string) => ({ kind: 'email' as const, ref });

function summaryOf(build: (log: EventLog) => void) {
  const log = new EventLog();
  log.deal('d').by(ana).at('2026-02-01T09:00:00Z').add('DealOpened', {
    dealId: 'd', name: 'D', account: { name: 'D Ltd' }, ownerId: 'ana', currency: 'EUR', expectedAmountMinor: 100,
    lineItems: [], pipeline: { id: 'default', version: 1 }, stageId: 'engaged',
  });
  build(log);
  return foldEvents(dealSummaryProjection, log.events).get('d')!;
}

describe('the facts KPIs read from a deal summary', () => {
  it('keeps the earliest contact by business time, even when a backdated one is recorded later', () => {
    const doc = summaryOf((log) => {
      log.deal('d').by(ana).at('2026-02-03T09:00:00Z').add('ContactMade', { channel: 'email', evidence: proof('c1') });
      log.deal('d').by(ana).at('2026-02-05T09:00:00Z').add('ContactMade', { channel: 'phone', evidence: proof('c2') });
      log.deal('d').by(ana).at('2026-02-01T10:00:00Z', '2026-02-06T09:00:00Z').add('ContactMade', { channel: 'referral', evidence: proof('c3') });
    });
    expect(doc.firstContact).toStrictEqual({ channel: 'referral', at: '2026-02-01T10:00:00.000Z' });
  });

  it('keeps the decision timeframe noted last in business time', () => {
    const doc = summaryOf((log) => {
      log.deal('d').by(ana).at('2026-02-03T09:00:00Z').add('DecisionTimeframeNoted', { decisionBy: '2026-03-31', evidence: proof('t1') });
      log.deal('d').by(ana).at('2026-02-10T09:00:00Z').add('DecisionTimeframeNoted', { decisionBy: '2026-05-15', evidence: proof('t2') });
      log.deal('d').by(ana).at('2026-02-02T09:00:00Z', '2026-02-11T09:00:00Z').add('DecisionTimeframeNoted', { decisionBy: '2026-01-31', evidence: proof('t3') });
    });
    expect(doc.decisionTimeframe).toStrictEqual({ decisionBy: '2026-05-15', notedAt: '2026-02-10T09:00:00.000Z' });
  });

  it('has neither when nothing was recorded', () => {
    const doc = summaryOf(() => undefined);
    expect([doc.firstContact, doc.decisionTimeframe]).toStrictEqual([undefined, undefined]);
  });
});
