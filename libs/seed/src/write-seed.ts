import { commandIdFor, handleCommand } from '@deals/command-pipeline';
import {
  authorizedCommissionDecider, authorizedDealDecider, authorizedUserDecider, Command, commissionStreamId, dealStreamId, createDealDecider, Decider, DomainEvent, Relations,
  relationsOf, userStreamId,
} from '@deals/domain';
import { EventStore } from '@deals/event-store';
import { actorOf } from './deal-script';
import { approveWithFirstAllowed } from './seed-approvals';
import { SeedDataset, stepsUntil } from './seed-dataset';
import { SeedPerson } from './seed-org';

export interface SeedProgress {
  readonly dealsDone: number;
  readonly dealCount: number;
  readonly commands: number;
  readonly events: number;
}

export interface WriteSeedOptions {
  /** Deals written at the same time; their appends share group commits. Default 64. */
  readonly concurrency?: number;
  /** The engine's clock for the commands; steps after it are not written. Default: now. */
  readonly now?: Date;
  readonly onProgress?: (progress: SeedProgress) => void;
}

export interface SeedSummary extends SeedProgress {
  readonly users: number;
  readonly plans: number;
  readonly assignments: number;
  /** Commands that found their own events already in the stream (a re-run writes nothing twice). */
  readonly replayed: number;
  readonly durationMs: number;
}

type AnyDecider = Decider<unknown, Command, DomainEvent>;

/**
 * Writes a data set through the one command path — the same deciders, access checks and
 * idempotency as the API — with backdated business times. Every command has an idempotency key,
 * so running the same seed again writes nothing new.
 */
export async function writeSeed(store: EventStore, dataset: SeedDataset, options: WriteSeedOptions = {}): Promise<SeedSummary> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const counts = { commands: 0, events: 0, replayed: 0, dealsDone: 0 };
  const send = async (decider: AnyDecider, streamId: string, actor: SeedPerson | Command['metadata']['actor'], key: string, type: string, data: unknown, occurredAt?: string) => {
    const who = 'userId' in actor ? actorOf(actor) : actor;
    const command = { type, data, metadata: { commandId: commandIdFor(who.id, key), actor: who, now: now.toISOString(), occurredAt } } as Command;
    const result = await handleCommand(store, decider, streamId, command, { idempotencyKey: key });
    counts.commands++;
    if (result.replayed) counts.replayed++;
    else counts.events += result.events.length;
    return { result, commandId: command.metadata.commandId };
  };

  const users = authorizedUserDecider() as unknown as AnyDecider;
  const { org } = dataset;
  const relations = seedRelations(dataset);
  for (const person of org.people) {
    const { userId, name, roles, managerId } = person;
    await send(users, userStreamId(userId), org.admin, `seed-${dataset.seed}-user-${userId}`, 'RegisterUser', { userId, name, roles: [...roles], ...(managerId ? { managerId } : {}) });
  }
  for (const plan of dataset.plans) {
    await send(authorizedCommissionDecider(relations, 'plan') as unknown as AnyDecider, commissionStreamId('plan', plan.planId), org.finance, `seed-${dataset.seed}-plan-${plan.planId}-${plan.version}`, 'PublishPlanVersion', plan);
  }
  for (const a of dataset.assignments) {
    await send(authorizedCommissionDecider(relations, 'assignment') as unknown as AnyDecider, commissionStreamId('assignment', a.userId), org.finance, `seed-${dataset.seed}-assignment-${a.userId}`, 'AssignPlan', a);
  }

  const dealDecider = createDealDecider();
  let next = 0;
  let failed = false;
  const worker = async () => {
    // After one failure the other workers stop taking deals, so the error is reported promptly.
    while (!failed && next < dataset.dealCount) {
      const script = stepsUntil(dataset.deal(next++), now.getTime());
      for (const step of script.steps) {
        try {
          const deals = authorizedDealDecider(relations, script.dealId, dealDecider) as unknown as AnyDecider;
          const sent = await send(deals, dealStreamId(script.dealId), step.actor, step.key, step.type, step.data, step.occurredAt);
          if (sent.result.events.some((e) => e.type === 'DealChangeProposed')) {
            await approveWithFirstAllowed(script.approvers, (approver) => send(deals, dealStreamId(script.dealId), approver, `${step.key}-approval`,
              'ReviewDealChange', { proposalId: sent.commandId, decision: 'approve', reason: 'Approved when it happened (seed history)' }));
          }
          if (sent.result.events.some((e) => e.type === 'DealDeskApprovalRequested')) {
            await approveWithFirstAllowed(script.approvers, (approver) => send(deals, dealStreamId(script.dealId), approver, `${step.key}-deal-desk`,
              'DecideDealDesk', { requestId: sent.commandId, decision: 'approve', reason: 'Approved when it happened (seed history)' }));
          }
        } catch (error) {
          failed = true;
          throw new Error(`seed deal #${script.index} (${script.dealId}) step ${step.key} ${step.type}: ${(error as Error).message}`, { cause: error });
        }
      }
      counts.dealsDone++;
      options.onProgress?.({ ...counts, dealCount: dataset.dealCount });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 64) }, worker));
  return {
    ...counts, dealCount: dataset.dealCount, users: org.people.length, plans: dataset.plans.length,
    assignments: dataset.assignments.length, durationMs: Date.now() - started,
  };
}

/** The reporting lines of the data set's people, as the API's user directory would know them. */
export function seedRelations(dataset: SeedDataset): Relations {
  return relationsOf(new Map(dataset.org.people.map((person) => [person.userId, person.managerId])));
}
