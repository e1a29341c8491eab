import type { DealEventType } from '../deal/deal.events';

/** The deal events that record a fact about the buyer (or the rep's contact with them). */
export const FACT_KEYS = [
  'ContactMade',
  'BuyerResponded',
  'MeetingBooked',
  'DecisionMakerConfirmed',
  'BudgetNoted',
  'DecisionTimeframeNoted',
  'DemoHeld',
  'NextMeetingScheduled',
  'RecapEmailSent',
  'RecapConfirmedByBuyer',
  'ProposalDelivered',
  'ProposalAcknowledged',
  'TermsAgreed',
] as const satisfies readonly DealEventType[];

export type FactKey = (typeof FACT_KEYS)[number];

export function isFactKey(value: unknown): value is FactKey {
  return typeof value === 'string' && (FACT_KEYS as readonly string[]).includes(value);
}
