import { Actor, DealCommandOf, DealCommandType, Evidence } from '@deals/domain';

/*
 * The buyer journey shared by the demo data and the benchmark's generated store: accounts,
 * where deals end up, amounts, and the commands from first contact to agreed terms.
 */

export const ACCOUNTS = [
  ['Acme', 'manufacturing'], ['Globex', 'energy'], ['Initech', 'software'], ['Umbrella', 'healthcare'],
  ['Hooli', 'software'], ['Stark', 'manufacturing'], ['Wayne', 'finance'], ['Wonka', 'retail'],
  ['Tyrell', 'biotech'], ['Soylent', 'food'], ['Cyberdyne', 'defense'], ['Vandelay', 'logistics'],
] as const;

/** Where deals end up: spread over every stage, including after the close. */
export const TARGETS = [
  ...Array(5).fill('engaged'), ...Array(5).fill('qualified'), ...Array(5).fill('product-evaluated'),
  ...Array(4).fill('proposal-reviewed'), ...Array(3).fill('terms-agreed'), ...Array(4).fill('closed-lost'),
  ...Array(3).fill('closed-won'), ...Array(2).fill('handed-to-implementation'),
  ...Array(2).fill('implementation-in-progress'), ...Array(3).fill('live'),
] as string[];

export const STAGE_ORDER = [
  'engaged', 'qualified', 'product-evaluated', 'proposal-reviewed', 'terms-agreed',
  'closed-won', 'handed-to-implementation', 'implementation-in-progress', 'live',
];

export const DAY = 86_400_000;

export const LOSS_REASONS = ['No budget this year', 'Chose a competitor', 'Project cancelled', 'No decision'];

/** Deal i's line items: a core licence, and product X on every other deal. */
export function dealAmounts(i: number) {
  const core = 20_000_00 + ((i * 13_337_00) % 80_000_00);
  const productX = i % 2 === 0 ? 15_000_00 + ((i * 5_000_00) % 30_000_00) : 0;
  const lineItems = [{ productCode: 'CORE', amountMinor: core, quantity: 1 }];
  if (productX) lineItems.push({ productCode: 'X', amountMinor: productX, quantity: 1 });
  return { totalMinor: core + productX, lineItems };
}

/** Evidence with a reference unique to the deal. */
export function evidenceOf(key: string, account: string) {
  return (kind: Evidence['kind'], what: string): Evidence => ({
    kind,
    ref: kind === 'email' ? `<${what}.${key}@mail.${account.toLowerCase()}.example>` : `${what}-${key}`,
  });
}

export type AddCommand = <T extends DealCommandType>(type: T, data: DealCommandOf<T>['data'], actor?: Actor) => void;

export interface Journey {
  readonly i: number;
  readonly key: string;
  readonly account: string;
  readonly totalMinor: number;
  /** Index in STAGE_ORDER of the furthest stage the deal reaches. */
  readonly upTo: number;
  readonly manager: Actor;
  /** Business time of the latest command, for meetings scheduled after it. */
  readonly now: () => number;
}

/** First contact to agreed terms, as far as `upTo`; a manager overrides the recap stage on some deals. */
export function addBuyerJourney(add: AddCommand, j: Journey): void {
  const { i, key, account, totalMinor, upTo } = j;
  const ev = evidenceOf(key, account);
  const advance = () => add('AdvanceStage', {});
  add('RecordContactMade', { channel: 'email', evidence: ev('email', 'intro') });
  if (upTo >= 1 || i % 2 === 0) add('RecordBuyerResponded', { evidence: ev('email', 'reply') });
  if (upTo >= 1) {
    add('BookMeeting', { meetingId: `cal-${key}-1`, scheduledFor: new Date(j.now() + 3 * DAY).toISOString(), evidence: ev('calendar', 'first-meeting') });
    advance();
    add('ConfirmDecisionMaker', { contactName: `Pat ${account}`, contactTitle: 'VP Operations', evidence: ev('meeting', 'discovery') });
    add('NoteBudget', { maxMinor: totalMinor + 10_000_00, evidence: ev('email', 'budget') });
  }
  if (upTo >= 2) {
    add('NoteDecisionTimeframe', { decisionBy: new Date(j.now() + 60 * DAY).toISOString().slice(0, 10), evidence: ev('meeting', 'discovery') });
    advance();
    add('RecordDemoHeld', { attended: true, questionsAnswered: true, evidence: ev('meeting', 'demo') });
    add('ScheduleNextMeeting', { meetingId: `cal-${key}-2`, scheduledFor: new Date(j.now() + 5 * DAY).toISOString(), evidence: ev('calendar', 'follow-up') });
    add('RecordRecapEmailSent', { evidence: ev('email', 'recap') });
  }
  if (upTo >= 3) {
    if (i % 5 === 3) {
      add('OverrideStage', { toStageId: 'proposal-reviewed', reason: 'Buyer confirmed the recap by phone; email reply pending' }, j.manager);
    } else {
      add('RecordRecapConfirmed', { evidence: ev('email', 'recap-reply') });
      advance();
    }
    add('DeliverProposal', { evidence: { kind: 'document', ref: `proposal-${key}.pdf`, url: `https://docs.example/proposals/${key}` } });
  }
  if (upTo >= 4) {
    add('RecordProposalAcknowledged', { evidence: ev('email', 'proposal-ack') });
    advance();
  }
  if (upTo >= 5) {
    add('AgreeTerms', { priceMinor: totalMinor, paymentTerms: 'Net 30', deliveryTimeline: 'Kick-off within 2 weeks', evidence: ev('email', 'terms') });
  }
}
