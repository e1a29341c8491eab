import { fold } from '../shared/decider';
import { dealOpened, evidence, historyAt, stored } from '../testing/deal-fixtures';
import { createDealDecider } from './deal.decider';
import { DealEvent } from './deal.events';
import { initialDealState } from './deal.state';

const decider = createDealDecider();

describe('evolve', () => {
  it('starts from a deal that does not exist', () => {
    expect(decider.initialState()).toStrictEqual(initialDealState());
    expect(decider.initialState().exists).toBe(false);
  });

  it('leaves the state unchanged for an unknown event type', () => {
    const state = fold(decider, historyAt('qualified'));
    expect(decider.evolve(state, { type: 'SomethingFromTheFuture', data: { x: 1 } } as unknown as DealEvent)).toBe(state);
  });

  it('leaves the state unchanged for an event without data', () => {
    const state = fold(decider, historyAt('qualified'));
    expect(decider.evolve(state, { type: 'StageAdvanced' } as unknown as DealEvent)).toBe(state);
    expect(decider.evolve(state, { type: 'DealClosedWon', data: null } as unknown as DealEvent)).toBe(state);
  });

  it('reads business time from event metadata', () => {
    const state = fold(decider, [
      stored(dealOpened(), '2026-03-01T09:00:00Z'),
      stored({ type: 'BuyerResponded', data: { evidence: evidence('email', 'r') } }, '2026-03-02T09:00:00Z'),
      stored({ type: 'StageAdvanced', data: { fromStageId: 'engaged', toStageId: 'qualified', satisfiedBy: [] } }, '2026-03-03T09:00:00Z'),
      stored({ type: 'DealClosedLost', data: { fromStageId: 'qualified', reason: 'no budget' } }, '2026-03-04T09:00:00Z'),
    ]);
    expect(state).toMatchObject({
      openedAt: '2026-03-01T09:00:00Z', stageEnteredAt: '2026-03-04T09:00:00Z', closedAt: '2026-03-04T09:00:00Z',
      status: 'lost', stageId: 'closed-lost', lostReason: 'no budget',
    });
    expect(state.facts.BuyerResponded).toStrictEqual({
      data: { evidence: evidence('email', 'r') }, evidence: evidence('email', 'r'), occurredAt: '2026-03-02T09:00:00Z',
    });
  });

  it('keeps the latest recording of a fact', () => {
    const state = fold(decider, [
      stored(dealOpened()),
      stored({ type: 'DemoHeld', data: { attended: true, questionsAnswered: true, evidence: evidence('meeting', 'd1') } }),
      stored({ type: 'DemoHeld', data: { attended: false, questionsAnswered: false, evidence: evidence('meeting', 'd2') } }),
    ]);
    expect(state.facts.DemoHeld?.data.attended).toBe(false);
    expect(state.facts.DemoHeld?.evidence.ref).toBe('d2');
  });

  it('tracks amount changes, team changes and a reversal', () => {
    const state = fold(decider, [
      stored(dealOpened()),
      stored({ type: 'AmountChanged', data: { previousAmountMinor: 10_000_000, expectedAmountMinor: 5, lineItems: [], reason: 'x' } }),
      stored({ type: 'TeamMemberAdded', data: { userId: 'sam', role: 'sales-engineer' } }),
      stored({ type: 'TeamMemberAdded', data: { userId: 'sue', role: 'support-rep' } }),
      stored({ type: 'TeamMemberRemoved', data: { userId: 'sam', role: 'sales-engineer' } }),
      stored({ type: 'WonDealReversed', data: { reason: 'x' } }, '2026-03-05T00:00:00Z'),
    ]);
    expect(state).toMatchObject({
      expectedAmountMinor: 5, lineItems: [], team: [{ userId: 'sue', role: 'support-rep' }], reversed: true, reversedAt: '2026-03-05T00:00:00Z',
    });
  });

  it('folds events that carry no metadata, leaving business times unknown', () => {
    const state = fold(decider, [dealOpened(), { type: 'StageAdvanced', data: { fromStageId: 'engaged', toStageId: 'qualified', satisfiedBy: [] } }]);
    expect(state.stageId).toBe('qualified');
    expect(state.openedAt).toBeUndefined();
    expect(state.stageEnteredAt).toBeUndefined();
  });
});
