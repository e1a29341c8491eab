import { ApiError } from './api';
import { refusalText } from './refusals';

describe('refusals in words', () => {
  it.each([
    [403, 'DEAL.OWN_PROPOSAL', {}, 'You proposed this change, so someone else must approve it.'],
    [403, 'DEAL.APPROVER_CREDITED', {}, 'You are credited on this deal or by this change, so you cannot approve it: nobody approves in their own favour.'],
    [403, 'DEAL.MANAGER_APPROVAL_REQUIRED', {}, 'This change is dated back beyond the limit: only a manager may approve it.'],
    [403, 'DEAL.NOT_PROPOSER', { proposedBy: 'ana.ae' }, 'Only ana.ae, who proposed this change, may withdraw it.'],
    [409, 'DEAL.EXIT_CRITERIA_UNMET', { stageId: 'qualified', missing: [{ id: 'budget-noted', label: 'Budget noted' }, { id: 'decision-timeframe-noted', label: 'Decision timeframe noted' }] },
      'Not yet: missing Budget noted, Decision timeframe noted. Record them on the deal page first.'],
    [403, 'DEAL.OVERRIDE_FORBIDDEN', {}, 'Only a manager may move a deal past unmet exit criteria.'],
    [403, 'DISPUTE.OWN_FAVOUR', {}, 'An adjustment would pay you: another finance user must decide it.'],
    [400, 'DISPUTE.ADJUSTMENT_RECIPIENT', { index: 1, userId: 'fiona.finance', allowed: ['ben.ae', 'ana.ae'] },
      'Adjustment 2: fiona.finance is neither the disputant nor credited on the disputed deal; adjustments may go to ben.ae, ana.ae.'],
    [400, 'DISPUTE.ADJUSTMENT_INVALID', { index: 0, field: 'adjustments[0].amount', problem: 'must not be zero (a negative amount recovers)' },
      'Adjustment 1: Amount must not be zero (a negative amount recovers).'],
    [400, 'MONEY.INVALID', { field: 'adjustments[1].amount', value: '1.234', currency: 'EUR', minorUnit: 2 }, 'Adjustment 2: Amount "1.234" has more decimals than EUR has (2).'],
    [409, 'COMMISSION.PERIOD_CLOSED', { period: '2026-Q1', field: 'adjustments[0].period' }, '2026-Q1 is closed: put the adjustment in an open period, or reopen 2026-Q1 first.'],
    [409, 'COMMISSION.PERIOD_NOT_ENDED', { endsAt: '2027-01-01T00:00:00.000Z' }, 'The quarter has not ended yet (it ends 2027-01-01 00:00 UTC); close it after its end.'],
  ])('%d %s', (status, code, details, text) => {
    expect(refusalText(new ApiError(status as number, code as string, 'the API says', details))).toBe(text);
  });

  it('keeps the API\'s own message for any other code, and a network error\'s', () => {
    expect(refusalText(new ApiError(400, 'DEAL.SPLIT_TOTAL_INVALID', 'Revenue shares total 9000 bp; they must total 10000.'))).toBe('Revenue shares total 9000 bp; they must total 10000.');
    expect(refusalText(new TypeError('Failed to fetch'))).toBe('Failed to fetch');
  });
});
