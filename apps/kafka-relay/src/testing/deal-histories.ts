import { randomUUID } from 'node:crypto';
import { createDealDecider, DealCommand, DealEvent } from '@deals/domain';
import { EventStore } from '@deals/event-store';

const decider = createDealDecider();
const actor = { id: 'ana.ae', roles: ['rep'] };
const evidence = (ref: string) => ({ kind: 'email' as const, ref });

/** The commands of one deal's early life: opened with its team, buyer replied, meeting booked, advanced, contact. */
function commandsFor(dealId: string): Omit<DealCommand, 'metadata'>[] {
  return [
    {
      type: 'OpenDeal',
      data: {
        dealId, name: `Deal ${dealId.slice(0, 8)}`, account: { name: 'Acme' }, ownerId: actor.id, currency: 'EUR',
        expectedAmountMinor: 1_000_000, team: [{ userId: actor.id, role: 'account-executive' }],
      },
    },
    { type: 'RecordBuyerResponded', data: { evidence: evidence(`<reply-${dealId}@acme.example>`) } },
    { type: 'BookMeeting', data: { meetingId: `m-${dealId}`, scheduledFor: '2030-01-01T10:00:00Z', evidence: evidence(`<invite-${dealId}@acme.example>`) } },
    { type: 'AdvanceStage', data: {} },
    { type: 'RecordContactMade', data: { channel: 'email', evidence: evidence(`<follow-up-${dealId}@us.example>`) } },
  ] as Omit<DealCommand, 'metadata'>[];
}

export interface RecordedHistories {
  readonly dealIds: readonly string[];
  /** How many events the commands recorded in the deal streams. */
  readonly events: number;
}

/**
 * Runs every deal's commands through the deal decider and appends the events with the expected
 * revision, one command of each deal in turn, so the deals' events interleave in `$all`.
 * Also appends one event to a stream that is not a deal's, which must not be published.
 */
export async function recordDealHistories(store: EventStore, deals: number): Promise<RecordedHistories> {
  const dealIds = Array.from({ length: deals }, () => randomUUID());
  const plans = dealIds.map((id) => ({ id, commands: commandsFor(id), events: [] as DealEvent[] }));
  let events = 0;
  for (let step = 0; plans.some((p) => step < p.commands.length); step++) {
    for (const plan of plans) {
      const next = plan.commands[step];
      if (!next) continue;
      const commandId = randomUUID();
      const now = new Date().toISOString();
      const command = { ...next, metadata: { commandId, actor, now } } as DealCommand;
      const state = plan.events.reduce(decider.evolve, decider.initialState());
      const decided = decider.decide(command, state);
      await store.append(
        `deal-${plan.id}`,
        decided.map((e) => ({
          eventId: randomUUID(),
          type: e.type,
          schemaVersion: 1,
          data: e.data,
          metadata: { actor, commandId, correlationId: commandId, causationId: commandId, occurredAt: now },
        })),
        { expectedRevision: plan.events.length === 0 ? 'no_stream' : plan.events.length - 1 },
      );
      plan.events.push(...decided);
      events += decided.length;
    }
    if (step === 0) {
      await store.append('demo-dataset', [{ eventId: randomUUID(), type: 'DemoDataLoaded', data: {}, metadata: { actor } }]);
    }
  }
  return { dealIds, events };
}

/**
 * Appends to a deal an event the deal-lifecycle.v1 mapping refuses (a schema version it does not
 * know, as a newer writer would store): a poison event for the relay.
 */
export async function appendPoisonEvent(store: EventStore, dealId: string): Promise<{ eventId: string; position: number; revision: number }> {
  const eventId = randomUUID();
  const occurredAt = new Date().toISOString();
  const { position, nextExpectedRevision } = await store.append(
    `deal-${dealId}`,
    [{ eventId, type: 'BuyerResponded', schemaVersion: 2, data: { evidence: { kind: 'email', ref: '<v2@acme.example>' } }, metadata: { actor, occurredAt } }],
    { expectedRevision: 'stream_exists' },
  );
  return { eventId, position, revision: nextExpectedRevision };
}
