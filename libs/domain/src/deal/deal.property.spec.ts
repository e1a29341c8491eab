import fc from 'fast-check';
import { DEFAULT_PIPELINE } from '../pipeline/default-pipeline';
import { evaluateExitCriteria } from '../pipeline/exit-criteria';
import { lastOpenStage, nextOpenStage, stageById } from '../pipeline/pipeline-navigation';
import { fold } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { ana, command, evidence, mia, NOW } from '../testing/deal-fixtures';
import { DealCommand } from './deal.commands';
import { createDealDecider } from './deal.decider';
import { DealEvent } from './deal.events';
import { DealState } from './deal.state';

const decider = createDealDecider();
const proof = evidence('email', 'e');
const stageIds = DEFAULT_PIPELINE.stages.map((stage) => stage.id);

const choices: fc.MaybeWeightedArbitrary<DealCommand>[] = [
  fc.constant(command('RecordBuyerResponded', { evidence: proof })),
  fc.constant(command('BookMeeting', { meetingId: 'm', scheduledFor: NOW, evidence: proof })),
  fc.constant(command('ConfirmDecisionMaker', { contactName: 'C', evidence: proof })),
  fc.constant(command('NoteBudget', { maxMinor: 1, evidence: proof })),
  fc.constant(command('NoteDecisionTimeframe', { decisionBy: '2026-06-30', evidence: proof })),
  fc.record({ attended: fc.boolean(), questionsAnswered: fc.boolean() })
    .map((demo) => command('RecordDemoHeld', { ...demo, evidence: proof })),
  fc.constant(command('ScheduleNextMeeting', { meetingId: 'm2', scheduledFor: NOW, evidence: proof })),
  fc.constant(command('RecordRecapEmailSent', { evidence: proof })),
  fc.constant(command('RecordRecapConfirmed', { evidence: proof })),
  fc.constant(command('DeliverProposal', { evidence: proof })),
  fc.constant(command('RecordProposalAcknowledged', { evidence: proof })),
  // Within the deal desk's limits (the deal opens at 100) or beyond them, on price or on payment terms.
  fc.tuple(fc.constantFrom(100, 90, 1), fc.constantFrom('net 30', 'net 30', 'net 90'))
    .map(([priceMinor, paymentTerms]) => command('AgreeTerms', { priceMinor, paymentTerms, deliveryTimeline: 'Q2', evidence: proof })),
  fc.tuple(fc.constantFrom<'approve' | 'reject'>('approve', 'approve', 'reject'), fc.constantFrom(mia, ana))
    .map(([decision, actor]) => command('DecideDealDesk', { requestId: 'cmd-AgreeTerms', decision, reason: 'deal desk' }, { actor })),
  fc.option(fc.constantFrom(...stageIds), { nil: undefined })
    .map((toStageId) => command('AdvanceStage', toStageId === undefined ? {} : { toStageId })),
  // Overrides are weighted up so runs reach the close often, including past unmet criteria.
  { arbitrary: fc.tuple(fc.constantFrom(...stageIds), fc.constantFrom(mia, mia, ana), fc.constantFrom('reason', 'reason', ' '))
    .map(([toStageId, actor, reason]) => command('OverrideStage', { toStageId, reason }, { actor })), weight: 4 },
  { arbitrary: fc.constant(command('CloseWon', { signedOrder: evidence('signature', 's') })), weight: 3 },
  fc.constant(command('CloseLost', { reason: 'lost' })),
  fc.constant(command('ReverseWonDeal', { reason: 'cancelled' })),
  fc.constant(command('HandToImplementation', { implementationLeadId: 'i', customerSuccessManagerId: 'c' })),
  fc.constant(command('StartImplementation', {})),
  fc.constant(command('GoLive', { evidence: proof })),
];
const arbitraryCommand: fc.Arbitrary<DealCommand> = fc.oneof(...choices);

const open = command('OpenDeal', {
  dealId: 'd', name: 'D', account: { name: 'A' }, ownerId: 'ana', currency: 'EUR', expectedAmountMinor: 100,
});

/** Why the stage may have changed from `before` to `after` on `event`; throws when it should not have. */
function checkStageChange(before: DealState, event: DealEvent, after: DealState, actorRoles: readonly string[]): void {
  if (event.type === 'StageAdvanced') {
    const from = stageById(DEFAULT_PIPELINE, before.stageId)!;
    expect(evaluateExitCriteria(from, before.facts).missing).toStrictEqual([]);
    expect(event.data.toStageId).toBe(nextOpenStage(DEFAULT_PIPELINE, from.id)?.id);
    expect(event.data.satisfiedBy.map((entry) => entry.criterionId)).toStrictEqual(from.exitCriteria.map((criterion) => criterion.id));
  }
  if (event.type === 'StageOverridden') {
    expect(actorRoles).toContain('manager');
    expect(event.data.reason.trim()).not.toBe('');
  }
  if (before.stageId === after.stageId || !before.exists) return;
  switch (event.type) {
    case 'StageAdvanced':
    case 'StageOverridden':
    case 'DealClosedLost':
    case 'DealHandedToImplementation':
    case 'ImplementationStarted':
    case 'DealWentLive':
      return;
    case 'DealClosedWon': {
      const last = lastOpenStage(DEFAULT_PIPELINE)!;
      expect(before.stageId).toBe(last.id);
      expect(evaluateExitCriteria(last, before.facts).missing).toStrictEqual([]);
      return;
    }
    default:
      throw new Error(`${event.type} moved the deal from ${before.stageId} to ${after.stageId}`);
  }
}

describe('deal invariants under random command sequences', () => {
  it('the stage only moves by an advance with every criterion met, a manager override, a close or a post-close step; a close won never passes the deal desk', () => {
    fc.assert(fc.property(fc.array(arbitraryCommand, { maxLength: 60 }), (commands) => {
      let state = fold(decider, []);
      for (const cmd of [open, ...commands]) {
        let events: readonly DealEvent[];
        try {
          events = decider.decide(cmd, state);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          continue;
        }
        for (const event of events) {
          const stamped = { ...event, metadata: { actor: cmd.metadata.actor, commandId: 'c', correlationId: 'c', causationId: 'c', occurredAt: NOW } } as DealEvent;
          const next = decider.evolve(state, stamped);
          if (event.type === 'DealClosedWon') expect(['pending', 'rejected']).not.toContain(state.dealDesk?.status);
          if (event.type === 'DealDeskApproved') expect(cmd.metadata.actor.roles).toContain('manager');
          checkStageChange(state, event, next, cmd.metadata.actor.roles);
          state = next;
        }
        expect(stageById(DEFAULT_PIPELINE, state.stageId)).toBeDefined();
        if (state.status === 'open') expect(stageById(DEFAULT_PIPELINE, state.stageId)?.phase).toBe('open');
      }
    }), { numRuns: 500 });
  });
});
