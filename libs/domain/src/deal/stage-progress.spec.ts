import { fold } from '../shared/decider';
import { dealOpened, evidence, historyAt, stored } from '../testing/deal-fixtures';
import { createDealDecider } from './deal.decider';
import { initialDealState } from './deal.state';
import { describeStageProgress } from './stage-progress';

const decider = createDealDecider();
const reply = evidence('email', '<reply@acme.example>');

describe('describeStageProgress', () => {
  it('lists the current stage\'s criteria with what is met and the evidence', () => {
    const state = fold(decider, [stored(dealOpened()), stored({ type: 'BuyerResponded', data: { evidence: reply } })]);
    expect(describeStageProgress(state)).toStrictEqual({
      stageId: 'engaged', stageName: 'Engaged', phase: 'open', probability: 0.1, nextStageId: 'qualified',
      criteria: [
        { id: 'buyer-responded', label: 'Buyer responded to first contact', buyerOutcome: 'The buyer replied to our outreach', met: true, evidence: [reply] },
        { id: 'first-meeting-booked', label: 'First meeting booked', buyerOutcome: 'The buyer accepted a first meeting', met: false, evidence: [] },
      ],
    });
  });

  it('points from the last open stage to closed won', () => {
    expect(describeStageProgress(fold(decider, historyAt('terms-agreed'))).nextStageId).toBe('closed-won');
  });

  it('has no next stage for a lost deal', () => {
    const state = fold(decider, [stored(dealOpened()), stored({ type: 'DealClosedLost', data: { fromStageId: 'engaged', reason: 'x' } })]);
    const progress = describeStageProgress(state);
    expect([progress.stageId, progress.phase, progress.probability, progress.nextStageId]).toStrictEqual(['closed-lost', 'lost', 0, undefined]);
  });

  it('refuses a deal that does not exist', () => {
    expect(() => describeStageProgress(initialDealState())).toThrow(expect.objectContaining({ code: 'DEAL.NOT_FOUND' }));
  });
});
