import fc from 'fast-check';
import { DealTeamRole, DEFAULT_PIPELINE, openStages } from '@deals/domain';
import { RecordedEvent } from '@deals/event-store';
import { foldEvents } from './fold-events';
import { DealSummary } from '../deal-summary/deal-summary';
import { dealSummaryProjection } from '../deal-summary/deal-summary.projection';
import { pipelineByStage } from '../pipeline/pipeline-by-stage.query';
import { postCloseDeals, stuckAfterClose } from '../post-close/post-close-deals.query';
import { postCloseDurations, postCloseDurationsBy } from '../post-close/post-close-durations.query';
import {
  naivePipelineByStage, naivePostCloseDeals, naivePostCloseDurations, naivePostCloseDurationsBy, naiveStuckAfterClose,
} from './naive-pipeline';
import { EventLog } from './recorded-events';

const OPEN = openStages(DEFAULT_PIPELINE).map((stage) => stage.id);
const BASE = Date.parse('2026-01-01T00:00:00Z');
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const proof = { kind: 'email' as const, ref: 'e' };

type Middle =
  | { kind: 'advance' }
  | { kind: 'override'; to: number }
  | { kind: 'amount'; amount: number }
  | { kind: 'demo'; ref: string; attended: boolean; by: string }
  | { kind: 'team'; add: boolean; userId: string; role: DealTeamRole };

interface DealPlan {
  owner: string;
  currency: string;
  amount: number;
  openedAfterHours: number;
  middle: Middle[];
  end: 'open' | 'lost' | 'won';
  postSteps: number;
  reverseAt: number | null;
  gapsHours: number[];
}

const middle: fc.Arbitrary<Middle> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'advance' as const }), weight: 4 },
  fc.nat({ max: OPEN.length - 1 }).map((to) => ({ kind: 'override' as const, to })),
  fc.nat({ max: 50_000_000 }).map((amount) => ({ kind: 'amount' as const, amount })),
  fc.record({ ref: fc.constantFrom('d1', 'd2', 'd3'), attended: fc.boolean(), by: fc.constantFrom('ana', 'ben', 'sam') })
    .map((demo) => ({ kind: 'demo' as const, ...demo })),
  fc.record({ add: fc.boolean(), userId: fc.constantFrom('sam', 'sue'), role: fc.constantFrom<DealTeamRole>('sales-engineer', 'support-rep') })
    .map((team) => ({ kind: 'team' as const, ...team })),
);

const dealPlan: fc.Arbitrary<DealPlan> = fc.record({
  owner: fc.constantFrom('ana', 'ben'),
  currency: fc.constantFrom('EUR', 'USD'),
  amount: fc.nat({ max: 50_000_000 }),
  openedAfterHours: fc.nat({ max: 24 * 60 }),
  middle: fc.array(middle, { maxLength: 10 }),
  end: fc.constantFrom('open', 'lost', 'won', 'won'),
  postSteps: fc.nat({ max: 3 }),
  reverseAt: fc.option(fc.nat({ max: 3 }), { nil: null }),
  // Gaps between a deal's events, in hours (0 allowed: several events at one instant).
  gapsHours: fc.array(fc.nat({ max: 24 * 20 }), { minLength: 20, maxLength: 20 }),
});

/** A deal's events in its own order: each a writer call at an offset from its opening. */
function dealEvents(dealId: string, plan: DealPlan): ((log: EventLog, at: string) => void)[] {
  const out: ((log: EventLog, at: string) => void)[] = [];
  const by = (id: string) => ({ id, roles: id === 'mia' ? ['manager'] : ['rep'] });
  const write = (actor: string, f: (w: ReturnType<EventLog['deal']>) => void) =>
    out.push((log, at) => f(log.deal(dealId).by(by(actor)).at(at)));
  write(plan.owner, (w) => w
    .add('DealOpened', {
      dealId, name: dealId, account: { name: dealId }, ownerId: plan.owner, currency: plan.currency,
      expectedAmountMinor: plan.amount, lineItems: [], pipeline: { id: 'default', version: 1 }, stageId: OPEN[0],
    })
    .add('TeamMemberAdded', { userId: plan.owner, role: 'account-executive' }));
  let stage = 0;
  for (const step of plan.middle) {
    if (step.kind === 'advance' && stage < OPEN.length - 1) {
      const from = stage++;
      write(plan.owner, (w) => w.add('StageAdvanced', { fromStageId: OPEN[from], toStageId: OPEN[from + 1], satisfiedBy: [] }));
    } else if (step.kind === 'override' && step.to !== stage) {
      const from = stage;
      stage = step.to;
      write('mia', (w) => w.add('StageOverridden', { fromStageId: OPEN[from], toStageId: OPEN[step.to], missingCriteria: [], reason: 'r', managerId: 'mia' }));
    } else if (step.kind === 'amount') {
      write(plan.owner, (w) => w.add('AmountChanged', { previousAmountMinor: 0, expectedAmountMinor: step.amount, lineItems: [], reason: 'r' }));
    } else if (step.kind === 'demo') {
      write(step.by, (w) => w.add('DemoHeld', { attended: step.attended, questionsAnswered: true, evidence: { kind: 'meeting', ref: step.ref } }));
    } else if (step.kind === 'team') {
      write('mia', (w) => w.add(step.add ? 'TeamMemberAdded' : 'TeamMemberRemoved', { userId: step.userId, role: step.role }));
    }
  }
  if (plan.end === 'lost') write(plan.owner, (w) => w.add('DealClosedLost', { fromStageId: OPEN[stage], reason: 'r' }));
  if (plan.end !== 'won') return out;
  write(plan.owner, (w) => w.add('DealClosedWon', { fromStageId: OPEN[stage], amountMinor: plan.amount + 1, lineItems: [], signedOrder: proof }));
  const post: ((w: ReturnType<EventLog['deal']>) => void)[] = [
    (w) => w.add('DealHandedToImplementation', { implementationLeadId: plan.owner === 'ana' ? 'ivan' : 'ines', customerSuccessManagerId: 'carl' }),
    (w) => w.add('ImplementationStarted', {}),
    (w) => w.add('DealWentLive', { evidence: proof }),
  ];
  for (let i = 0; i <= plan.postSteps; i++) {
    if (plan.reverseAt === i) {
      write('fay', (w) => w.add('WonDealReversed', { reason: 'r' }));
      break;
    }
    if (i < plan.postSteps) write('ops', post[i]);
  }
  return out;
}

/** The deals' events interleaved in the store by `order`; business time moves forwards per deal. */
function buildLog(plans: readonly DealPlan[], order: readonly number[]): RecordedEvent[] {
  const log = new EventLog();
  const pending = plans.map((plan, i) => ({ plan, events: dealEvents(`d${i}`, plan), next: 0, at: BASE + plan.openedAfterHours * HOUR }));
  let pick = 0;
  while (pending.some((deal) => deal.next < deal.events.length)) {
    const open = pending.filter((deal) => deal.next < deal.events.length);
    const deal = open[(order[pick++ % Math.max(order.length, 1)] ?? 0) % open.length];
    deal.at += deal.next === 0 ? 0 : deal.plan.gapsHours[deal.next % deal.plan.gapsHours.length] * HOUR;
    deal.events[deal.next++](log, iso(deal.at));
  }
  return log.events;
}

const scenario = fc.record({
  plans: fc.array(dealPlan, { minLength: 1, maxLength: 6 }),
  order: fc.array(fc.nat(), { maxLength: 40 }),
  nowAfterHours: fc.nat({ max: 24 * 200 }),
  periodStartHours: fc.nat({ max: 24 * 150 }),
  periodHours: fc.integer({ min: 1, max: 24 * 90 }),
  thresholdDays: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
  // [after event a, deliver event b ≤ a again], indices taken modulo.
  redeliver: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 10 }),
});

describe('deal summaries: live read models equal a rebuild and equal naive answers', () => {
  it('holds for random interleaved deal journeys', () => {
    fc.assert(fc.property(scenario, (s) => {
      const events = buildLog(s.plans, s.order);
      const rebuilt = foldEvents(dealSummaryProjection, events);

      // Live: one event at a time from stored JSON, with already-applied events delivered again.
      const live = new Map<string, DealSummary>();
      events.forEach((e, index) => {
        const again = s.redeliver.filter(([after]) => after % events.length === index).map(([, b]) => events[b % (index + 1)]);
        for (const event of [e, ...again]) {
          for (const key of dealSummaryProjection.keysOf(event)) {
            const doc = dealSummaryProjection.apply(live.get(key), event, key);
            if (doc) live.set(key, JSON.parse(JSON.stringify(doc)) as DealSummary);
          }
        }
      });
      expect(live).toStrictEqual(rebuilt);

      const now = iso(BASE + s.nowAfterHours * HOUR);
      const period = { from: iso(BASE + s.periodStartHours * HOUR), to: iso(BASE + (s.periodStartHours + s.periodHours) * HOUR) };
      for (const options of [{}, { ownerId: 'ana' }, { teamMemberId: 'sam' }, { openedFrom: period.from, openedTo: period.to }]) {
        expect(pipelineByStage(live, options)).toStrictEqual(naivePipelineByStage(events, options));
      }
      const thresholds = s.thresholdDays === undefined ? undefined : { 'closed-won': s.thresholdDays, 'implementation-in-progress': s.thresholdDays };
      const postClose = { now, thresholds };
      expect(postCloseDeals(live, postClose)).toStrictEqual(naivePostCloseDeals(events, postClose));
      expect(stuckAfterClose(live, postClose)).toStrictEqual(naiveStuckAfterClose(events, postClose));
      expect(postCloseDeals(live, { now, closedFrom: period.from, closedTo: period.to })).toStrictEqual(naivePostCloseDeals(events, { now, closedFrom: period.from, closedTo: period.to }));
      for (const p of [{}, period]) {
        expect(postCloseDurations(live, p)).toStrictEqual(naivePostCloseDurations(events, p));
        expect(postCloseDurationsBy(live, { ...p, by: 'implementation-lead' })).toStrictEqual(naivePostCloseDurationsBy(events, { ...p, by: 'implementation-lead' }));
        expect(postCloseDurationsBy(live, { ...p, by: 'customer-success-manager' })).toStrictEqual(naivePostCloseDurationsBy(events, { ...p, by: 'customer-success-manager' }));
      }
    }), { numRuns: 300 });
  });
});
