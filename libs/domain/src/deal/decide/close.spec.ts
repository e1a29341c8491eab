import { deciderSpec } from '../../testing/decider-spec';
import { command, evidence, FACTS_FOR, historyAt, stored } from '../../testing/deal-fixtures';
import { createDealDecider } from '../deal.decider';
import { DealEvent } from '../deal.events';

const { given } = deciderSpec(createDealDecider());
const signedOrder = evidence('signature', 'envelope-42');
const atTerms = [...historyAt('terms-agreed'), ...FACTS_FOR['terms-agreed'].map((event) => stored(event))];
const currentItems = [
  { productCode: 'CORE', amountMinor: 6_000_000, quantity: 1 },
  { productCode: 'X', amountMinor: 4_000_000, quantity: 1 },
];
const wonEvent: DealEvent = { type: 'DealClosedWon', data: { fromStageId: 'terms-agreed', amountMinor: 10_000_000, lineItems: currentItems, signedOrder } };

describe('CloseWon', () => {
  it('closes from terms agreed with a signed order, defaulting to the current amount and line items', () => {
    given(atTerms).when(command('CloseWon', { signedOrder })).then([wonEvent]);
  });

  it('records a final amount with line items that add up', () => {
    const lineItems = [{ productCode: 'CORE', amountMinor: 5_500_000, quantity: 1 }, { productCode: 'X', amountMinor: 4_000_000, quantity: 2 }];
    given(atTerms).when(command('CloseWon', { signedOrder, amountMinor: 9_500_000, lineItems })).then([
      { type: 'DealClosedWon', data: { fromStageId: 'terms-agreed', amountMinor: 9_500_000, lineItems, signedOrder } },
    ]);
  });

  it('refuses a new amount that the current line items do not add up to', () => {
    expect(given(atTerms).when(command('CloseWon', { signedOrder, amountMinor: 9_500_000 })).thenThrows('DEAL.LINE_ITEMS_MISMATCH').details)
      .toStrictEqual({ lineItemsTotalMinor: 10_000_000, expectedAmountMinor: 9_500_000 });
  });

  it('needs the signed order as evidence', () => {
    expect(given(atTerms).when(command('CloseWon', { signedOrder: { kind: 'signature', ref: '' } })).thenThrows('EVIDENCE.MISSING').details)
      .toStrictEqual({ field: 'signedOrder' });
  });

  it('closes only from the last open stage', () => {
    const error = given(historyAt('proposal-reviewed')).when(command('CloseWon', { signedOrder })).thenThrows('DEAL.INVALID_TRANSITION');
    expect(error.details).toStrictEqual({ fromStageId: 'proposal-reviewed', requiredStageId: 'terms-agreed' });
  });

  it('needs the last stage\'s exit criteria met', () => {
    const error = given(historyAt('terms-agreed')).when(command('CloseWon', { signedOrder })).thenThrows('DEAL.EXIT_CRITERIA_UNMET');
    expect(error.details).toStrictEqual({
      stageId: 'terms-agreed', missing: [{ id: 'terms-agreed', label: 'Price, payment terms and delivery timeline agreed' }],
    });
  });

  it('cannot close twice', () => {
    given([...atTerms, stored(wonEvent)]).when(command('CloseWon', { signedOrder })).thenThrows('DEAL.CLOSED');
  });
});

describe('CloseLost', () => {
  it.each(['engaged', 'product-evaluated', 'terms-agreed'])('closes from %s with a reason', (stageId) => {
    given(historyAt(stageId)).when(command('CloseLost', { reason: ' Chose a competitor ', evidence: evidence('email', '<no@acme.example>') }))
      .then([{ type: 'DealClosedLost', data: { fromStageId: stageId, reason: 'Chose a competitor', evidence: evidence('email', '<no@acme.example>') } }]);
  });

  it('needs a reason', () => {
    expect(given(historyAt('engaged')).when(command('CloseLost', { reason: ' ' })).thenThrows('DEAL.REASON_REQUIRED').kind).toBe('invalid');
  });

  it('cannot lose a won deal', () => {
    given([...atTerms, stored(wonEvent)]).when(command('CloseLost', { reason: 'changed mind' })).thenThrows('DEAL.CLOSED');
  });
});

describe('ReverseWonDeal', () => {
  it('reverses a won deal once, with a reason', () => {
    const won = [...atTerms, stored(wonEvent)];
    given(won).when(command('ReverseWonDeal', { reason: 'Order cancelled within the cooling-off period' }))
      .then([{ type: 'WonDealReversed', data: { reason: 'Order cancelled within the cooling-off period' } }]);
    given([...won, stored({ type: 'WonDealReversed', data: { reason: 'x' } })]).when(command('ReverseWonDeal', { reason: 'again' }))
      .thenThrows('DEAL.ALREADY_REVERSED');
  });

  it('needs a won deal and a reason', () => {
    given(historyAt('terms-agreed')).when(command('ReverseWonDeal', { reason: 'x' })).thenThrows('DEAL.INVALID_TRANSITION');
    given([...atTerms, stored(wonEvent)]).when(command('ReverseWonDeal', { reason: '' })).thenThrows('DEAL.REASON_REQUIRED');
  });
});
