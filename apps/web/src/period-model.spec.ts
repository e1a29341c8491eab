import { FactRef } from './commission-types';
import { changeText, closedText, CommissionPeriod, lastDay, lateFactText, periodActions, priorPeriodFigures } from './period-model';

const ref = (over: Partial<FactRef> = {}): FactRef => ({
  eventId: 'e1', position: 212, type: 'CommissionPeriodClosed', streamId: 'commission-period-2026-Q1',
  occurredAt: '2026-04-03T09:00:00.000Z', recordedAt: '2026-04-03T09:00:00.012Z', actorId: 'fiona.finance', ...over,
});
const q1: CommissionPeriod = {
  period: '2026-Q1', status: 'open', startsAt: '2026-01-01T00:00:00.000Z', endsAt: '2026-04-01T00:00:00.000Z', ended: true, history: [],
};

describe('commission periods on the dashboard', () => {
  it('offers close for an ended open quarter, reopen for a closed one, and says when a running quarter may be closed', () => {
    expect(periodActions(q1)).toEqual({ close: true, reopen: false });
    expect(periodActions({ ...q1, status: 'closed' })).toEqual({ close: false, reopen: true });
    expect(periodActions({ ...q1, period: '2026-Q4', ended: false, endsAt: '2027-01-01T00:00:00.000Z' }))
      .toEqual({ close: false, reopen: false, note: 'ends 2026-12-31; it can be closed after' });
    expect(lastDay(q1)).toBe('2026-03-31');
  });

  it('tells each close and reopening, and what a closed statement is', () => {
    expect(changeText({ ref: ref(), period: '2026-Q1', change: 'closed', closedBy: 'fiona.finance', closedAt: '2026-04-03T09:00:00.000Z' }))
      .toBe('closed by fiona.finance on 2026-04-03 09:00 UTC');
    expect(changeText({ ref: ref({ recordedAt: '2026-04-10T08:00:00.000Z' }), period: '2026-Q1', change: 'reopened', reopenedBy: 'adam.admin', reason: 'late split' }))
      .toBe('reopened by adam.admin on 2026-04-10 08:00 UTC: late split');
    expect(closedText({ closedAt: '2026-04-03T09:00:00.000Z', closedBy: 'fiona.finance', event: ref() }))
      .toBe('Closed on 2026-04-03 09:00 UTC by fiona.finance, as known at the close.');
  });

  it('shows a prior-period line\'s frozen figure, the figure known now and corrections already made', () => {
    const figures = priorPeriodFigures({
      period: '2026-Q1', lineId: 'acme:commission:X', frozen: '3200.00', knownNow: '2400.00', adjusted: '-900.00', adjustedIn: ['2026-Q2'],
      close: { closedAt: '2026-04-03T09:00:00.000Z', closedBy: 'fay', event: ref() },
    }, 'EUR');
    expect(figures).toEqual([
      { label: 'Closed period', value: '2026-Q1 (closed 2026-04-03 09:00 UTC by fay)' },
      { label: 'Line corrected', value: 'acme:commission:X' },
      { label: 'Paid at the close', value: '3,200.00 EUR' },
      { label: 'As known now', value: '2,400.00 EUR' },
      { label: 'Already corrected', value: '−900.00 EUR in 2026-Q2' },
    ]);
    expect(priorPeriodFigures({ period: '2026-Q1', lineId: 'x', knownNow: '10.00', adjusted: '0.00', adjustedIn: [] }, 'EUR')[2]).toEqual({ label: 'Paid at the close', value: '0.00 EUR' });
  });

  it('tells a late fact: what, who, when it happened and when it was recorded', () => {
    expect(lateFactText(ref({ type: 'CreditSplitsSet', actorId: 'ana.ae', occurredAt: '2026-03-20T10:00:00.000Z', recordedAt: '2026-04-10T08:30:00.000Z' })))
      .toBe('CreditSplitsSet by ana.ae, happened 2026-03-20 10:00 UTC, recorded 2026-04-10 08:30 UTC');
  });
});
