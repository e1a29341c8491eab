import { deciderSpec } from '../../testing/decider-spec';
import { command, dealOpened, evidence, FACTS_FOR, historyAt, stored } from '../../testing/deal-fixtures';
import { DealCommand } from '../deal.commands';
import { createDealDecider } from '../deal.decider';
import { DealEvent } from '../deal.events';

const { given } = deciderSpec(createDealDecider());
const opened = [stored(dealOpened())];
const proof = evidence('email', '<m1@acme.example>');

const cases: [DealCommand, DealEvent][] = [
  [command('RecordContactMade', { channel: 'email', evidence: proof }), { type: 'ContactMade', data: { channel: 'email', evidence: proof } }],
  [command('RecordBuyerResponded', { evidence: proof }), { type: 'BuyerResponded', data: { evidence: proof } }],
  [command('BookMeeting', { meetingId: 'm-1', scheduledFor: '2026-03-25T10:00:00Z', evidence: proof }),
    { type: 'MeetingBooked', data: { meetingId: 'm-1', scheduledFor: '2026-03-25T10:00:00Z', evidence: proof } }],
  [command('ConfirmDecisionMaker', { contactName: 'Carla Ruiz', evidence: proof }),
    { type: 'DecisionMakerConfirmed', data: { contactName: 'Carla Ruiz', evidence: proof } }],
  [command('NoteBudget', { minMinor: 1, maxMinor: 2, evidence: proof }), { type: 'BudgetNoted', data: { minMinor: 1, maxMinor: 2, evidence: proof } }],
  [command('NoteDecisionTimeframe', { decisionBy: '2026-06-30', evidence: proof }),
    { type: 'DecisionTimeframeNoted', data: { decisionBy: '2026-06-30', evidence: proof } }],
  [command('RecordDemoHeld', { attended: true, questionsAnswered: false, evidence: proof }),
    { type: 'DemoHeld', data: { attended: true, questionsAnswered: false, evidence: proof } }],
  [command('ScheduleNextMeeting', { meetingId: 'm-2', scheduledFor: '2026-03-27T10:00:00Z', evidence: proof }),
    { type: 'NextMeetingScheduled', data: { meetingId: 'm-2', scheduledFor: '2026-03-27T10:00:00Z', evidence: proof } }],
  [command('RecordRecapEmailSent', { evidence: proof }), { type: 'RecapEmailSent', data: { evidence: proof } }],
  [command('DeliverProposal', { evidence: proof }), { type: 'ProposalDelivered', data: { evidence: proof } }],
  [command('RecordProposalAcknowledged', { evidence: proof }), { type: 'ProposalAcknowledged', data: { evidence: proof } }],
  [command('AgreeTerms', { priceMinor: 10_000_000, paymentTerms: 'net 30', deliveryTimeline: 'Q2', evidence: proof }),
    { type: 'TermsAgreed', data: { priceMinor: 10_000_000, paymentTerms: 'net 30', deliveryTimeline: 'Q2', evidence: proof } }],
];

describe('buyer facts', () => {
  it.each(cases)('$type records its fact', (cmd, event) => {
    given(opened).when(cmd).then([event]);
  });

  it.each(cases)('$type is refused on a won deal', (cmd) => {
    const won = [...historyAt('terms-agreed'), ...FACTS_FOR['terms-agreed'].map((event) => stored(event)),
      stored({ type: 'DealClosedWon', data: { fromStageId: 'terms-agreed', amountMinor: 10_000_000, lineItems: [], signedOrder: proof } })];
    expect(given(won).when(cmd).thenThrows('DEAL.CLOSED').kind).toBe('conflict');
  });

  it.each(cases)('$type is refused on a lost deal', (cmd) => {
    given([...opened, stored({ type: 'DealClosedLost', data: { fromStageId: 'engaged', reason: 'no budget' } })])
      .when(cmd).thenThrows('DEAL.CLOSED');
  });

  it.each(cases)('$type needs evidence with a ref', (cmd) => {
    const blank = { ...cmd, data: { ...cmd.data, evidence: { kind: 'email', ref: '  ' } } } as DealCommand;
    expect(given(opened).when(blank).thenThrows('EVIDENCE.MISSING').kind).toBe('invalid');
    const none = { ...cmd, data: { ...cmd.data, evidence: undefined } } as DealCommand;
    given(opened).when(none).thenThrows('EVIDENCE.MISSING');
  });

  it('keeps only the evidence fields the schema knows', () => {
    const noisy = { kind: 'email', ref: '<m1@acme.example>', url: 'https://mail.example/m1', extra: 'x' } as never;
    given(opened).when(command('RecordBuyerResponded', { evidence: noisy }))
      .then([{ type: 'BuyerResponded', data: { evidence: { kind: 'email', ref: '<m1@acme.example>', url: 'https://mail.example/m1' } } }]);
  });

  it('refuses an unknown evidence kind', () => {
    given(opened).when(command('RecordBuyerResponded', { evidence: { kind: 'rumour' as never, ref: 'x' } })).thenThrows('EVIDENCE.KIND_UNKNOWN');
  });

  it('refuses a recap confirmation before the recap email was sent', () => {
    const error = given(opened).when(command('RecordRecapConfirmed', { evidence: proof })).thenThrows('DEAL.RECAP_NOT_SENT');
    expect(error.kind).toBe('conflict');
  });

  it('records the recap confirmation once the recap was sent', () => {
    given([...opened, stored({ type: 'RecapEmailSent', data: { evidence: evidence('email', '<recap@us.example>') } })])
      .when(command('RecordRecapConfirmed', { evidence: proof }))
      .then([{ type: 'RecapConfirmedByBuyer', data: { evidence: proof } }]);
  });

  it('validates the fact itself', () => {
    given(opened).when(command('NoteBudget', { minMinor: 3, maxMinor: 2, evidence: proof })).thenThrows('DEAL.INVALID_AMOUNT');
    given(opened).when(command('BookMeeting', { meetingId: 'm', scheduledFor: 'next week', evidence: proof })).thenThrows('TIME.INVALID');
    given(opened).when(command('AgreeTerms', { priceMinor: 1, paymentTerms: ' ', deliveryTimeline: 'Q2', evidence: proof }))
      .thenThrows('FIELD.REQUIRED');
  });

  it('does not let a support rep on the deal agree commercial terms', () => {
    const sue = { id: 'sue', roles: ['rep'] };
    const team = stored({ type: 'TeamMemberAdded', data: { userId: 'sue', role: 'support-rep' } });
    const agree = command('AgreeTerms', { priceMinor: 1, paymentTerms: 'net 30', deliveryTimeline: 'Q2', evidence: proof }, { actor: sue });
    expect(given([...opened, team]).when(agree).thenThrows('DEAL.COMMERCIAL_TERMS_FORBIDDEN').kind).toBe('forbidden');
  });
});
