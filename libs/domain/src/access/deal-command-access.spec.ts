import { ORGANISATION_ROLES } from '../deal/deal-access';
import { DealTeamRole } from '../deal/deal-team';
import { DealCommandType } from '../deal/deal.commands';
import { DealState, initialDealState } from '../deal/deal.state';
import { authorizeDealCommand } from './deal-command-access';
import { relationsOf } from './relations';
import { EXPECTED_DEAL_PERMISSIONS, expectedAllowed, Situation, SITUATIONS } from './testing/expected-deal-permissions';

/** The actor's report is `report.of.<actor>`, whose manager is the actor, one level below a skip level. */
const relations = relationsOf(new Map(ORGANISATION_ROLES.flatMap((role) => [
  [`report.of.${role}.user`, `lead.of.${role}.user`], [`lead.of.${role}.user`, `${role}.user`],
])));

function dealFor(userId: string, situation: Situation): DealState {
  const report = `report.of.${userId}`;
  const owner = situation === 'owner' ? userId : situation === 'a report owns it' ? report : 'owner.rep';
  const team: { userId: string; role: DealTeamRole }[] = [{ userId: owner, role: 'account-executive' }];
  if (situation === 'on the team') team.push({ userId, role: 'sales-engineer' });
  if (situation === 'support rep on the team') team.push({ userId, role: 'support-rep' });
  if (situation === 'a report is on the team') team.push({ userId: report, role: 'sales-engineer' });
  const status = situation === 'won, not on the team' ? 'won' : 'open';
  return { ...initialDealState(), exists: true, dealId: 'd1', ownerId: owner, team, status };
}

const cases = (Object.keys(EXPECTED_DEAL_PERMISSIONS) as DealCommandType[]).flatMap((type) =>
  ORGANISATION_ROLES.flatMap((role) => SITUATIONS.map((situation) => [type, role, situation] as const)));

describe('authorizeDealCommand: every command × organisation role × situation, against the hand-written table', () => {
  it('covers every deal command type', () => {
    expect(cases).toHaveLength(31 * 7 * SITUATIONS.length);
  });

  it.each(cases)('%s by %s (%s)', (type, role, situation) => {
    const actor = { id: `${role}.user`, roles: [role] };
    const state = type === 'OpenDeal' ? initialDealState() : dealFor(actor.id, situation);
    const decision = authorizeDealCommand(type, actor, state, relations, 'd1', type === 'AddTeamMember' ? 'newcomer' : undefined);
    expect(decision.allowed).toBe(type === 'OpenDeal' ? expectedAllowed(type, role, 'owner') : expectedAllowed(type, role, situation));
  });
});

describe('authorizeDealCommand details', () => {
  const none = relationsOf(new Map());
  const open = dealFor('ana', 'not on the team');

  it('names the missing permission and the roles that would allow it', () => {
    expect(authorizeDealCommand('ChangeAmount', { id: 'fay', roles: ['finance'] }, open, none)).toEqual(expect.objectContaining({
      allowed: false, permission: 'deal:ChangeAmount', resource: 'deal/d1', reason: 'role', allowedRoles: ['rep', 'manager', 'admin'],
    }));
  });

  it('tells a rep off the team that the command needs the deal to be theirs, and a manager that it needs a report on it', () => {
    expect(authorizeDealCommand('RecordBuyerResponded', { id: 'ana', roles: ['rep'] }, open, none)).toEqual(
      expect.objectContaining({ allowed: false, reason: 'not-on-deal' }));
    expect(authorizeDealCommand('ReverseWonDeal', { id: 'max', roles: ['manager'] }, open, none)).toEqual(
      expect.objectContaining({ allowed: false, reason: 'not-report' }));
  });

  it('counts the owner as working the deal even when not on the team', () => {
    expect(authorizeDealCommand('ChangeAmount', { id: 'owner.rep', roles: ['rep'] }, { ...open, team: [] }, none).allowed).toBe(true);
  });

  it('denies a support rep commercial terms whatever their organisation role', () => {
    const support = dealFor('mia', 'support rep on the team');
    expect(authorizeDealCommand('ChangeAmount', { id: 'mia', roles: ['manager'] }, support, none)).toEqual(
      expect.objectContaining({ allowed: false, reason: 'support-rep' }));
    expect(authorizeDealCommand('RecordBuyerResponded', { id: 'mia', roles: ['manager'] }, support, none).allowed).toBe(true);
  });

  it('lets nobody put themselves on a deal team, and only the owner side change the team', () => {
    const support = dealFor('sue', 'support rep on the team');
    expect(authorizeDealCommand('AddTeamMember', { id: 'sue', roles: ['rep'] }, support, none, 'd1', 'sue')).toEqual(
      expect.objectContaining({ allowed: false, reason: 'not-owner' }));
    expect(authorizeDealCommand('RemoveTeamMember', { id: 'sue', roles: ['rep'] }, support, none)).toEqual(
      expect.objectContaining({ allowed: false, reason: 'not-owner' }));
    expect(authorizeDealCommand('AddTeamMember', { id: 'adam', roles: ['admin'] }, open, none, 'd1', 'adam')).toEqual(
      expect.objectContaining({ allowed: false, reason: 'self' }));
    expect(authorizeDealCommand('AddTeamMember', { id: 'owner.rep', roles: ['rep'] }, open, none, 'd1', 'owner.rep')).toEqual(
      expect.objectContaining({ allowed: false, reason: 'self' }));
  });

  it('follows the reporting line down the chain, and not up it', () => {
    const chain = relationsOf(new Map([['ana', 'lead'], ['lead', 'vp']]));
    const anas = dealFor('ana', 'owner');
    expect(authorizeDealCommand('ReverseWonDeal', { id: 'vp', roles: ['manager'] }, anas, chain).allowed).toBe(true);
    expect(authorizeDealCommand('ReverseWonDeal', { id: 'lead', roles: ['manager'] }, anas, chain).allowed).toBe(true);
    const leads = dealFor('lead', 'owner');
    expect(authorizeDealCommand('ReverseWonDeal', { id: 'ana', roles: ['manager'] }, leads, chain).allowed).toBe(false);
  });

  it('survives a reporting cycle written into the store', () => {
    const cycle = relationsOf(new Map([['a', 'b'], ['b', 'a']]));
    expect(authorizeDealCommand('ReverseWonDeal', { id: 'c', roles: ['manager'] }, dealFor('a', 'owner'), cycle).allowed).toBe(false);
  });

  it('lets any held role grant: a rep who is also an integration records facts on any deal', () => {
    expect(authorizeDealCommand('RecordBuyerResponded', { id: 'sync', roles: ['rep', 'integration'] }, open, none).allowed).toBe(true);
  });

  it('leaves a deal that does not exist to decide (404), checking only the role', () => {
    expect(authorizeDealCommand('RecordBuyerResponded', { id: 'ana', roles: ['rep'] }, initialDealState(), none, 'nope').allowed).toBe(true);
    expect(authorizeDealCommand('RecordBuyerResponded', { id: 'fay', roles: ['finance'] }, initialDealState(), none, 'nope')).toEqual(
      expect.objectContaining({ allowed: false, resource: 'deal/nope' }));
  });

  it('grants nothing for unknown role strings', () => {
    expect(authorizeDealCommand('OpenDeal', { id: 'x', roles: ['wizard'] }, initialDealState(), none, 'n').allowed).toBe(false);
  });
});
