import { ORGANISATION_ROLES } from '../deal/deal-access';
import { DealTeamRole } from '../deal/deal-team';
import { DealCommandType } from '../deal/deal.commands';
import { DealState, initialDealState } from '../deal/deal.state';
import { authorizeDealCommand } from './deal-command-access';
import { EXPECTED_DEAL_PERMISSIONS, expectedAllowed, Situation, SITUATIONS } from './testing/expected-deal-permissions';

function dealWith(userId: string, situation: Situation): DealState {
  const team: { userId: string; role: DealTeamRole }[] = [{ userId: 'owner.rep', role: 'account-executive' }];
  if (situation === 'on the team') team.push({ userId, role: 'sales-engineer' });
  if (situation === 'support rep on the team') team.push({ userId, role: 'support-rep' });
  return { ...initialDealState(), exists: true, dealId: 'd1', ownerId: 'owner.rep', team, status: 'open' };
}

const cases = (Object.keys(EXPECTED_DEAL_PERMISSIONS) as DealCommandType[]).flatMap((type) =>
  ORGANISATION_ROLES.flatMap((role) => SITUATIONS.map((situation) => [type, role, situation] as const)));

describe('authorizeDealCommand: every command × organisation role × team situation', () => {
  it('covers every deal command type', () => {
    expect(cases).toHaveLength(26 * 7 * 3);
  });

  it.each(cases)('%s by %s %s', (type, role, situation) => {
    const actor = { id: `${role}.user`, roles: [role] };
    const state = type === 'OpenDeal' ? initialDealState() : dealWith(actor.id, situation);
    const decision = authorizeDealCommand(type, actor, state, 'd1');
    expect(decision.allowed).toBe(type === 'OpenDeal' ? expectedAllowed(type, role, 'on the team') : expectedAllowed(type, role, situation));
  });
});

describe('authorizeDealCommand details', () => {
  const open = dealWith('ana', 'not on the team');

  it('names the missing permission and the roles that would allow it', () => {
    const decision = authorizeDealCommand('ChangeAmount', { id: 'fay', roles: ['finance'] }, open);
    expect(decision).toEqual(expect.objectContaining({
      allowed: false, permission: 'deal:ChangeAmount', resource: 'deal/d1', reason: 'role', allowedRoles: ['rep', 'manager', 'admin'],
    }));
  });

  it('tells a rep off the team that the command needs the deal to be theirs', () => {
    expect(authorizeDealCommand('RecordBuyerResponded', { id: 'ana', roles: ['rep'] }, open)).toEqual(
      expect.objectContaining({ allowed: false, reason: 'not-on-deal' }));
  });

  it('counts the owner as working the deal even when not on the team', () => {
    expect(authorizeDealCommand('ChangeAmount', { id: 'owner.rep', roles: ['rep'] }, { ...open, team: [] }).allowed).toBe(true);
  });

  it('denies a support rep commercial terms whatever their organisation role', () => {
    const support = dealWith('mia', 'support rep on the team');
    expect(authorizeDealCommand('ChangeAmount', { id: 'mia', roles: ['manager'] }, support)).toEqual(
      expect.objectContaining({ allowed: false, reason: 'support-rep' }));
    expect(authorizeDealCommand('RecordBuyerResponded', { id: 'mia', roles: ['manager'] }, support).allowed).toBe(true);
  });

  it('lets any held role grant: a rep who is also an integration records facts on any deal', () => {
    expect(authorizeDealCommand('RecordBuyerResponded', { id: 'sync', roles: ['rep', 'integration'] }, open).allowed).toBe(true);
  });

  it('leaves a deal that does not exist to decide (404), checking only the role', () => {
    expect(authorizeDealCommand('RecordBuyerResponded', { id: 'ana', roles: ['rep'] }, initialDealState(), 'nope').allowed).toBe(true);
    expect(authorizeDealCommand('RecordBuyerResponded', { id: 'fay', roles: ['finance'] }, initialDealState(), 'nope')).toEqual(
      expect.objectContaining({ allowed: false, resource: 'deal/nope' }));
  });

  it('grants nothing for unknown role strings', () => {
    expect(authorizeDealCommand('OpenDeal', { id: 'x', roles: ['wizard'] }, initialDealState(), 'n').allowed).toBe(false);
  });
});
