import { deciderSpec } from '../../testing/decider-spec';
import { command, dealOpened, evidence, FACTS_FOR, historyAt, stored } from '../../testing/deal-fixtures';
import { createDealDecider } from '../deal.decider';

const { given } = deciderSpec(createDealDecider());
const facts = (stageId: string) => FACTS_FOR[stageId].map((event) => stored(event));

describe('AdvanceStage', () => {
  it('moves to the next stage, carrying the evidence that satisfied each criterion', () => {
    given([stored(dealOpened()), ...facts('engaged')]).when(command('AdvanceStage', {})).then([{
      type: 'StageAdvanced',
      data: {
        fromStageId: 'engaged', toStageId: 'qualified',
        satisfiedBy: [
          { criterionId: 'buyer-responded', evidence: [evidence('email', '<reply-1@acme.example>')] },
          { criterionId: 'first-meeting-booked', evidence: [evidence('calendar', 'cal-1')] },
        ],
      },
    }]);
  });

  it('accepts the next stage named explicitly', () => {
    given([...historyAt('qualified'), ...facts('qualified')]).when(command('AdvanceStage', { toStageId: 'product-evaluated' }))
      .then([expect.objectContaining({ type: 'StageAdvanced', data: expect.objectContaining({ toStageId: 'product-evaluated' }) })]);
  });

  it('refuses to skip a stage, naming the allowed next stage', () => {
    const error = given([stored(dealOpened()), ...facts('engaged')]).when(command('AdvanceStage', { toStageId: 'product-evaluated' }))
      .thenThrows('DEAL.INVALID_TRANSITION');
    expect(error.kind).toBe('conflict');
    expect(error.details).toStrictEqual({ fromStageId: 'engaged', toStageId: 'product-evaluated', allowedNextStageId: 'qualified' });
  });

  it('refuses to go backwards', () => {
    given([...historyAt('qualified'), ...facts('qualified')]).when(command('AdvanceStage', { toStageId: 'engaged' }))
      .thenThrows('DEAL.INVALID_TRANSITION');
  });

  it('lists exactly the missing criteria', () => {
    const error = given([stored(dealOpened()), facts('engaged')[0]]).when(command('AdvanceStage', {}))
      .thenThrows('DEAL.EXIT_CRITERIA_UNMET');
    expect(error.kind).toBe('conflict');
    expect(error.details).toStrictEqual({ stageId: 'engaged', missing: [{ id: 'first-meeting-booked', label: 'First meeting booked' }] });
    expect(error.message).toBe("Stage 'engaged' cannot be left: missing exit criteria first-meeting-booked (First meeting booked).");
  });

  it('lists every missing criterion when nothing is recorded', () => {
    const error = given(historyAt('qualified')).when(command('AdvanceStage', {})).thenThrows('DEAL.EXIT_CRITERIA_UNMET');
    expect((error.details.missing as { id: string }[]).map((criterion) => criterion.id))
      .toStrictEqual(['decision-maker-confirmed', 'budget-noted', 'decision-timeframe-noted']);
  });

  it('never advances into closed won: the last open stage must close instead', () => {
    const error = given([...historyAt('terms-agreed'), ...facts('terms-agreed')]).when(command('AdvanceStage', {}))
      .thenThrows('DEAL.INVALID_TRANSITION');
    expect(error.details).toStrictEqual({ fromStageId: 'terms-agreed', use: ['CloseWon', 'CloseLost'] });
  });

  it('is refused on a closed deal', () => {
    given([stored(dealOpened()), ...facts('engaged'), stored({ type: 'DealClosedLost', data: { fromStageId: 'engaged', reason: 'x' } })])
      .when(command('AdvanceStage', {})).thenThrows('DEAL.CLOSED');
  });
});
