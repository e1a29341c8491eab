import { deciderSpec } from '../../testing/decider-spec';
import { command, dealOpened, NOW, stored } from '../../testing/deal-fixtures';
import { DealCommandOf } from '../deal.commands';
import { createDealDecider } from '../deal.decider';

const { given } = deciderSpec(createDealDecider());
const open = (overrides: Partial<DealCommandOf<'OpenDeal'>['data']> = {}) => command('OpenDeal', {
  dealId: 'deal-acme', name: 'Acme platform', account: { name: 'Acme', industry: 'manufacturing' }, ownerId: 'ana',
  currency: 'EUR', expectedAmountMinor: 10_000_000,
  lineItems: [{ productCode: 'CORE', amountMinor: 6_000_000, quantity: 1 }, { productCode: 'X', amountMinor: 4_000_000, quantity: 1 }],
  ...overrides,
});

describe('OpenDeal', () => {
  it('opens the deal in the first stage of the default pipeline', () => {
    given([]).when(open()).then([dealOpened()]);
  });

  it('adds the initial team after the deal is opened', () => {
    given([]).when(open({ team: [{ userId: 'ana', role: 'account-executive' }, { userId: 'sam', role: 'sales-engineer' }] })).then([
      dealOpened(),
      { type: 'TeamMemberAdded', data: { userId: 'ana', role: 'account-executive' } },
      { type: 'TeamMemberAdded', data: { userId: 'sam', role: 'sales-engineer' } },
    ]);
  });

  it('accepts no line items, and a named pipeline version', () => {
    const { lineItems: _ignored, ...withoutItems } = open().data;
    given([]).when(command('OpenDeal', { ...withoutItems, pipeline: { id: 'default', version: 1 } })).then([{
      type: 'DealOpened',
      data: { ...dealOpened().data, lineItems: [] } as never,
    }]);
  });

  it('refuses to open a deal twice', () => {
    given([stored(dealOpened())]).when(open()).thenThrows('DEAL.ALREADY_EXISTS');
  });

  it('refuses an unknown pipeline', () => {
    const error = given([]).when(open({ pipeline: { id: 'enterprise', version: 3 } })).thenThrows('PIPELINE.UNKNOWN');
    expect(error.kind).toBe('invalid');
  });

  it('refuses line items that do not add up, naming both numbers', () => {
    const error = given([]).when(open({ expectedAmountMinor: 9_999_999 })).thenThrows('DEAL.LINE_ITEMS_MISMATCH');
    expect(error.kind).toBe('invalid');
    expect(error.details).toStrictEqual({ lineItemsTotalMinor: 10_000_000, expectedAmountMinor: 9_999_999 });
  });

  it.each([-1, 1.5, Number.NaN])('refuses the amount %p', (amount) => {
    given([]).when(open({ expectedAmountMinor: amount, lineItems: [] })).thenThrows('DEAL.INVALID_AMOUNT');
  });

  it('refuses a negative line item', () => {
    given([]).when(open({ expectedAmountMinor: 0, lineItems: [{ productCode: 'X', amountMinor: -5, quantity: 1 }] }))
      .thenThrows('DEAL.INVALID_LINE_ITEM');
  });

  it.each(['eur', 'EURO', 'E1R', ''])('refuses the currency %p', (currency) => {
    given([]).when(open({ currency })).thenThrows('DEAL.INVALID_CURRENCY');
  });

  it('refuses a blank name', () => {
    expect(given([]).when(open({ name: '  ' })).thenThrows('FIELD.REQUIRED').details).toStrictEqual({ field: 'name' });
  });

  it('refuses the same team member twice and unknown roles', () => {
    const ana = { userId: 'ana', role: 'account-executive' as const };
    given([]).when(open({ team: [ana, ana] })).thenThrows('TEAM.MEMBER_EXISTS');
    given([]).when(open({ team: [{ userId: 'ana', role: 'closer' as never }] })).thenThrows('TEAM.ROLE_UNKNOWN');
  });

  it('refuses an opening dated in the future', () => {
    given([]).when(command('OpenDeal', open().data, { occurredAt: '2026-03-21T12:00:00Z', now: NOW }))
      .thenThrows('TIME.OCCURRED_IN_FUTURE');
  });
});

describe('every other command on a deal that does not exist', () => {
  it.each([
    command('RecordBuyerResponded', { evidence: { kind: 'email', ref: 'r' } }),
    command('AdvanceStage', {}),
    command('AddTeamMember', { userId: 'ana', role: 'account-executive' }),
    command('GoLive', { evidence: { kind: 'crm', ref: 'go' } }),
  ])('$type → DEAL.NOT_FOUND', (cmd) => {
    expect(given([]).when(cmd).thenThrows('DEAL.NOT_FOUND').kind).toBe('not_found');
  });
});
