import { deciderSpec } from '../../testing/decider-spec';
import { ana, command, evidence, FACTS_FOR, historyAt, mia, NOW, stored } from '../../testing/deal-fixtures';
import { Actor } from '../../shared/message';
import { createDealDecider } from '../deal.decider';
import { DealEvent } from '../deal.events';

const decider = createDealDecider();
const { given } = deciderSpec(decider);
const ops: Actor = { id: 'olga', roles: ['sales-ops'] };
const fin: Actor = { id: 'fay', roles: ['finance'] };
const ben: Actor = { id: 'ben', roles: ['rep'] };
const signedOrder = evidence('signature', 'envelope-42');
const items = [{ productCode: 'CORE', amountMinor: 6_000_000, quantity: 1 }, { productCode: 'X', amountMinor: 4_000_000, quantity: 1 }];
const atTerms = [...historyAt('terms-agreed'), ...FACTS_FOR['terms-agreed'].map((event) => stored(event))];
const won: DealEvent = stored({ type: 'DealClosedWon', data: { fromStageId: 'terms-agreed', amountMinor: 10_000_000, lineItems: items, signedOrder } }, '2026-03-18T10:00:00.000Z');
const anaAlone = { revenue: [{ userId: 'ana', role: 'account-executive' as const, shareBp: 10_000 }], overlay: [] };
const withBen = {
  revenue: [{ userId: 'ana', role: 'account-executive' as const, shareBp: 7000 }, { userId: 'ben', role: 'account-executive' as const, shareBp: 3000 }],
  overlay: [{ userId: 'sam', role: 'sales-engineer' as const, shareBp: 5000 }],
};
const ROLES: Record<string, string[]> = { ana: ['rep'], ben: ['rep'], mia: ['manager'] };
const proposal = (type: string, data: unknown, occurredAt: string, reasons: string[], proposedBy = 'ana', proposalId = `cmd-${type}`): DealEvent => ({
  type: 'DealChangeProposed', data: { proposalId, change: { type, data }, occurredAt, proposedBy, proposerRoles: ROLES[proposedBy], reasons },
} as DealEvent);
const review = (actor: Actor, decision: 'approve' | 'reject', proposalId: string, reason?: string) =>
  command('ReviewDealChange', { proposalId, decision, ...(reason === undefined ? {} : { reason }) }, { actor });

describe('credit changes wait for approval', () => {
  it('before the close, splits naming anyone but the proposer are proposed, not applied', () => {
    const state = given(historyAt('engaged')).when(command('SetCreditSplits', withBen)).then([proposal('SetCreditSplits', withBen, NOW, ['names-others'])]);
    expect(state.splits).toBeUndefined();
    expect(state.pendingChanges.map((p) => p.proposalId)).toStrictEqual(['cmd-SetCreditSplits']);
  });

  it('leaving a colleague out of the current split also names someone else', () => {
    const current = stored({ type: 'CreditSplitsSet', data: withBen });
    given([...historyAt('engaged'), current]).when(command('SetCreditSplits', anaAlone)).then([proposal('SetCreditSplits', anaAlone, NOW, ['names-others'])]);
  });

  it('the owner\'s manager approves: the split applies as proposed, at its own business time, and names the approval', () => {
    const proposed = stored(proposal('SetCreditSplits', withBen, '2026-03-19T09:00:00.000Z', ['names-others']), '2026-03-19T09:00:00.000Z');
    const state = given([...historyAt('engaged'), proposed]).when(review(mia, 'approve', 'cmd-SetCreditSplits')).then([
      { type: 'DealChangeApproved', data: { proposalId: 'cmd-SetCreditSplits', proposedBy: 'ana', approverId: 'mia' } },
      {
        type: 'CreditSplitsSet', occurredAt: '2026-03-19T09:00:00.000Z', actor: ana,
        data: { ...withBen, approval: { proposalId: 'cmd-SetCreditSplits', proposedBy: 'ana', approvedBy: 'mia' } },
      },
    ]);
    expect(state.splits?.revenue.map((s) => s.userId)).toStrictEqual(['ana', 'ben']);
    expect(state.pendingChanges).toStrictEqual([]);
  });

  it('after the close, any change of splits is a proposal, even one naming only the proposer', () => {
    given([...atTerms, won]).when(command('SetCreditSplits', anaAlone)).then([proposal('SetCreditSplits', anaAlone, NOW, ['after-close'])]);
  });

  it('after the close, a credit-earning team role changes only through approval; a support rep is added at once', () => {
    const add = command('AddTeamMember', { userId: 'sam', role: 'sales-engineer' }, { actor: mia });
    given([...atTerms, won]).when(add).then([proposal('AddTeamMember', add.data, NOW, ['after-close'], 'mia')]);
    given([...atTerms, won]).when(command('AddTeamMember', { userId: 'sue', role: 'support-rep' }, { actor: mia }))
      .then([{ type: 'TeamMemberAdded', data: { userId: 'sue', role: 'support-rep' } }]);
  });

  it('after the close, a new amount is a correction that waits for approval and then corrects the won amount', () => {
    const change = command('ChangeAmount', { expectedAmountMinor: 9_000_000, lineItems: [{ productCode: 'CORE', amountMinor: 9_000_000, quantity: 1 }], reason: 'Credit note' });
    given([...atTerms, won]).when(change).then([proposal('ChangeAmount', change.data, NOW, ['after-close'])]);
    const proposed = stored(proposal('ChangeAmount', change.data, NOW, ['after-close']), NOW);
    const state = given([...atTerms, won, proposed]).when(review(fin, 'approve', 'cmd-ChangeAmount')).then([
      { type: 'DealChangeApproved', data: { proposalId: 'cmd-ChangeAmount', proposedBy: 'ana', approverId: 'fay' } },
      {
        type: 'WonAmountCorrected', occurredAt: NOW, actor: ana,
        data: {
          previousAmountMinor: 10_000_000, amountMinor: 9_000_000, lineItems: [{ productCode: 'CORE', amountMinor: 9_000_000, quantity: 1 }],
          reason: 'Credit note', approval: { proposalId: 'cmd-ChangeAmount', proposedBy: 'ana', approvedBy: 'fay' },
        },
      },
    ]);
    expect(state.expectedAmountMinor).toBe(9_000_000);
  });

  it('a rep\'s change for herself without approval changes nothing: the split in force stays', () => {
    const before = stored({ type: 'CreditSplitsSet', data: withBen });
    const state = given([...atTerms, before, won]).when(command('SetCreditSplits', anaAlone)).then([proposal('SetCreditSplits', anaAlone, NOW, ['after-close'])]);
    expect(state.splits).toStrictEqual({ revenue: withBen.revenue, overlay: withBen.overlay });
  });
});

describe('who approves', () => {
  const proposed = stored(proposal('SetCreditSplits', withBen, NOW, ['names-others']), NOW);
  const history = [...historyAt('engaged'), proposed];

  it('never the proposer', () => {
    given(history).when(review(ana, 'approve', 'cmd-SetCreditSplits')).thenThrows('DEAL.OWN_PROPOSAL');
  });

  it('never someone credited on the deal or by the change', () => {
    given(history).when(review(ben, 'approve', 'cmd-SetCreditSplits')).thenThrows('DEAL.APPROVER_CREDITED');
    const byBen = stored(proposal('SetCreditSplits', withBen, NOW, ['names-others'], 'ben'), NOW);
    given([...historyAt('engaged'), byBen]).when(review(ana, 'approve', 'cmd-SetCreditSplits')).thenThrows('DEAL.APPROVER_CREDITED');
  });

  it('sales-ops or finance may approve a credit change; rejecting needs a reason and clears the proposal', () => {
    const byOps = decider.decide(review(ops, 'approve', 'cmd-SetCreditSplits'), history.reduce(decider.evolve, decider.initialState()));
    expect(byOps.map((e) => e.type)).toStrictEqual(['DealChangeApproved', 'CreditSplitsSet']);
    given(history).when(review(fin, 'reject', 'cmd-SetCreditSplits')).thenThrows('DEAL.REASON_REQUIRED');
    const state = given(history).when(review(fin, 'reject', 'cmd-SetCreditSplits', 'Ben left in February')).then([
      { type: 'DealChangeRejected', data: { proposalId: 'cmd-SetCreditSplits', proposedBy: 'ana', approverId: 'fay', reason: 'Ben left in February' } },
    ]);
    expect(state.pendingChanges).toStrictEqual([]);
    expect(state.splits).toBeUndefined();
  });

  it('a proposal that is not waiting cannot be reviewed or withdrawn', () => {
    given(historyAt('engaged')).when(review(mia, 'approve', 'nope')).thenThrows('DEAL.PROPOSAL_NOT_FOUND');
    given(historyAt('engaged')).when(command('WithdrawDealChange', { proposalId: 'nope' })).thenThrows('DEAL.PROPOSAL_NOT_FOUND');
  });

  it('only the proposer withdraws', () => {
    given(history).when(command('WithdrawDealChange', { proposalId: 'cmd-SetCreditSplits' }, { actor: mia })).thenThrows('DEAL.NOT_PROPOSER');
    given(history).when(command('WithdrawDealChange', { proposalId: 'cmd-SetCreditSplits' }))
      .then([{ type: 'DealChangeWithdrawn', data: { proposalId: 'cmd-SetCreditSplits', proposedBy: 'ana' } }]);
  });

  it('approval runs the change again on the deal as it is now, and refuses one that no longer applies', () => {
    const close = command('CloseWon', { signedOrder }, { occurredAt: '2026-03-01T10:00:00.000Z' });
    const waiting = stored(proposal('CloseWon', close.data, '2026-03-01T10:00:00.000Z', ['backdated']), NOW);
    const lost = stored({ type: 'DealClosedLost', data: { fromStageId: 'terms-agreed', reason: 'Budget frozen' } }, NOW);
    const error = given([...atTerms, waiting, lost]).when(review(mia, 'approve', 'cmd-CloseWon')).thenThrows('DEAL.PROPOSAL_NO_LONGER_APPLIES');
    expect(error.kind).toBe('conflict');
  });
});

describe('backdating beyond the limit needs a manager', () => {
  const twoWeeksBack = '2026-03-06T10:00:00.000Z';
  const lastWeek = '2026-03-14T10:00:00.000Z';

  it('a close dated more than 7 days back is proposed; within 7 days it closes at once', () => {
    const close = command('CloseWon', { signedOrder }, { occurredAt: twoWeeksBack });
    given(atTerms).when(close).then([proposal('CloseWon', close.data, twoWeeksBack, ['backdated'])]);
    const state = decider.decide(command('CloseWon', { signedOrder }, { occurredAt: lastWeek }), atTerms.reduce(decider.evolve, decider.initialState()));
    expect(state.map((e) => e.type)).toStrictEqual(['DealClosedWon']);
  });

  it('the limit is configurable', () => {
    const strict = createDealDecider(undefined, { limits: { disputeSecondApprovalAbove: 5000, overlayCapBp: 10_000, backdateDays: 1 } });
    const events = strict.decide(command('CloseWon', { signedOrder }, { occurredAt: lastWeek }), atTerms.reduce(strict.evolve, strict.initialState()));
    expect(events.map((e) => e.type)).toStrictEqual(['DealChangeProposed']);
  });

  it('only a manager approves it; the close then happens at the date proposed', () => {
    const close = command('CloseWon', { signedOrder }, { occurredAt: twoWeeksBack });
    const waiting = stored(proposal('CloseWon', close.data, twoWeeksBack, ['backdated']), NOW);
    given([...atTerms, waiting]).when(review(fin, 'approve', 'cmd-CloseWon')).thenThrows('DEAL.MANAGER_APPROVAL_REQUIRED');
    const state = given([...atTerms, waiting]).when(review(mia, 'approve', 'cmd-CloseWon')).then([
      { type: 'DealChangeApproved', data: { proposalId: 'cmd-CloseWon', proposedBy: 'ana', approverId: 'mia' } },
      {
        type: 'DealClosedWon', occurredAt: twoWeeksBack, actor: ana,
        data: { fromStageId: 'terms-agreed', amountMinor: 10_000_000, lineItems: items, signedOrder, approval: { proposalId: 'cmd-CloseWon', proposedBy: 'ana', approvedBy: 'mia' } },
      } as DealEvent,
    ]);
    expect(state.status).toBe('won');
  });

  it('also holds for a split dated back, but not for a lost close or a reversal, which pay nobody', () => {
    const back = { occurredAt: twoWeeksBack };
    const reasons = (events: readonly DealEvent[]) => (events[0].data as { reasons?: string[] }).reasons;
    const stateAt = (history: DealEvent[]) => history.reduce(decider.evolve, decider.initialState());
    expect(reasons(decider.decide(command('SetCreditSplits', anaAlone, back), stateAt(historyAt('engaged'))))).toStrictEqual(['backdated']);
    expect(decider.decide(command('CloseLost', { reason: 'No budget' }, back), stateAt(historyAt('engaged'))).map((e) => e.type)).toStrictEqual(['DealClosedLost']);
    expect(decider.decide(command('ReverseWonDeal', { reason: 'Cancelled' }, { ...back, actor: mia }), stateAt([...atTerms, stored(won, '2026-03-05T10:00:00.000Z')]))
      .map((e) => e.type)).toStrictEqual(['WonDealReversed']);
  });
});
