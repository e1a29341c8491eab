import { fold } from '../shared/decider';
import { ana, command, evidence, mia, NOW } from '../testing/deal-fixtures';
import { DealCommand } from './deal.commands';
import { createDealDecider } from './deal.decider';
import { DealEvent } from './deal.events';
import { DealState } from './deal.state';
import { describeStageProgress } from './stage-progress';

const decider = createDealDecider();

/** Runs commands one after another, as the command pipeline would, stamping each event's metadata. */
function run(commands: readonly DealCommand[]): { events: DealEvent[]; state: DealState } {
  const events: DealEvent[] = [];
  for (const cmd of commands) {
    const state = fold(decider, events);
    const occurredAt = cmd.metadata.occurredAt ?? cmd.metadata.now;
    for (const event of decider.decide(cmd, state)) {
      events.push({
        ...event,
        metadata: { actor: cmd.metadata.actor, commandId: cmd.metadata.commandId, correlationId: 'c', causationId: cmd.metadata.commandId, occurredAt },
      } as DealEvent);
    }
  }
  return { events, state: fold(decider, events) };
}

const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T10:00:00.000Z`;
const on = (n: number) => ({ now: day(n) });
const ev = (ref: string) => evidence('email', ref);

describe('the whole life of a deal, from first contact to live', () => {
  const commands: DealCommand[] = [
    command('OpenDeal', {
      dealId: 'deal-acme', name: 'Acme platform', account: { name: 'Acme' }, ownerId: 'ana', currency: 'EUR',
      expectedAmountMinor: 10_000_000,
      lineItems: [{ productCode: 'CORE', amountMinor: 6_000_000, quantity: 1 }, { productCode: 'X', amountMinor: 4_000_000, quantity: 1 }],
      team: [{ userId: 'ana', role: 'account-executive' }, { userId: 'ben', role: 'account-executive' }, { userId: 'sam', role: 'sales-engineer' }],
    }, on(1)),
    command('RecordContactMade', { channel: 'email', evidence: ev('<out-1@us.example>') }, on(1)),
    command('RecordBuyerResponded', { evidence: ev('<re-1@acme.example>') }, on(2)),
    command('BookMeeting', { meetingId: 'm-1', scheduledFor: day(4), evidence: evidence('calendar', 'cal-1') }, on(2)),
    command('AdvanceStage', {}, on(2)),
    command('ConfirmDecisionMaker', { contactName: 'Carla Ruiz', contactTitle: 'CFO', evidence: evidence('meeting', 'm-1') }, on(4)),
    command('NoteBudget', { maxMinor: 12_000_000, evidence: evidence('meeting', 'm-1') }, on(4)),
    command('NoteDecisionTimeframe', { decisionBy: '2026-03-31', evidence: evidence('meeting', 'm-1') }, on(4)),
    command('AdvanceStage', { toStageId: 'product-evaluated' }, on(4)),
    // The demo was yesterday: backdated business time.
    command('RecordDemoHeld', { attended: true, questionsAnswered: true, evidence: evidence('meeting', 'demo-1') }, { now: day(9), occurredAt: day(8) }),
    command('ScheduleNextMeeting', { meetingId: 'm-2', scheduledFor: day(12), evidence: evidence('calendar', 'cal-2') }, { now: day(9), occurredAt: day(8) }),
    command('RecordRecapEmailSent', { evidence: ev('<recap@us.example>') }, on(9)),
    command('RecordRecapConfirmed', { evidence: ev('<re-recap@acme.example>') }, on(10)),
    command('AdvanceStage', {}, on(10)),
    command('DeliverProposal', { evidence: evidence('document', 'https://docs.example/p1') }, on(12)),
    // The buyer has not acknowledged in writing yet; the manager moves the deal on and says why.
    command('OverrideStage', { toStageId: 'terms-agreed', reason: 'Buyer acknowledged on a call; written reply pending' }, { ...on(14), actor: mia }),
    command('AgreeTerms', { priceMinor: 10_000_000, paymentTerms: 'net 30', deliveryTimeline: 'by 30 April', evidence: ev('<terms@acme.example>') }, on(20)),
    command('CloseWon', { signedOrder: evidence('signature', 'envelope-42') }, on(25)),
    command('HandToImplementation', { implementationLeadId: 'ivan', customerSuccessManagerId: 'cara' }, on(26)),
    command('StartImplementation', { evidence: evidence('meeting', 'kickoff') }, on(27)),
    command('GoLive', { evidence: evidence('crm', 'live-1') }, { now: '2026-04-20T10:00:00.000Z' }),
  ];

  it('records every step as the expected sequence of events', () => {
    const { events } = run(commands);
    expect(events.map((event) => event.type)).toStrictEqual([
      'DealOpened', 'TeamMemberAdded', 'TeamMemberAdded', 'TeamMemberAdded',
      'ContactMade', 'BuyerResponded', 'MeetingBooked', 'StageAdvanced',
      'DecisionMakerConfirmed', 'BudgetNoted', 'DecisionTimeframeNoted', 'StageAdvanced',
      'DemoHeld', 'NextMeetingScheduled', 'RecapEmailSent', 'RecapConfirmedByBuyer', 'StageAdvanced',
      'ProposalDelivered', 'StageOverridden',
      'TermsAgreed', 'DealClosedWon',
      'DealHandedToImplementation', 'TeamMemberAdded', 'TeamMemberAdded',
      'ImplementationStarted', 'DealWentLive',
    ]);
    expect(events.find((event) => event.type === 'StageOverridden')?.data).toStrictEqual({
      fromStageId: 'proposal-reviewed', toStageId: 'terms-agreed', missingCriteria: ['proposal-acknowledged'],
      reason: 'Buyer acknowledged on a call; written reply pending', managerId: 'mia',
    });
  });

  it('ends live, won, with the whole team and the business times of each milestone', () => {
    const { state } = run(commands);
    expect(state).toMatchObject({
      exists: true, status: 'won', reversed: false, stageId: 'live', expectedAmountMinor: 10_000_000,
      openedAt: day(1), closedAt: day(25), stageEnteredAt: '2026-04-20T10:00:00.000Z',
      implementation: { handedOff: true, started: true, live: true, handedAt: day(26), startedAt: day(27), liveAt: '2026-04-20T10:00:00.000Z' },
    });
    expect(state.facts.DemoHeld?.occurredAt).toBe(day(8));
    expect(state.team).toStrictEqual([
      { userId: 'ana', role: 'account-executive' }, { userId: 'ben', role: 'account-executive' }, { userId: 'sam', role: 'sales-engineer' },
      { userId: 'ivan', role: 'implementation-lead' }, { userId: 'cara', role: 'customer-success-manager' },
    ]);
    expect(describeStageProgress(state)).toStrictEqual({
      stageId: 'live', stageName: 'Live', phase: 'post-close', probability: 1, criteria: [],
    });
  });

  it('walks the post-close stages in order', () => {
    const stages = [18, 19, 20].map((count) => run(commands.slice(0, count)).state.stageId);
    expect(stages).toStrictEqual(['closed-won', 'handed-to-implementation', 'implementation-in-progress']);
    expect(run(commands.slice(0, 18)).state.stageEnteredAt).toBe(day(25));
  });

  it('uses a fixed clock only', () => {
    expect(commands[1].metadata.now).toBe(day(1));
    expect(command('AdvanceStage', {}).metadata).toStrictEqual({ commandId: 'cmd-AdvanceStage', actor: ana, now: NOW });
  });
});
