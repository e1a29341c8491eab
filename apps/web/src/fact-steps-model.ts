import { FactStep, FieldDef, FormValues, isoOf, optional, text } from './fact-form-model';

/**
 * The forms that record a deal's buyer facts: each exit criterion of the default pipeline
 * (libs/domain/src/pipeline/default-pipeline.ts) names the commands that satisfy it, each command
 * its fields (docs/api.md).
 */

const meeting = (v: FormValues) => ({ meetingId: text(v, 'meetingId'), scheduledFor: isoOf(text(v, 'scheduledFor')) ?? text(v, 'scheduledFor') });
const MEETING_FIELDS: readonly FieldDef[] = [
  { name: 'meetingId', label: 'Meeting id (calendar)', kind: 'text', required: true },
  { name: 'scheduledFor', label: 'Meeting on', kind: 'datetime', required: true },
];

/** Every command that records a fact with its evidence, by name. */
export const FACT_STEPS: Readonly<Record<string, FactStep>> = {
  RecordBuyerResponded: {
    command: 'RecordBuyerResponded', fact: 'BuyerResponded', title: 'The buyer responded', path: 'buyer-responses', submit: 'Record the response',
    fields: [], body: () => ({}), evidence: 'required', evidenceKind: 'email',
  },
  BookMeeting: {
    command: 'BookMeeting', fact: 'MeetingBooked', title: 'First meeting booked', path: 'meetings', submit: 'Record the meeting',
    fields: MEETING_FIELDS, body: meeting, evidence: 'required', evidenceKind: 'calendar',
  },
  ConfirmDecisionMaker: {
    command: 'ConfirmDecisionMaker', fact: 'DecisionMakerConfirmed', title: 'Decision maker confirmed', path: 'decision-maker', submit: 'Record the decision maker',
    fields: [
      { name: 'contactName', label: 'Decision maker (name)', kind: 'text', required: true },
      { name: 'contactTitle', label: 'Their title', kind: 'text' },
    ],
    body: (v) => ({ contactName: text(v, 'contactName'), ...optional(v, 'contactTitle') }), evidence: 'required', evidenceKind: 'meeting',
  },
  NoteBudget: {
    command: 'NoteBudget', fact: 'BudgetNoted', title: 'Budget noted', path: 'budget', submit: 'Record the budget',
    fields: [
      { name: 'min', label: 'Budget from', kind: 'money' },
      { name: 'max', label: 'Budget up to', kind: 'money', required: true },
    ],
    body: (v) => ({ ...optional(v, 'min'), max: text(v, 'max') }), evidence: 'required', evidenceKind: 'email',
  },
  NoteDecisionTimeframe: {
    command: 'NoteDecisionTimeframe', fact: 'DecisionTimeframeNoted', title: 'Decision timeframe noted', path: 'decision-timeframe', submit: 'Record the timeframe',
    fields: [{ name: 'decisionBy', label: 'Decides by', kind: 'date', required: true }],
    body: (v) => ({ decisionBy: text(v, 'decisionBy') }), evidence: 'required', evidenceKind: 'email',
  },
  RecordDemoHeld: {
    command: 'RecordDemoHeld', fact: 'DemoHeld', title: 'Demo held', path: 'demos', submit: 'Record the demo',
    fields: [
      { name: 'attended', label: 'The buyer attended', kind: 'checkbox', initial: true },
      { name: 'questionsAnswered', label: 'Their questions were answered', kind: 'checkbox', initial: true },
    ],
    body: (v) => ({ attended: v.attended === true, questionsAnswered: v.questionsAnswered === true }), evidence: 'required', evidenceKind: 'meeting',
  },
  ScheduleNextMeeting: {
    command: 'ScheduleNextMeeting', fact: 'NextMeetingScheduled', title: 'Next meeting scheduled', path: 'next-meetings', submit: 'Record the next meeting',
    fields: MEETING_FIELDS, body: meeting, evidence: 'required', evidenceKind: 'calendar',
  },
  RecordRecapEmailSent: {
    command: 'RecordRecapEmailSent', fact: 'RecapEmailSent', title: 'Recap email sent', path: 'recap-emails', submit: 'Record the recap email',
    fields: [], body: () => ({}), evidence: 'required', evidenceKind: 'email',
  },
  RecordRecapConfirmed: {
    command: 'RecordRecapConfirmed', fact: 'RecapConfirmedByBuyer', title: 'The buyer confirmed the recap', path: 'recap-confirmations', submit: 'Record the confirmation',
    fields: [], body: () => ({}), evidence: 'required', evidenceKind: 'email',
  },
  DeliverProposal: {
    command: 'DeliverProposal', fact: 'ProposalDelivered', title: 'Proposal delivered', path: 'proposals', submit: 'Record the proposal',
    fields: [], body: () => ({}), evidence: 'required', evidenceKind: 'document',
  },
  RecordProposalAcknowledged: {
    command: 'RecordProposalAcknowledged', fact: 'ProposalAcknowledged', title: 'Proposal acknowledged', path: 'proposal-acknowledgements', submit: 'Record the acknowledgement',
    fields: [], body: () => ({}), evidence: 'required', evidenceKind: 'email',
  },
  AgreeTerms: {
    command: 'AgreeTerms', fact: 'TermsAgreed', title: 'Terms agreed', path: 'terms', submit: 'Record the terms',
    fields: [
      { name: 'price', label: 'Price', kind: 'money', required: true },
      { name: 'paymentTerms', label: 'Payment terms', kind: 'text', required: true, hint: 'e.g. Net 30' },
      { name: 'deliveryTimeline', label: 'Delivery timeline', kind: 'text', required: true },
    ],
    body: (v) => ({ price: text(v, 'price'), paymentTerms: text(v, 'paymentTerms'), deliveryTimeline: text(v, 'deliveryTimeline') }),
    evidence: 'required', evidenceKind: 'document',
  },
};

/** Which commands satisfy each exit criterion of the default pipeline, in the order they happen. */
export const CRITERION_STEPS: Readonly<Record<string, readonly string[]>> = {
  'buyer-responded': ['RecordBuyerResponded'],
  'first-meeting-booked': ['BookMeeting'],
  'decision-maker-confirmed': ['ConfirmDecisionMaker'],
  'budget-noted': ['NoteBudget'],
  'decision-timeframe-noted': ['NoteDecisionTimeframe'],
  'demo-attended': ['RecordDemoHeld'],
  'next-meeting-scheduled': ['ScheduleNextMeeting'],
  'recap-confirmed': ['RecordRecapEmailSent', 'RecordRecapConfirmed'],
  'proposal-delivered': ['DeliverProposal'],
  'proposal-acknowledged': ['RecordProposalAcknowledged'],
  'terms-agreed': ['AgreeTerms'],
};

/**
 * The forms a missing criterion offers: its steps not yet recorded (a recap already sent leaves
 * only the buyer's confirmation). Empty for a criterion no form knows.
 */
export function stepsFor(criterionId: string, recorded: readonly string[] = []): readonly FactStep[] {
  const steps = (CRITERION_STEPS[criterionId] ?? []).map((name) => FACT_STEPS[name]);
  const left = steps.filter((s) => !s.fact || !recorded.includes(s.fact));
  // Recording again is allowed (the latest counts): when every step is recorded yet the criterion is missing, offer them all.
  return left.length ? left : steps;
}
