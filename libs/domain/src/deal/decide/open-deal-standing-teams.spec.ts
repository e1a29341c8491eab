import { StandingTeams, standingMembers } from '../../team/team-at-open';
import { deciderSpec } from '../../testing/decider-spec';
import { command, dealOpened } from '../../testing/deal-fixtures';
import { DealCommandOf } from '../deal.commands';
import { createDealDecider } from '../deal.decider';

const open = (team?: DealCommandOf<'OpenDeal'>['data']['team']) => command('OpenDeal', {
  dealId: 'deal-acme', name: 'Acme platform', account: { name: 'Acme', industry: 'manufacturing' }, ownerId: 'ana',
  currency: 'EUR', expectedAmountMinor: 10_000_000,
  lineItems: [{ productCode: 'CORE', amountMinor: 6_000_000, quantity: 1 }, { productCode: 'X', amountMinor: 4_000_000, quantity: 1 }],
  ...(team ? { team } : {}),
});

const fromDefault = { kind: 'default-team', ownerId: 'ana' } as const;
const fromAccount = { kind: 'account-team', account: 'Acme' } as const;

const automatic: StandingTeams = {
  defaultTeam: {
    ownerId: 'ana', mode: 'add-automatically',
    members: [{ userId: 'sam', role: 'sales-engineer', access: 'full' }, { userId: 'sue', role: 'support-rep', access: 'record-facts' }],
  },
  accountTeam: {
    account: 'Acme', mode: 'add-automatically',
    members: [{ userId: 'sam', role: 'sales-engineer', access: 'read' }, { userId: 'eve', role: 'executive-sponsor', access: 'read' }],
  },
};

const given = (standing: StandingTeams) => deciderSpec(createDealDecider(undefined, undefined, standing)).given([]);

describe('OpenDeal with standing teams', () => {
  it('adds the default team\'s and the account team\'s members in the same append, each naming its team', () => {
    given(automatic).when(open([{ userId: 'ana', role: 'account-executive' }])).then([
      dealOpened(),
      { type: 'TeamMemberAdded', data: { userId: 'ana', role: 'account-executive' } },
      { type: 'TeamMemberAdded', data: { userId: 'sam', role: 'sales-engineer', source: fromDefault } },
      { type: 'TeamMemberAdded', data: { userId: 'sue', role: 'support-rep', access: 'record-facts', source: fromDefault } },
      { type: 'TeamMemberAdded', data: { userId: 'eve', role: 'executive-sponsor', access: 'read', source: fromAccount } },
    ]);
  });

  it('keeps what the command names over what a standing team brings', () => {
    const state = given(automatic).when(open([{ userId: 'sam', role: 'sales-engineer', access: 'read' }])).then([
      dealOpened(),
      { type: 'TeamMemberAdded', data: { userId: 'sam', role: 'sales-engineer', access: 'read' } },
      { type: 'TeamMemberAdded', data: { userId: 'sue', role: 'support-rep', access: 'record-facts', source: fromDefault } },
      { type: 'TeamMemberAdded', data: { userId: 'eve', role: 'executive-sponsor', access: 'read', source: fromAccount } },
    ]);
    expect(state.team.map((m) => [m.userId, m.access ?? 'full'])).toStrictEqual([['sam', 'read'], ['sue', 'record-facts'], ['eve', 'read']]);
  });

  it('adds nobody from a team the rep chose to be offered', () => {
    given({ ...automatic, defaultTeam: { ...automatic.defaultTeam!, mode: 'offer' } }).when(open()).then([
      dealOpened(),
      { type: 'TeamMemberAdded', data: { userId: 'sam', role: 'sales-engineer', access: 'read', source: fromAccount } },
      { type: 'TeamMemberAdded', data: { userId: 'eve', role: 'executive-sponsor', access: 'read', source: fromAccount } },
    ]);
  });

  it('leaves out members deactivated since the team was set', () => {
    given({ ...automatic, accountTeam: undefined, memberIneligibility: (userId) => (userId === 'sue' ? 'deactivated' : undefined) }).when(open()).then([
      dealOpened(),
      { type: 'TeamMemberAdded', data: { userId: 'sam', role: 'sales-engineer', source: fromDefault } },
    ]);
  });

  it('opens as before without standing teams', () => {
    given({}).when(open()).then([dealOpened()]);
  });
});

describe('standingMembers', () => {
  it('offers the members of teams in offer mode who are not on the deal yet, once each', () => {
    const offering: StandingTeams = {
      defaultTeam: { ...automatic.defaultTeam!, mode: 'offer' },
      accountTeam: { ...automatic.accountTeam!, mode: 'offer' },
    };
    const { add, offer } = standingMembers(offering, [{ userId: 'sue', role: 'support-rep' }]);
    expect(add).toStrictEqual([]);
    expect(offer).toStrictEqual([
      { userId: 'sam', role: 'sales-engineer', access: 'full', source: fromDefault },
      { userId: 'eve', role: 'executive-sponsor', access: 'read', source: fromAccount },
    ]);
  });
});
