import { DealAccessFacts, authorizeDealRead, readsEveryDeal } from './deal-read-access';
import { authorizePersonRead } from './person-read-access';
import { scopeReportQuery } from './report-access';

const deal = (over: Partial<DealAccessFacts> = {}): DealAccessFacts => ({
  dealId: 'd1', ownerId: 'ana', team: [{ userId: 'ana', role: 'account-executive' }, { userId: 'sam', role: 'sales-engineer' }],
  status: 'open', ...over,
});
const managers: Record<string, string> = { ana: 'maria', sam: 'maria', ben: 'maria', zoe: 'max' };
const managerOf = (id: string) => managers[id];
const as = (id: string, ...roles: string[]) => ({ id, roles });

describe('who may read a deal', () => {
  it.each([
    ['rep who owns it', as('ana', 'rep'), deal(), true],
    ['rep on the team', as('sam', 'rep'), deal(), true],
    ['rep elsewhere', as('ben', 'rep'), deal(), false],
    ['manager of the owner', as('maria', 'manager'), deal(), true],
    ['manager of a team member only', as('maria', 'manager'), deal({ ownerId: 'zoe', team: [{ userId: 'sam', role: 'support-rep' }] }), true],
    ['manager of nobody on it', as('max', 'manager'), deal(), false],
    ['manager who owns it', as('max', 'manager'), deal({ ownerId: 'max' }), true],
    ['sales-ops', as('olga', 'sales-ops'), deal(), true],
    ['finance', as('fiona', 'finance'), deal(), true],
    ['admin', as('adam', 'admin'), deal(), true],
    ['implementation, open deal', as('ivan', 'implementation'), deal(), false],
    ['implementation, won deal', as('ivan', 'implementation'), deal({ status: 'won' }), true],
    ['integration', as('iris', 'integration'), deal(), false],
    ['nobody', as('x'), deal(), false],
  ] as const)('%s → %s', (_, actor, facts, allowed) => {
    expect(authorizeDealRead(actor, facts, managerOf).allowed).toBe(allowed);
  });

  it('says why, with the deal:read permission', () => {
    expect(authorizeDealRead(as('ben', 'rep'), deal(), managerOf)).toMatchObject({
      allowed: false, permission: 'deal:read', resource: 'deal/d1', reason: 'not-on-deal',
    });
    expect(authorizeDealRead(as('iris', 'integration'), deal(), managerOf)).toMatchObject({ reason: 'role' });
    expect(authorizeDealRead(as('max', 'manager'), deal(), managerOf)).toMatchObject({ reason: 'not-report' });
  });

  it('knows which roles need no facts about the deal', () => {
    expect(readsEveryDeal(as('olga', 'sales-ops'))).toBe(true);
    expect(readsEveryDeal(as('ana', 'rep'))).toBe(false);
  });
});

describe('who may read a person', () => {
  it.each([
    ['themselves', as('ana', 'rep'), 'ana', undefined, true],
    ['another rep', as('ben', 'rep'), 'ana', 'maria', false],
    ['their manager', as('maria', 'manager'), 'ana', 'maria', true],
    ['another manager', as('max', 'manager'), 'ana', 'maria', false],
    ['the manager role without the relation', as('maria', 'rep'), 'ana', 'maria', false],
    ['sales-ops', as('olga', 'sales-ops'), 'ana', 'maria', true],
    ['finance', as('fiona', 'finance'), 'ana', 'maria', true],
    ['admin', as('adam', 'admin'), 'ana', 'maria', true],
    ['integration', as('iris', 'integration'), 'ana', 'maria', false],
  ] as const)('%s → %s', (_, actor, personId, managerId, allowed) => {
    expect(authorizePersonRead(actor, personId, managerId).allowed).toBe(allowed);
  });
});

describe('report scoping', () => {
  it('narrows a rep to themselves on the first filter the report supports', () => {
    expect(scopeReportQuery(as('ana', 'rep'), 'pipeline', {}, ['teamMemberId', 'ownerId'])).toEqual({ allowed: true, narrowTo: { teamMemberId: 'ana' } });
    expect(scopeReportQuery(as('ana', 'rep'), 'pipeline', { ownerId: 'ana' }, ['teamMemberId', 'ownerId'])).toEqual({ allowed: true, narrowTo: {} });
  });

  it('refuses a rep someone else, and reports that cannot be narrowed', () => {
    expect(scopeReportQuery(as('ana', 'rep'), 'pipeline', { ownerId: 'ben' }, ['ownerId'])).toMatchObject({ allowed: false, reason: 'other-rep' });
    expect(scopeReportQuery(as('ana', 'rep'), 'post-close', {}, [])).toMatchObject({ allowed: false, reason: 'org-wide', permission: 'report:post-close' });
  });

  it('leaves readers of everything alone and refuses roles without reports', () => {
    expect(scopeReportQuery(as('maria', 'manager'), 'pipeline', { ownerId: 'ben' }, ['ownerId'])).toEqual({ allowed: true, narrowTo: {} });
    expect(scopeReportQuery(as('ivan', 'implementation'), 'post-close', {}, [])).toEqual({ allowed: true, narrowTo: {} });
    expect(scopeReportQuery(as('ivan', 'implementation'), 'pipeline', {}, ['ownerId'])).toMatchObject({ allowed: false, reason: 'role' });
    expect(scopeReportQuery(as('iris', 'integration'), 'pipeline', {}, ['ownerId'])).toMatchObject({ allowed: false, reason: 'role' });
  });
});
