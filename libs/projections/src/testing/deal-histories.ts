import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { createDealDecider, DealCommand, DealEvent, DealState, DomainError, Evidence } from '@deals/domain';
import { EventStore } from '@deals/event-store';

/*
 * Random valid deal histories for property tests: each deal follows the buyer-centric path to a
 * random point with random extra steps, run through the real decider (refused commands left
 * out) and appended to a real store.
 */

const decider = createDealDecider();
const rep = { id: 'ana.ae', roles: ['rep'] };
const manager = { id: 'mia.manager', roles: ['manager'] };
const proof: Evidence = { kind: 'email', ref: '<e@x>' };
const STAGES = ['engaged', 'qualified', 'product-evaluated', 'proposal-reviewed', 'terms-agreed'];
const START = Date.parse('2026-01-01T00:00:00.000Z');
export const NOW = '2026-12-31T00:00:00.000Z';

export type Step = Omit<DealCommand, 'metadata'>;
const step = <T extends DealCommand['type']>(type: T, data: Extract<DealCommand, { type: T }>['data']): Step => ({ type, data }) as Step;

const arbitraryStep: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.constantFrom<Step>(
    step('RecordBuyerResponded', { evidence: proof }),
    step('BookMeeting', { meetingId: 'm', scheduledFor: NOW, evidence: proof }),
    step('ConfirmDecisionMaker', { contactName: 'C', evidence: proof }),
    step('NoteBudget', { maxMinor: 5, evidence: proof }),
    step('NoteDecisionTimeframe', { decisionBy: '2026-06-30', evidence: proof }),
    step('RecordDemoHeld', { attended: true, questionsAnswered: true, evidence: { kind: 'meeting', ref: 'demo' } }),
    step('ScheduleNextMeeting', { meetingId: 'm2', scheduledFor: NOW, evidence: proof }),
    step('RecordRecapEmailSent', { evidence: proof }),
    step('RecordRecapConfirmed', { evidence: proof }),
    step('DeliverProposal', { evidence: proof }),
    step('RecordProposalAcknowledged', { evidence: proof }),
    step('AgreeTerms', { priceMinor: 1, paymentTerms: 'net 30', deliveryTimeline: 'Q2', evidence: proof }),
  ), weight: 6 },
  { arbitrary: fc.constant(step('AdvanceStage', {})), weight: 5 },
  { arbitrary: fc.constantFrom(...STAGES).map((toStageId) => step('OverrideStage', { toStageId, reason: 'steering call' })), weight: 2 },
  { arbitrary: fc.constant(step('CloseWon', { signedOrder: { kind: 'signature', ref: 's' } })), weight: 2 },
  { arbitrary: fc.constant(step('CloseLost', { reason: 'budget' })), weight: 1 },
  { arbitrary: fc.constant(step('ReverseWonDeal', { reason: 'cancelled' })), weight: 1 },
  { arbitrary: fc.constant(step('HandToImplementation', { implementationLeadId: 'ivan', customerSuccessManagerId: 'olga' })), weight: 2 },
  { arbitrary: fc.constant(step('StartImplementation', {})), weight: 2 },
  { arbitrary: fc.constant(step('GoLive', { evidence: proof })), weight: 2 },
);

/** The buyer-centric path from first contact to live; each deal follows it to a random point. */
const HAPPY_PATH: Step[] = [
  step('RecordBuyerResponded', { evidence: proof }),
  step('BookMeeting', { meetingId: 'm', scheduledFor: NOW, evidence: proof }),
  step('AdvanceStage', {}),
  step('ConfirmDecisionMaker', { contactName: 'C', evidence: proof }),
  step('NoteBudget', { maxMinor: 5, evidence: proof }),
  step('NoteDecisionTimeframe', { decisionBy: '2026-06-30', evidence: proof }),
  step('AdvanceStage', {}),
  step('RecordDemoHeld', { attended: true, questionsAnswered: true, evidence: { kind: 'meeting', ref: 'demo' } }),
  step('ScheduleNextMeeting', { meetingId: 'm2', scheduledFor: NOW, evidence: proof }),
  step('RecordRecapEmailSent', { evidence: proof }),
  step('RecordRecapConfirmed', { evidence: proof }),
  step('AdvanceStage', {}),
  step('DeliverProposal', { evidence: proof }),
  step('RecordProposalAcknowledged', { evidence: proof }),
  step('AdvanceStage', {}),
  step('AgreeTerms', { priceMinor: 1, paymentTerms: 'net 30', deliveryTimeline: 'Q2', evidence: proof }),
  step('CloseWon', { signedOrder: { kind: 'signature', ref: 's' } }),
  step('HandToImplementation', { implementationLeadId: 'ivan', customerSuccessManagerId: 'olga' }),
  step('StartImplementation', {}),
  step('GoLive', { evidence: proof }),
];

const arbitraryDeal = fc
  .record({
    amount: fc.integer({ min: 0, max: 10_000_000 }),
    reach: fc.integer({ min: 0, max: HAPPY_PATH.length }),
    noise: fc.array(fc.tuple(fc.nat(), arbitraryStep), { maxLength: 8 }),
  })
  .map(({ amount, reach, noise }) => {
    // The buyer agrees the deal's own amount on the happy path (within the deal desk's limits); noise may agree far less.
    const steps = HAPPY_PATH.slice(0, reach).map((s) => (s.type === 'AgreeTerms' ? { ...s, data: { ...s.data, priceMinor: amount } } as Step : s));
    for (const [at, extra] of noise) steps.splice(at % (steps.length + 1), 0, extra);
    return { amount, steps };
  });

export const arbitraryHistories = fc.array(arbitraryDeal, { minLength: 1, maxLength: 6 });
export type DealHistory = typeof arbitraryDeal extends fc.Arbitrary<infer T> ? T : never;

/**
 * Runs the steps through the real decider (keeping only accepted commands) and appends the
 * events, the deals' steps interleaved. `beforeStep` runs before each step with how many are done
 * and the deal ids (e.g. to start a runner halfway, or to append other streams' events).
 */
export async function record(
  store: EventStore,
  histories: readonly DealHistory[],
  beforeStep: (done: number, total: number, dealIds: readonly string[]) => Promise<void> = async () => undefined,
): Promise<string[]> {
  const queues = histories.map((h, i) => {
    const dealId = randomUUID();
    const open = step('OpenDeal', {
      dealId, name: `Deal ${i}`, account: { name: `Account ${i}` }, ownerId: rep.id, currency: 'EUR', expectedAmountMinor: h.amount,
    });
    return { dealId, steps: [open, ...h.steps], state: decider.initialState() as DealState, revision: -1 };
  });
  const dealIds = queues.map((q) => q.dealId);
  const total = queues.reduce((n, q) => n + q.steps.length, 0);
  let clock = START;
  for (let done = 0; done < total; ) {
    for (const q of queues) {
      const next = q.steps.shift();
      if (!next) continue;
      await beforeStep(done++, total, dealIds);
      clock += 3_600_000 * 7;
      const at = new Date(clock).toISOString();
      const actor = next.type === 'OverrideStage' ? manager : rep;
      const command = { ...next, metadata: { commandId: randomUUID(), actor, now: at, occurredAt: at } } as DealCommand;
      let events: readonly DealEvent[];
      try {
        events = decider.decide(command, q.state);
      } catch (e) {
        if (e instanceof DomainError) continue;
        throw e;
      }
      const metadata = { actor, commandId: command.metadata.commandId, correlationId: command.metadata.commandId, causationId: command.metadata.commandId, occurredAt: at };
      const result = await store.append(`deal-${q.dealId}`, events.map((e) => ({ eventId: randomUUID(), type: e.type, data: e.data, metadata })), {
        expectedRevision: q.revision < 0 ? 'no_stream' : q.revision,
      });
      q.revision = result.nextExpectedRevision;
      q.state = events.reduce((s, e) => decider.evolve(s, { ...e, metadata: { ...metadata } }), q.state);
    }
  }
  return dealIds;
}
