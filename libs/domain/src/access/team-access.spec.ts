import { TeamMember } from '../deal/deal-team';
import { DealCommandType } from '../deal/deal.commands';
import { DealState, initialDealState } from '../deal/deal.state';
import { Actor } from '../shared/message';
import { authorizeDealCommand } from './deal-command-access';
import { authorizeDealRead } from './deal-read-access';
import { relationsOf } from './relations';

const relations = relationsOf(new Map([['ana', 'mia'], ['sam', 'mia']]));
const sam: Actor = { id: 'sam', roles: ['rep'] };
const mia: Actor = { id: 'mia', roles: ['manager'] };

function dealWith(...members: TeamMember[]): DealState {
  return { ...initialDealState(), exists: true, dealId: 'd1', ownerId: 'ana', status: 'open', team: [{ userId: 'ana', role: 'account-executive' }, ...members] };
}
const allowed = (type: DealCommandType, actor: Actor, deal: DealState) => authorizeDealCommand(type, actor, deal, relations).allowed;

describe('what a member may do on a deal, as their team access says', () => {
  it('full: everything the roles allow, as before', () => {
    const deal = dealWith({ userId: 'sam', role: 'sales-engineer' });
    expect(allowed('ChangeAmount', sam, deal)).toBe(true);
    expect(allowed('RecordDemoHeld', sam, deal)).toBe(true);
  });

  it('record-facts: reads the deal and records buyer facts, nothing else', () => {
    const deal = dealWith({ userId: 'sam', role: 'sales-engineer', access: 'record-facts' });
    expect(authorizeDealRead(sam, deal, relations).allowed).toBe(true);
    expect(allowed('RecordDemoHeld', sam, deal)).toBe(true);
    expect(allowed('NoteBudget', sam, deal)).toBe(true);
    const refusal = authorizeDealCommand('AdvanceStage', sam, deal, relations);
    expect(refusal).toMatchObject({ allowed: false, reason: 'team-access', permission: 'deal:AdvanceStage' });
    expect(allowed('ChangeAmount', sam, deal)).toBe(false);
  });

  it('read: reads the deal only', () => {
    const deal = dealWith({ userId: 'sam', role: 'executive-sponsor', access: 'read' });
    expect(authorizeDealRead(sam, deal, relations).allowed).toBe(true);
    expect(allowed('RecordDemoHeld', sam, deal)).toBe(false);
  });

  it('the widest of a person\'s memberships counts', () => {
    const deal = dealWith({ userId: 'sam', role: 'executive-sponsor', access: 'read' }, { userId: 'sam', role: 'sales-engineer' });
    expect(allowed('AdvanceStage', sam, deal)).toBe(true);
  });

  it('limits only what the team gives: a manager of the owner keeps their reach', () => {
    const deal = dealWith({ userId: 'mia', role: 'executive-sponsor', access: 'read' });
    expect(allowed('AdvanceStage', mia, deal)).toBe(true);
  });
});
