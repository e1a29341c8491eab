import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { createDealDecider, DealCommand, DealEvent, DealState, DomainError, Evidence } from '@deals/domain';
import { EventStore, SqliteEventStore } from '@deals/event-store';
import { auditProjection } from '../audit/audit.projection';
import { dealSummaryProjection } from '../deal-summary/deal-summary.projection';
import { foldEvents } from '../fold';
import { pipelineByStage } from '../pipeline/pipeline.queries';
import { postCloseDeals, postCloseDurations } from '../post-close/post-close.queries';
import { naivePipelineByStage, naivePostCloseDeals, naivePostCloseDurations } from '../testing/naive-pipeline';
import { ProjectionDatabase } from './projection-database';
import { ProjectionRunner } from './projection-runner';

const decider = createDealDecider();
const rep = { id: 'ana.ae', roles: ['rep'] };
const manager = { id: 'mia.manager', roles: ['manager'] };
const proof: Evidence = { kind: 'email', ref: '<e@x>' };
const STAGES = ['engaged', 'qualified', 'product-evaluated', 'proposal-reviewed', 'terms-agreed'];
const START = Date.parse('2026-01-01T00:00:00.000Z');
const NOW = '2026-12-31T00:00:00.000Z';

type Step = Omit<DealCommand, 'metadata'>;
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
    const steps = HAPPY_PATH.slice(0, reach);
    for (const [at, extra] of noise) steps.splice(at % (steps.length + 1), 0, extra);
    return { amount, steps };
  });

const arbitraryHistories = fc.array(arbitraryDeal, { minLength: 1, maxLength: 6 });

/** Runs the steps through the real decider (keeping only accepted commands) and appends the events. */
async function record(store: EventStore, histories: { amount: number; steps: Step[] }[], onHalf: () => Promise<void>) {
  const queues = histories.map((h, i) => {
    const dealId = randomUUID();
    const open = step('OpenDeal', {
      dealId, name: `Deal ${i}`, account: { name: `Account ${i}` }, ownerId: rep.id, currency: 'EUR', expectedAmountMinor: h.amount,
    });
    return { dealId, steps: [open, ...h.steps], state: decider.initialState() as DealState, revision: -1 };
  });
  const total = queues.reduce((n, q) => n + q.steps.length, 0);
  let clock = START;
  for (let done = 0; done < total; ) {
    for (const q of queues) {
      const next = q.steps.shift();
      if (!next) continue;
      if (++done === Math.max(1, Math.floor(total / 2))) await onHalf();
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
}

const sorted = (m: ReadonlyMap<string, unknown>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));

describe('projections: live = rebuild = naive, for random valid deal histories', () => {
  it('holds for the deal summary, the audit and the pipeline and post-close answers', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryHistories, async (histories) => {
        const store = new SqliteEventStore({ path: ':memory:' });
        const db = new ProjectionDatabase(':memory:');
        const runner = new ProjectionRunner(store, db, [dealSummaryProjection, auditProjection], { batchSize: 7, idleWaitMs: 20 });
        try {
          // Half the history is there before the runner starts (catch-up), the rest arrives live.
          await record(store, histories, () => runner.start());
          expect(await runner.waitForPosition(await store.headPosition(), 10_000)).toBe(true);
          const events = await store.readAll();

          for (const projection of [dealSummaryProjection, auditProjection]) {
            const live = sorted(runner.readModel(projection.name));
            expect(live).toEqual(sorted(foldEvents(projection as never, events)));
            expect(sorted(db.documents(projection.name))).toEqual(live);
          }
          expect(runner.deadLetters()).toEqual([]);
          const summaries = runner.readModel<never>('deal-summary');
          expect(pipelineByStage(summaries)).toEqual(naivePipelineByStage(events));
          expect(postCloseDeals(summaries, { now: NOW })).toEqual(naivePostCloseDeals(events, { now: NOW }));
          expect(postCloseDurations(summaries)).toEqual(naivePostCloseDurations(events));

          await runner.rebuild('deal-summary');
          expect(pipelineByStage(runner.readModel<never>('deal-summary'))).toEqual(naivePipelineByStage(events));
        } finally {
          await runner.stop();
          db.close();
          await store.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
