import { ana, mia } from '../testing/deal-fixtures';
import { DEAL_COMMAND_ROLES, mayIssue } from './deal-access';

describe('who may issue deal commands', () => {
  it('lets only managers override a stage', () => {
    expect(DEAL_COMMAND_ROLES.OverrideStage).toStrictEqual(['manager']);
    expect(mayIssue('OverrideStage', mia)).toBe(true);
    expect(mayIssue('OverrideStage', ana)).toBe(false);
  });

  it('lets integrations record buyer facts but not move stages', () => {
    const mailSync = { id: 'mail-sync', roles: ['integration'] };
    expect(mayIssue('RecordRecapConfirmed', mailSync)).toBe(true);
    expect(mayIssue('AdvanceStage', mailSync)).toBe(false);
  });

  it('lets implementation run the post-close steps; finance issues no deal command', () => {
    expect(mayIssue('GoLive', { id: 'ivan', roles: ['implementation'] })).toBe(true);
    expect(mayIssue('ReverseWonDeal', { id: 'adam', roles: ['admin'] })).toBe(true);
    expect(mayIssue('ReverseWonDeal', { id: 'fay', roles: ['finance'] })).toBe(false);
    expect(mayIssue('ReverseWonDeal', ana)).toBe(false);
  });
});
