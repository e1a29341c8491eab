import { deciderSpec } from '../../testing/decider-spec';
import { command, dealOpened, stored } from '../../testing/deal-fixtures';
import { createDealDecider } from '../deal.decider';

const { given } = deciderSpec(createDealDecider());
const opened = [stored(dealOpened())];

describe('ChangeAmount', () => {
  it('changes the amount with line items that add up, keeping the previous amount', () => {
    const lineItems = [{ productCode: 'CORE', amountMinor: 6_000_000, quantity: 1 }, { productCode: 'X', amountMinor: 6_000_000, quantity: 1 }];
    given(opened).when(command('ChangeAmount', { expectedAmountMinor: 12_000_000, lineItems, reason: 'Added a second site' })).then([{
      type: 'AmountChanged',
      data: { previousAmountMinor: 10_000_000, expectedAmountMinor: 12_000_000, lineItems, reason: 'Added a second site' },
    }]);
  });

  it('refuses a new amount that the current line items no longer add up to', () => {
    expect(given(opened).when(command('ChangeAmount', { expectedAmountMinor: 12_000_000, reason: 'bigger' }))
      .thenThrows('DEAL.LINE_ITEMS_MISMATCH').details).toStrictEqual({ lineItemsTotalMinor: 10_000_000, expectedAmountMinor: 12_000_000 });
  });

  it('needs a reason', () => {
    given(opened).when(command('ChangeAmount', { expectedAmountMinor: 10_000_000, reason: '' })).thenThrows('DEAL.REASON_REQUIRED');
  });

  it('refuses a negative or fractional amount', () => {
    given(opened).when(command('ChangeAmount', { expectedAmountMinor: -1, lineItems: [], reason: 'x' })).thenThrows('DEAL.INVALID_AMOUNT');
    given(opened).when(command('ChangeAmount', { expectedAmountMinor: 0.5, lineItems: [], reason: 'x' })).thenThrows('DEAL.INVALID_AMOUNT');
  });

  it('is refused on a closed deal', () => {
    given([...opened, stored({ type: 'DealClosedLost', data: { fromStageId: 'engaged', reason: 'x' } })])
      .when(command('ChangeAmount', { expectedAmountMinor: 1, lineItems: [], reason: 'x' })).thenThrows('DEAL.CLOSED');
  });

  it('is forbidden to a support rep on the deal team, but not to the same person with another role', () => {
    const sue = { id: 'sue', roles: ['rep'] };
    const support = stored({ type: 'TeamMemberAdded', data: { userId: 'sue', role: 'support-rep' } });
    const change = command('ChangeAmount', { expectedAmountMinor: 0, lineItems: [], reason: 'x' }, { actor: sue });
    given([...opened, support]).when(change).thenThrows('DEAL.COMMERCIAL_TERMS_FORBIDDEN');
    const alsoEngineer = stored({ type: 'TeamMemberAdded', data: { userId: 'sue', role: 'sales-engineer' } });
    given([...opened, support, alsoEngineer]).when(change).then([{
      type: 'AmountChanged', data: { previousAmountMinor: 10_000_000, expectedAmountMinor: 0, lineItems: [], reason: 'x' },
    }]);
  });
});
