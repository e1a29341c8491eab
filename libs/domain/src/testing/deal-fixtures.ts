import { DealCommandOf, DealCommandType } from '../deal/deal.commands';
import { DealEvent } from '../deal/deal.events';
import { Evidence, EvidenceKind } from '../shared/evidence';
import { Actor } from '../shared/message';

/** Fixed clock for deal specs: opened on 1 March 2026, commands arrive on 20 March. */
export const OPENED_AT = '2026-03-01T09:00:00.000Z';
export const NOW = '2026-03-20T12:00:00.000Z';

export const ana: Actor = { id: 'ana', roles: ['rep'] };
export const mia: Actor = { id: 'mia', roles: ['manager'] };

export const evidence = (kind: EvidenceKind, ref: string): Evidence => ({ kind, ref });

export interface CommandOptions {
  readonly actor?: Actor;
  readonly now?: string;
  readonly occurredAt?: string;
}

/** A deal command with engine metadata, typed by its command type. */
export function command<T extends DealCommandType>(
  type: T, data: DealCommandOf<T>['data'], options: CommandOptions = {},
): DealCommandOf<T> {
  return {
    type, data,
    metadata: {
      commandId: `cmd-${type}`, actor: options.actor ?? ana, now: options.now ?? NOW,
      ...(options.occurredAt === undefined ? {} : { occurredAt: options.occurredAt }),
    },
  } as DealCommandOf<T>;
}

/** An event as read back from the store, with business time `occurredAt`. */
export function stored(event: DealEvent, occurredAt = OPENED_AT, actor: Actor = ana): DealEvent {
  return {
    ...event,
    metadata: {
      actor, commandId: `cmd-${event.type}`, correlationId: 'corr-1', causationId: `cmd-${event.type}`,
      occurredAt, recordedAt: occurredAt,
    },
  } as DealEvent;
}

export const dealOpened = (stageId = 'engaged', version = 1): DealEvent => ({
  type: 'DealOpened',
  data: {
    dealId: 'deal-acme', name: 'Acme platform', account: { name: 'Acme', industry: 'manufacturing' },
    ownerId: 'ana', currency: 'EUR', expectedAmountMinor: 10_000_000,
    lineItems: [
      { productCode: 'CORE', amountMinor: 6_000_000, quantity: 1 },
      { productCode: 'X', amountMinor: 4_000_000, quantity: 1 },
    ],
    pipeline: { id: 'default', version }, stageId,
  },
});

/** The buyer facts that satisfy each default stage's exit criteria. */
export const FACTS_FOR: Readonly<Record<string, readonly DealEvent[]>> = {
  engaged: [
    { type: 'BuyerResponded', data: { evidence: evidence('email', '<reply-1@acme.example>') } },
    { type: 'MeetingBooked', data: { meetingId: 'm-1', scheduledFor: '2026-03-03T10:00:00Z', evidence: evidence('calendar', 'cal-1') } },
  ],
  qualified: [
    { type: 'DecisionMakerConfirmed', data: { contactName: 'Carla Ruiz', contactTitle: 'CFO', evidence: evidence('meeting', 'm-1') } },
    { type: 'BudgetNoted', data: { minMinor: 8_000_000, maxMinor: 12_000_000, evidence: evidence('email', '<budget@acme.example>') } },
    { type: 'DecisionTimeframeNoted', data: { decisionBy: '2026-03-31', evidence: evidence('meeting', 'm-1') } },
  ],
  'product-evaluated': [
    { type: 'DemoHeld', data: { attended: true, questionsAnswered: true, evidence: evidence('meeting', 'demo-1') } },
    { type: 'NextMeetingScheduled', data: { meetingId: 'm-2', scheduledFor: '2026-03-12T10:00:00Z', evidence: evidence('calendar', 'cal-2') } },
    { type: 'RecapEmailSent', data: { evidence: evidence('email', '<recap@us.example>') } },
    { type: 'RecapConfirmedByBuyer', data: { evidence: evidence('email', '<re-recap@acme.example>') } },
  ],
  'proposal-reviewed': [
    { type: 'ProposalDelivered', data: { evidence: evidence('document', 'https://docs.example/proposal-1') } },
    { type: 'ProposalAcknowledged', data: { evidence: evidence('email', '<ack@acme.example>') } },
  ],
  'terms-agreed': [
    { type: 'TermsAgreed', data: { priceMinor: 10_000_000, paymentTerms: 'net 30', deliveryTimeline: 'Q2 2026', evidence: evidence('email', '<terms@acme.example>') } },
  ],
};

const OPEN_STAGES = ['engaged', 'qualified', 'product-evaluated', 'proposal-reviewed', 'terms-agreed'];

/** A stored history: opened, then every stage before `stageId` met and advanced, all at OPENED_AT. */
export function historyAt(stageId: string): DealEvent[] {
  const events: DealEvent[] = [dealOpened()];
  for (const [index, stage] of OPEN_STAGES.entries()) {
    if (stage === stageId) break;
    events.push(...FACTS_FOR[stage], {
      type: 'StageAdvanced',
      data: { fromStageId: stage, toStageId: OPEN_STAGES[index + 1], satisfiedBy: [] },
    });
  }
  return events.map((event) => stored(event));
}
