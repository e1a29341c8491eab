import { deciderSpec } from '../../testing/decider-spec';
import { command, evidence, FACTS_FOR, historyAt, stored } from '../../testing/deal-fixtures';
import { createDealDecider } from '../deal.decider';
import { DealEvent } from '../deal.events';

const { given } = deciderSpec(createDealDecider());
const signedOrder = evidence('signature', 'envelope-42');
const won = [
  ...historyAt('terms-agreed'), ...FACTS_FOR['terms-agreed'].map((event) => stored(event)),
  stored({ type: 'DealClosedWon', data: { fromStageId: 'terms-agreed', amountMinor: 10_000_000, lineItems: [], signedOrder } }),
];
const handed: DealEvent = { type: 'DealHandedToImplementation', data: { implementationLeadId: 'ivan', customerSuccessManagerId: 'cara' } };
const hand = command('HandToImplementation', { implementationLeadId: 'ivan', customerSuccessManagerId: 'cara' });
const started: DealEvent = { type: 'ImplementationStarted', data: {} };
const kickoff = evidence('meeting', 'kickoff-1');

describe('HandToImplementation', () => {
  it('hands a won deal over and adds the implementation lead and customer success manager to the team', () => {
    given(won).when(hand).then([
      handed,
      { type: 'TeamMemberAdded', data: { userId: 'ivan', role: 'implementation-lead' } },
      { type: 'TeamMemberAdded', data: { userId: 'cara', role: 'customer-success-manager' } },
    ]);
  });

  it('does not add people already on the team in that role', () => {
    given([...won, stored({ type: 'TeamMemberAdded', data: { userId: 'cara', role: 'customer-success-manager' } })]).when(hand).then([
      handed,
      { type: 'TeamMemberAdded', data: { userId: 'ivan', role: 'implementation-lead' } },
    ]);
  });

  it('needs both people', () => {
    given(won).when(command('HandToImplementation', { implementationLeadId: 'ivan', customerSuccessManagerId: ' ' })).thenThrows('FIELD.REQUIRED');
  });

  it('needs a won deal first', () => {
    const error = given(historyAt('terms-agreed')).when(hand).thenThrows('DEAL.INVALID_TRANSITION');
    expect(error.details).toStrictEqual({ command: 'HandToImplementation', status: 'open', required: 'DealClosedWon' });
  });

  it('refuses a reversed win, and a second hand-off', () => {
    given([...won, stored({ type: 'WonDealReversed', data: { reason: 'cancelled' } })]).when(hand).thenThrows('DEAL.INVALID_TRANSITION');
    given([...won, stored(handed)]).when(hand).thenThrows('DEAL.INVALID_TRANSITION');
  });
});

describe('StartImplementation and GoLive', () => {
  it('starts implementation only after the hand-off', () => {
    given([...won, stored(handed)]).when(command('StartImplementation', { evidence: kickoff }))
      .then([{ type: 'ImplementationStarted', data: { evidence: kickoff } }]);
    expect(given(won).when(command('StartImplementation', {})).thenThrows('DEAL.INVALID_TRANSITION').details)
      .toStrictEqual({ command: 'StartImplementation', required: 'DealHandedToImplementation' });
  });

  it('goes live only after implementation started, with evidence', () => {
    const live = evidence('crm', 'go-live-ticket-7');
    given([...won, stored(handed), stored(started)]).when(command('GoLive', { evidence: live }))
      .then([{ type: 'DealWentLive', data: { evidence: live } }]);
    expect(given([...won, stored(handed)]).when(command('GoLive', { evidence: live })).thenThrows('DEAL.INVALID_TRANSITION').details)
      .toStrictEqual({ command: 'GoLive', required: 'ImplementationStarted' });
    given([...won, stored(handed), stored(started)]).when(command('GoLive', { evidence: { kind: 'crm', ref: '' } }))
      .thenThrows('EVIDENCE.MISSING');
  });

  it('does not repeat a step', () => {
    given([...won, stored(handed), stored(started)]).when(command('StartImplementation', {})).thenThrows('DEAL.INVALID_TRANSITION');
    given([...won, stored(handed), stored(started), stored({ type: 'DealWentLive', data: { evidence: kickoff } })])
      .when(command('GoLive', { evidence: kickoff })).thenThrows('DEAL.INVALID_TRANSITION');
  });
});
