import { RecordedEvent } from '@deals/event-store';
import { foldEvents } from '../testing/fold-events';
import { commissionFactsProjection as projection } from './commission-facts.projection';
import { commissionFactsOf, statement } from './commission.queries';
import { MalformedCommissionEventError } from './fact-ref';
import { commissionPeriod, commissionPeriods } from './period.queries';
import { EventLog } from '../testing/recorded-events';
import { ae, closeWon, fay, openDeal, se, setSplits, workedExamplePlans } from './testing/commission-events';

const adam = { id: 'adam', roles: ['admin'] };
const NOW = '2026-08-01T00:00:00.000Z';

/** The worked example at 60/40; Q1 closed on 3 April; the split changed to 70/30 (dated 20 March) on 10 April. */
function closedThenLate() {
  const log = new EventLog();
  workedExamplePlans(log);
  openDeal(log, 'acme', '2026-03-01T09:00:00Z');
  setSplits(log, 'acme', [ae('ana', 6000), ae('ben', 4000)], [se('sam', 5000)], '2026-03-01T09:00:00Z');
  closeWon(log, 'acme', '2026-03-25T10:00:00Z');
  const close = log.push('commission-period-2026-Q1', 'CommissionPeriodClosed', { period: '2026-Q1', closedBy: 'fay', closedAt: '2026-04-03T09:00:00.000Z' }, fay, '2026-04-03T09:00:00Z', '2026-04-03T09:00:00.000Z');
  const late = setSplits(log, 'acme', [ae('ana', 7000), ae('ben', 3000)], [se('sam', 5000)], '2026-03-20T15:00:00Z', '2026-04-10T08:30:00Z');
  return { log, close, late };
}

describe('commission periods in the commission-facts read model', () => {
  it('keeps each period\'s closes and reopenings in its document and lists the periods', () => {
    const { log, close } = closedThenLate();
    const reopen = log.push('commission-period-2026-Q1', 'CommissionPeriodReopened', { period: '2026-Q1', reason: 'Late split', reopenedBy: 'adam' }, adam, '2026-04-20T09:00:00Z', '2026-04-20T09:00:00.000Z');
    const model = foldEvents(projection, log.events);
    expect(model.get('periods')).toStrictEqual({ kind: 'period-keys', keys: ['period:2026-Q1'] });
    const doc = model.get('period:2026-Q1');
    expect(doc).toMatchObject({
      kind: 'period', period: '2026-Q1', revision: 1,
      changes: [
        { change: 'closed', period: '2026-Q1', closedBy: 'fay', closedAt: '2026-04-03T09:00:00.000Z', ref: { eventId: close.eventId, position: close.position, actorId: 'fay' } },
        { change: 'reopened', period: '2026-Q1', reopenedBy: 'adam', reason: 'Late split', ref: { eventId: reopen.eventId, position: reopen.position } },
      ],
    });
    expect(commissionFactsOf(model).periods).toHaveLength(2);
    expect(projection.streamOf?.('period:2026-Q1')).toBe('commission-period-2026-Q1');
  });

  it('refuses a period event whose quarter is not its stream\'s', () => {
    const { close } = closedThenLate();
    const bad: RecordedEvent = { ...close, data: { period: '2026-Q2', closedBy: 'fay', closedAt: '2026-07-03T09:00:00.000Z' } };
    expect(() => projection.apply(undefined, bad, 'period:2026-Q1')).toThrow(MalformedCommissionEventError);
    expect(() => projection.apply(undefined, { ...close, data: { period: '2026-Q1', closedBy: 'fay' } }, 'period:2026-Q1')).toThrow(MalformedCommissionEventError);
  });

  it('answers statements through each person\'s index as from all the facts: Q1 frozen, the late change a prior-period line in Q2', () => {
    const { log, late } = closedThenLate();
    const model = foldEvents(projection, log.events);
    const q1 = statement(model, { userId: 'ben', period: '2026-Q1' });
    expect([q1.totals[0].totalMinor, q1.closed?.closedBy]).toStrictEqual([850_000, 'fay']);
    const q2 = statement(model, { userId: 'ben', period: '2026-Q2' });
    expect(q2.totals[0]).toMatchObject({ totalMinor: -212_500, byKind: { 'prior-period': -212_500 } });
    expect(q2.lines[0].lineage.events.find((event) => event.role === 'late-fact')).toMatchObject({ eventId: late.eventId, position: late.position, recordedAt: '2026-04-10T08:30:00.000Z' });
    expect(q2.lines[0].lineage.priorPeriod).toMatchObject({ period: '2026-Q1', frozenMinor: 360_000, knownNowMinor: 270_000 });
    expect(statement(model, { userId: 'ana', period: '2026-Q2' }).totals[0].totalMinor).toBe(212_500);
  });

  it('answers as known at a past moment as the read model of that moment does', () => {
    const { log } = closedThenLate();
    const full = foldEvents(projection, log.events);
    for (const moment of ['2026-04-02T00:00:00.000Z', '2026-04-05T00:00:00.000Z', '2026-04-11T00:00:00.000Z']) {
      const then = foldEvents(projection, log.events.filter((e) => String(e.metadata.recordedAt) <= moment));
      for (const period of ['2026-Q1', '2026-Q2']) {
        const { asKnownAt: _, ...asKnown } = statement(full, { userId: 'ben', period, asKnownAt: moment });
        expect(asKnown).toStrictEqual(statement(then, { userId: 'ben', period }));
      }
    }
  });
});

describe('reading periods', () => {
  it('lists every quarter from the first plan\'s to the current one, each open or closed, with the history', () => {
    const { log, close } = closedThenLate();
    const model = foldEvents(projection, log.events);
    const periods = commissionPeriods(model, { now: NOW });
    expect(periods.map((p) => [p.period, p.status, p.ended])).toStrictEqual([['2026-Q1', 'closed', true], ['2026-Q2', 'open', true], ['2026-Q3', 'open', false]]);
    expect(periods[0]).toMatchObject({
      startsAt: '2026-01-01T00:00:00.000Z', endsAt: '2026-04-01T00:00:00.000Z',
      closed: { closedBy: 'fay', closedAt: '2026-04-03T09:00:00.000Z', event: { eventId: close.eventId } },
      history: [{ change: 'closed', closedBy: 'fay' }],
    });
    expect(commissionPeriod(model, { period: '2026-Q1', now: NOW })).toStrictEqual(periods[0]);
    expect(commissionPeriod(model, { period: '2027-Q4', now: NOW })).toMatchObject({ period: '2027-Q4', status: 'open', ended: false, history: [] });
    expect(commissionPeriods(foldEvents(projection, []), { now: NOW })).toStrictEqual([]);
  });
});
