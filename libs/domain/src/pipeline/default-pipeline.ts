import { allOf, fact } from './fact-predicate';
import { PipelineDefinition } from './pipeline-definition';

/**
 * The default buyer-centric pipeline: each open stage ends with something the buyer did,
 * recorded with evidence. Stuck thresholds follow a typical B2B cycle of one to three months.
 */
export const DEFAULT_PIPELINE: PipelineDefinition = {
  id: 'default',
  version: 1,
  name: 'Buyer-centric default',
  stages: [
    {
      id: 'engaged', name: 'Engaged', phase: 'open', probability: 0.1, stuckAfterDays: 14,
      exitCriteria: [
        { id: 'buyer-responded', label: 'Buyer responded to first contact', buyerOutcome: 'The buyer replied to our outreach', requires: fact('BuyerResponded') },
        { id: 'first-meeting-booked', label: 'First meeting booked', buyerOutcome: 'The buyer accepted a first meeting', requires: fact('MeetingBooked') },
      ],
    },
    {
      id: 'qualified', name: 'Qualified', phase: 'open', probability: 0.2, stuckAfterDays: 21,
      exitCriteria: [
        { id: 'decision-maker-confirmed', label: 'Decision maker confirmed', buyerOutcome: 'We know and have spoken with the person who decides', requires: fact('DecisionMakerConfirmed') },
        { id: 'budget-noted', label: 'Budget noted', buyerOutcome: 'The buyer shared their budget range', requires: fact('BudgetNoted') },
        { id: 'decision-timeframe-noted', label: 'Decision timeframe noted', buyerOutcome: 'The buyer told us when they will decide', requires: fact('DecisionTimeframeNoted') },
      ],
    },
    {
      id: 'product-evaluated', name: 'Product evaluated', phase: 'open', probability: 0.4, stuckAfterDays: 21,
      exitCriteria: [
        { id: 'demo-attended', label: 'Demo attended and questions answered', buyerOutcome: 'The buyer attended the demo and got answers to their questions', requires: fact('DemoHeld', { attended: true, questionsAnswered: true }) },
        { id: 'next-meeting-scheduled', label: 'Next meeting scheduled', buyerOutcome: 'Before the call ended, the buyer scheduled the next meeting', requires: fact('NextMeetingScheduled') },
        { id: 'recap-confirmed', label: 'Recap confirmed by buyer', buyerOutcome: 'The buyer replied to the recap email confirming what was discussed and the next steps', requires: allOf(fact('RecapEmailSent'), fact('RecapConfirmedByBuyer')) },
      ],
    },
    {
      id: 'proposal-reviewed', name: 'Proposal reviewed', phase: 'open', probability: 0.6, stuckAfterDays: 21,
      exitCriteria: [
        { id: 'proposal-delivered', label: 'Proposal delivered', buyerOutcome: 'The buyer received the proposal', requires: fact('ProposalDelivered') },
        { id: 'proposal-acknowledged', label: 'Proposal acknowledged', buyerOutcome: 'The buyer acknowledged the proposal', requires: fact('ProposalAcknowledged') },
      ],
    },
    {
      id: 'terms-agreed', name: 'Terms agreed', phase: 'open', probability: 0.8, stuckAfterDays: 14,
      exitCriteria: [
        { id: 'terms-agreed', label: 'Price, payment terms and delivery timeline agreed', buyerOutcome: 'The buyer agreed price, payment terms and delivery timeline', requires: fact('TermsAgreed') },
      ],
    },
    { id: 'closed-won', name: 'Closed won', phase: 'won', probability: 1, exitCriteria: [] },
    { id: 'closed-lost', name: 'Closed lost', phase: 'lost', probability: 0, exitCriteria: [] },
    { id: 'handed-to-implementation', name: 'Handed to implementation', phase: 'post-close', probability: 1, stuckAfterDays: 5, exitCriteria: [] },
    { id: 'implementation-in-progress', name: 'Implementation in progress', phase: 'post-close', probability: 1, stuckAfterDays: 30, exitCriteria: [] },
    { id: 'live', name: 'Live', phase: 'post-close', probability: 1, exitCriteria: [] },
  ],
};
