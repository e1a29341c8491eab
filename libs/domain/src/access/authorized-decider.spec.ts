import { createDealDecider } from '../deal/deal.decider';
import { ana, command, dealOpened, evidence, stored } from '../testing/deal-fixtures';
import { deciderSpec } from '../testing/decider-spec';
import { PermissionDeniedError } from './access.errors';
import { authorizedDealDecider } from './authorized-deciders';
import { NO_RELATIONS } from './relations';

const decider = authorizedDealDecider(NO_RELATIONS, 'deal-acme');
const { given } = deciderSpec(decider);
const opened = [stored(dealOpened()), stored({ type: 'TeamMemberAdded', data: { userId: 'sue', role: 'support-rep' } })];

describe('the deal decider behind the access check', () => {
  it('runs decide when the table allows', () => {
    given(opened).when(command('RecordBuyerResponded', { evidence: evidence('email', '<r@x>') }, { actor: ana }))
      .then([{ type: 'BuyerResponded', data: { evidence: evidence('email', '<r@x>') } }]);
  });

  it('denies before any rule runs, naming the permission', () => {
    const error = given(opened).when(command('ChangeAmount', { expectedAmountMinor: 1, reason: 'x' }, { actor: { id: 'ben', roles: ['rep'] } }))
      .thenThrows('AUTH.PERMISSION_DENIED');
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.details).toMatchObject({ permission: 'deal:ChangeAmount', reason: 'not-on-deal', resource: 'deal/deal-acme' });
  });

  it('denies a support rep the commercial terms the decider itself refuses', () => {
    const sue = { id: 'sue', roles: ['rep'] };
    given(opened).when(command('ChangeAmount', { expectedAmountMinor: 1, reason: 'x' }, { actor: sue })).thenThrows('AUTH.PERMISSION_DENIED');
    const bare = deciderSpec(createDealDecider()).given(opened);
    bare.when(command('ChangeAmount', { expectedAmountMinor: 1, reason: 'x' }, { actor: sue })).thenThrows('DEAL.COMMERCIAL_TERMS_FORBIDDEN');
  });
});
