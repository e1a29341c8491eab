import { deciderSpec } from '../../testing/decider-spec';
import { ana, command, dealOpened, FACTS_FOR, historyAt, mia, stored } from '../../testing/deal-fixtures';
import { createDealDecider } from '../deal.decider';

const { given } = deciderSpec(createDealDecider());
const facts = (stageId: string) => FACTS_FOR[stageId].map((event) => stored(event));
const override = (toStageId: string, reason = 'Buyer confirmed by phone; email to follow', actor = mia) =>
  command('OverrideStage', { toStageId, reason }, { actor });
const atEvaluation = [...historyAt('product-evaluated'), ...facts('product-evaluated').slice(0, 2)];

describe('OverrideStage', () => {
  it('lets a manager move past unmet criteria, naming them, the reason and the manager', () => {
    given(atEvaluation).when(override('proposal-reviewed')).then([{
      type: 'StageOverridden',
      data: {
        fromStageId: 'product-evaluated', toStageId: 'proposal-reviewed', missingCriteria: ['recap-confirmed'],
        reason: 'Buyer confirmed by phone; email to follow', managerId: 'mia',
      },
    }]);
  });

  it('names the unmet criteria of every stage it skips', () => {
    given([stored(dealOpened())]).when(override('product-evaluated')).then([{
      type: 'StageOverridden',
      data: {
        fromStageId: 'engaged', toStageId: 'product-evaluated',
        missingCriteria: ['buyer-responded', 'first-meeting-booked', 'decision-maker-confirmed', 'budget-noted', 'decision-timeframe-noted'],
        reason: 'Buyer confirmed by phone; email to follow', managerId: 'mia',
      },
    }]);
  });

  it('may move a deal back, with nothing missing', () => {
    given(atEvaluation).when(override('engaged', 'Champion left the company')).then([{
      type: 'StageOverridden',
      data: { fromStageId: 'product-evaluated', toStageId: 'engaged', missingCriteria: [], reason: 'Champion left the company', managerId: 'mia' },
    }]);
  });

  it('is forbidden to anyone but a manager', () => {
    const error = given(atEvaluation).when(override('proposal-reviewed', 'trust me', ana)).thenThrows('DEAL.OVERRIDE_FORBIDDEN');
    expect(error.kind).toBe('forbidden');
  });

  it.each(['', '   ', '\n\t'])('needs a reason (%p)', (reason) => {
    expect(given(atEvaluation).when(override('proposal-reviewed', reason)).thenThrows('DEAL.OVERRIDE_REASON_REQUIRED').kind).toBe('invalid');
  });

  it.each(['product-evaluated', 'closed-won', 'closed-lost', 'live', 'nowhere'])('refuses %s as a target', (target) => {
    const error = given(atEvaluation).when(override(target)).thenThrows('DEAL.INVALID_TRANSITION');
    expect(error.details.allowedStageIds).toStrictEqual(['engaged', 'qualified', 'proposal-reviewed', 'terms-agreed']);
  });

  it('is not needed when every criterion is met: advance instead', () => {
    const error = given([...historyAt('product-evaluated'), ...facts('product-evaluated')]).when(override('proposal-reviewed'))
      .thenThrows('DEAL.OVERRIDE_NOT_NEEDED');
    expect(error.kind).toBe('conflict');
    expect(error.details).toStrictEqual({ fromStageId: 'product-evaluated', toStageId: 'proposal-reviewed', use: 'AdvanceStage' });
  });

  it('is refused on a closed deal', () => {
    given([stored(dealOpened()), stored({ type: 'DealClosedLost', data: { fromStageId: 'engaged', reason: 'x' } })])
      .when(override('qualified')).thenThrows('DEAL.CLOSED');
  });
});
