import { deciderSpec } from '../../testing/decider-spec';
import { Actor } from '../../shared/message';
import { ben, commissionCommand, fay, mia } from '../testing/commission-commands';
import { commissionPeriodDecider, CommissionPeriodEvent } from './commission-period.decider';

const spec = deciderSpec(commissionPeriodDecider);
const adam: Actor = { id: 'adam', roles: ['admin'] };
const close = (period = '2026-Q1', actor = fay, now = '2026-04-03T09:00:00.000Z') =>
  commissionCommand('CloseCommissionPeriod', { period }, actor, now);
const reopen = (reason = 'Late split change on Acme', actor = fay) =>
  commissionCommand('ReopenCommissionPeriod', { period: '2026-Q1', reason }, actor);
const closed = (closedBy = 'fay', closedAt = '2026-04-03T09:00:00.000Z'): CommissionPeriodEvent =>
  ({ type: 'CommissionPeriodClosed', data: { period: '2026-Q1', closedBy, closedAt } });
const reopened: CommissionPeriodEvent = { type: 'CommissionPeriodReopened', data: { period: '2026-Q1', reason: 'Late split change on Acme', reopenedBy: 'fay' } };

describe('CloseCommissionPeriod', () => {
  it('closes a quarter that has ended, naming who and when', () => {
    spec.given([]).when(close()).then([closed()]);
    spec.given([]).when(close('2026-Q1', adam, '2026-04-01T00:00:00.000Z')).then([closed('adam', '2026-04-01T00:00:00.000Z')]);
  });

  it('refuses a quarter that has not ended yet, naming its end', () => {
    const error = spec.given([]).when(close('2026-Q1', fay, '2026-03-31T23:59:59.999Z')).thenThrows('COMMISSION.PERIOD_NOT_ENDED');
    expect(error.kind).toBe('conflict');
    expect(error.details).toStrictEqual({ period: '2026-Q1', endsAt: '2026-04-01T00:00:00.000Z' });
    spec.given([]).when(close('2026-Q2')).thenThrows('COMMISSION.PERIOD_NOT_ENDED');
  });

  it('refuses to close a closed period, naming the close in force', () => {
    const error = spec.given([closed()]).when(close()).thenThrows('COMMISSION.PERIOD_ALREADY_CLOSED');
    expect(error.kind).toBe('conflict');
    expect(error.details).toStrictEqual({ period: '2026-Q1', closedAt: '2026-04-03T09:00:00.000Z', closedBy: 'fay' });
  });

  it('closes again after a reopening', () => {
    spec.given([closed(), reopened]).when(close('2026-Q1', adam, '2026-05-02T09:00:00.000Z')).then([closed('adam', '2026-05-02T09:00:00.000Z')]);
  });

  it('takes a calendar quarter', () => {
    spec.given([]).when(close('2026-03')).thenThrows('COMMISSION.PERIOD_INVALID');
  });

  it('is for finance and admin only', () => {
    expect(spec.given([]).when(close('2026-Q1', mia)).thenThrows('COMMISSION.FORBIDDEN').details).toMatchObject({ requiredRole: 'finance or admin' });
    spec.given([]).when(close('2026-Q1', ben)).thenThrows('COMMISSION.FORBIDDEN');
  });
});

describe('ReopenCommissionPeriod', () => {
  it('reopens a closed period with a reason', () => {
    spec.given([closed()]).when(reopen()).then([reopened]);
    spec.given([closed()]).when(reopen('Late split change on Acme', adam))
      .then([{ type: 'CommissionPeriodReopened', data: { period: '2026-Q1', reason: 'Late split change on Acme', reopenedBy: 'adam' } }]);
  });

  it('reopens only a closed period', () => {
    expect(spec.given([]).when(reopen()).thenThrows('COMMISSION.PERIOD_NOT_CLOSED').kind).toBe('conflict');
    spec.given([closed(), reopened]).when(reopen()).thenThrows('COMMISSION.PERIOD_NOT_CLOSED');
  });

  it('needs a reason', () => {
    spec.given([closed()]).when(reopen('  ')).thenThrows('FIELD.REQUIRED');
  });

  it('is for finance and admin only', () => {
    spec.given([closed()]).when(reopen('r', mia)).thenThrows('COMMISSION.FORBIDDEN');
    spec.given([closed()]).when(reopen('r', ben)).thenThrows('COMMISSION.FORBIDDEN');
  });
});
