import { Actor, DealCommandOf, DealCommandType, Evidence } from '@deals/domain';

/** One command of the demo data set, with who sends it and when it happened. */
export interface DemoStep<T extends DealCommandType = DealCommandType> {
  readonly key: string;
  readonly actor: Actor;
  readonly dealKey: string;
  readonly type: T;
  readonly data: DealCommandOf<T>['data'];
  readonly occurredAt: string;
}

const rep = (id: string): Actor => ({ id, roles: ['rep'] });
const MANAGER: Actor = { id: 'maria.manager', roles: ['manager'] };
const IMPLEMENTATION: Actor = { id: 'ivan.impl', roles: ['implementation'] };
const REPS = ['ana.ae', 'ben.ae', 'carla.ae'];
const ACCOUNTS = [
  ['Acme', 'manufacturing'], ['Globex', 'energy'], ['Initech', 'software'], ['Umbrella', 'healthcare'],
  ['Hooli', 'software'], ['Stark', 'manufacturing'], ['Wayne', 'finance'], ['Wonka', 'retail'],
  ['Tyrell', 'biotech'], ['Soylent', 'food'], ['Cyberdyne', 'defense'], ['Vandelay', 'logistics'],
] as const;

/** Where each demo deal ends up: spread over every stage, including after the close. */
const TARGETS = [
  ...Array(5).fill('engaged'), ...Array(5).fill('qualified'), ...Array(5).fill('product-evaluated'),
  ...Array(4).fill('proposal-reviewed'), ...Array(3).fill('terms-agreed'), ...Array(4).fill('closed-lost'),
  ...Array(3).fill('closed-won'), ...Array(2).fill('handed-to-implementation'),
  ...Array(2).fill('implementation-in-progress'), ...Array(3).fill('live'),
] as string[];

const ORDER = [
  'engaged', 'qualified', 'product-evaluated', 'proposal-reviewed', 'terms-agreed',
  'closed-won', 'handed-to-implementation', 'implementation-in-progress', 'live',
];

const DAY = 86_400_000;

/** The demo data set as a deterministic list of commands dated over the past months. */
export function demoPlan(now: Date): DemoStep[] {
  return TARGETS.flatMap((target, i) => dealSteps(i, target, now));
}

function dealSteps(i: number, target: string, now: Date): DemoStep[] {
  const [account, industry] = ACCOUNTS[i % ACCOUNTS.length];
  const owner = rep(REPS[i % REPS.length]);
  const dealKey = `demo-deal-${String(i).padStart(3, '0')}`;
  const steps: DemoStep[] = [];
  let t = now.getTime() - (150 - i * 2) * DAY;
  let n = 0;
  const at = () => {
    t += (1 + ((i * 7 + n * 3) % 4)) * DAY;
    return new Date(Math.min(t, now.getTime() - 60_000)).toISOString();
  };
  const ev = (kind: Evidence['kind'], what: string): Evidence => ({
    kind,
    ref: kind === 'email' ? `<${what}.${dealKey}@mail.${account.toLowerCase()}.example>` : `${what}-${dealKey}`,
  });
  const add = <T extends DealCommandType>(type: T, data: DealCommandOf<T>['data'], actor: Actor = owner) =>
    steps.push({ key: `${dealKey}-${String(n++).padStart(2, '0')}`, actor, dealKey, type, data, occurredAt: at() } as DemoStep);

  const core = 20_000_00 + ((i * 13_337_00) % 80_000_00);
  const productX = i % 2 === 0 ? 15_000_00 + ((i * 5_000_00) % 30_000_00) : 0;
  const lineItems = [{ productCode: 'CORE', amountMinor: core, quantity: 1 }];
  if (productX) lineItems.push({ productCode: 'X', amountMinor: productX, quantity: 1 });
  add('OpenDeal', {
    dealId: '', name: `${account} ${2026 + (i % 2)} rollout`, account: { name: account, industry },
    ownerId: owner.id, currency: 'EUR', expectedAmountMinor: core + productX, lineItems,
    team: [
      { userId: owner.id, role: 'account-executive' },
      ...(i % 3 === 0 ? [{ userId: 'sam.se', role: 'sales-engineer' as const }] : []),
      ...(i % 4 === 0 ? [{ userId: 'dora.sdr', role: 'sales-development-rep' as const }] : []),
    ],
  });
  const reach = target === 'closed-lost' ? ORDER[i % 4] : target;
  const upTo = ORDER.indexOf(reach);
  const advance = () => add('AdvanceStage', {});

  add('RecordContactMade', { channel: 'email', evidence: ev('email', 'intro') });
  if (upTo >= 1 || i % 2 === 0) add('RecordBuyerResponded', { evidence: ev('email', 'reply') });
  if (upTo >= 1) {
    add('BookMeeting', { meetingId: `cal-${dealKey}-1`, scheduledFor: new Date(t + 3 * DAY).toISOString(), evidence: ev('calendar', 'first-meeting') });
    advance();
    add('ConfirmDecisionMaker', { contactName: `Pat ${account}`, contactTitle: 'VP Operations', evidence: ev('meeting', 'discovery') });
    add('NoteBudget', { maxMinor: core + productX + 10_000_00, evidence: ev('email', 'budget') });
  }
  if (upTo >= 2) {
    add('NoteDecisionTimeframe', { decisionBy: new Date(t + 60 * DAY).toISOString().slice(0, 10), evidence: ev('meeting', 'discovery') });
    advance();
    add('RecordDemoHeld', { attended: true, questionsAnswered: true, evidence: ev('meeting', 'demo') });
    add('ScheduleNextMeeting', { meetingId: `cal-${dealKey}-2`, scheduledFor: new Date(t + 5 * DAY).toISOString(), evidence: ev('calendar', 'follow-up') });
    add('RecordRecapEmailSent', { evidence: ev('email', 'recap') });
  }
  if (upTo >= 3) {
    if (i % 5 === 3) {
      add('OverrideStage', { toStageId: 'proposal-reviewed', reason: 'Buyer confirmed the recap by phone; email reply pending' }, MANAGER);
    } else {
      add('RecordRecapConfirmed', { evidence: ev('email', 'recap-reply') });
      advance();
    }
    add('DeliverProposal', { evidence: { kind: 'document', ref: `proposal-${dealKey}.pdf`, url: `https://docs.example/proposals/${dealKey}` } });
  }
  if (upTo >= 4) {
    add('RecordProposalAcknowledged', { evidence: ev('email', 'proposal-ack') });
    advance();
  }
  if (upTo >= 5) {
    add('AgreeTerms', { priceMinor: core + productX, paymentTerms: 'Net 30', deliveryTimeline: 'Kick-off within 2 weeks', evidence: ev('email', 'terms') });
    add('SetCreditSplits', {
      revenue: [{ userId: owner.id, role: 'account-executive', shareBp: 10_000 }],
      overlay: i % 3 === 0 ? [{ userId: 'sam.se', role: 'sales-engineer', shareBp: 5000 }] : [],
    });
    add('CloseWon', { signedOrder: { kind: 'signature', ref: `order-${dealKey}` } });
  }
  if (upTo >= 6) add('HandToImplementation', { implementationLeadId: 'ivan.impl', customerSuccessManagerId: 'olivia.csm' }, IMPLEMENTATION);
  if (upTo >= 7) add('StartImplementation', { evidence: ev('meeting', 'kickoff') }, IMPLEMENTATION);
  if (upTo >= 8) add('GoLive', { evidence: ev('email', 'go-live') }, IMPLEMENTATION);
  if (target === 'closed-lost') add('CloseLost', { reason: ['No budget this year', 'Chose a competitor', 'Project cancelled', 'No decision'][i % 4] });
  return steps;
}
