import { authorizeDealRead, readsEveryDeal } from './deal-read-access';
import { authorizePersonRead } from './person-read-access';
import { DealAccessFacts } from './reach';
import { relationsOf } from './relations';

const deal = (over: Partial<DealAccessFacts> = {}): DealAccessFacts => ({
  dealId: 'd1', ownerId: 'ana', team: [{ userId: 'ana', role: 'account-executive' }, { userId: 'sam', role: 'sales-engineer' }],
  status: 'open', ...over,
});
const managerOf = relationsOf(new Map([['ana', 'maria'], ['sam', 'maria'], ['ben', 'maria'], ['zoe', 'max'], ['maria', 'vera']]));
const as = (id: string, ...roles: string[]) => ({ id, roles });

describe('who may read a deal', () => {
  it.each([
    ['rep who owns it', as('ana', 'rep'), deal(), true],
    ['rep on the team', as('sam', 'rep'), deal(), true],
    ['rep elsewhere', as('ben', 'rep'), deal(), false],
    ['manager of the owner', as('maria', 'manager'), deal(), true],
    ['manager of a team member only', as('maria', 'manager'), deal({ ownerId: 'zoe', team: [{ userId: 'sam', role: 'support-rep' }] }), true],
    ['manager of nobody on it', as('max', 'manager'), deal(), false],
    ['manager of the owner\'s manager', as('vera', 'manager'), deal(), true],
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
    ['themselves', as('ana', 'rep'), 'ana', true],
    ['another rep', as('ben', 'rep'), 'ana', false],
    ['their manager', as('maria', 'manager'), 'ana', true],
    ['their manager\'s manager', as('vera', 'manager'), 'ana', true],
    ['another manager', as('max', 'manager'), 'ana', false],
    ['the manager role without the relation', as('maria', 'rep'), 'ana', false],
    ['a report, of their manager', as('ana', 'rep', 'manager'), 'maria', false],
    ['sales-ops', as('olga', 'sales-ops'), 'ana', true],
    ['finance', as('fiona', 'finance'), 'ana', true],
    ['admin', as('adam', 'admin'), 'ana', true],
    ['integration', as('iris', 'integration'), 'ana', false],
    ['integration, themselves', as('iris', 'integration'), 'iris', true],
  ] as const)('%s → %s', (_, actor, personId, allowed) => {
    expect(authorizePersonRead(actor, personId, managerOf).allowed).toBe(allowed);
  });
});
