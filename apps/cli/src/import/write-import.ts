import { commandIdFor, handleCommand } from '@deals/command-pipeline';
import { Actor, authorizedDealDecider, createDealDecider, DealCommand, dealStreamId, DomainError, PipelineCatalog, Relations } from '@deals/domain';
import { EventStore } from '@deals/event-store';
import { ImportPlan } from './import-plan';
import { RowProblem } from './source-deal';

export interface ImportResult {
  readonly deals: number;
  readonly events: number;
  /** Commands whose events were already in the store (the same export imported before). */
  readonly replayed: number;
  /** Changes that waited for approval (a close dated back, splits naming others) and the approver approved. */
  readonly approved: number;
  /** Terms the deal desk held (the CRM's terms are not recorded, so never readable as days) and the approver approved. */
  readonly dealDeskApproved: number;
  readonly problems: readonly RowProblem[];
}

/**
 * Sends each plan's commands through the one command path, deal by deal (several deals at once).
 * Idempotency keys come from the source ids, so importing the same export again writes nothing.
 * A command the domain refuses is a problem on its source line; a deal that cannot be opened is skipped.
 */
export async function writeImport(
  store: EventStore, plans: readonly ImportPlan[], actor: Actor, relations: Relations,
  options: { now?: Date; concurrency?: number; onDeal?: (done: number) => void; approver?: Actor; catalog?: PipelineCatalog } = {},
): Promise<ImportResult> {
  const dealDecider = createDealDecider(options.catalog);
  const now = (options.now ?? new Date()).toISOString();
  const problems: RowProblem[] = [];
  let events = 0;
  let replayed = 0;
  let approved = 0;
  let dealDeskApproved = 0;
  let deals = 0;
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < plans.length) {
      const plan = plans[next++];
      for (const step of plan.steps) {
        const command = {
          type: step.type, data: step.data,
          metadata: { commandId: commandIdFor(actor.id, step.key), actor, now, occurredAt: step.occurredAt, correlationId: plan.correlationId, causationId: step.causationId },
        } as DealCommand;
        try {
          const decider = authorizedDealDecider(relations, plan.dealId, dealDecider);
          const result = await handleCommand(store, decider, dealStreamId(plan.dealId), command, { idempotencyKey: step.key });
          if (result.replayed) replayed++;
          else events += result.events.length;
          // What waits for approval in the imported history, the approver approves as it happened.
          const approve = async (suffix: string, type: string, data: object) => {
            const key = `${step.key}-${suffix}`;
            const answer = await handleCommand(store, decider, dealStreamId(plan.dealId), {
              type, data,
              metadata: { commandId: commandIdFor(options.approver!.id, key), actor: options.approver!, now, correlationId: plan.correlationId, causationId: step.causationId },
            } as DealCommand, { idempotencyKey: key });
            if (!answer.replayed) events += answer.events.length;
          };
          const requestId = command.metadata.commandId;
          if (options.approver && result.events.some((e) => e.type === 'DealChangeProposed')) {
            await approve('approval', 'ReviewDealChange', { proposalId: requestId, decision: 'approve', reason: 'Imported history' });
            approved++;
          }
          if (options.approver && result.events.some((e) => e.type === 'DealDeskApprovalRequested')) {
            await approve('deal-desk', 'DecideDealDesk', { requestId, decision: 'approve', reason: 'Imported history: the deal closed with these terms in the CRM' });
            dealDeskApproved++;
          }
          if (step.type === 'OpenDeal') deals++;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          problems.push({ line: step.line, reason: `${step.type} refused: ${error.code}: ${error.message}` });
          if (step.type === 'OpenDeal') break;
        }
      }
      options.onDeal?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 32) }, worker));
  return { deals, events, replayed, approved, dealDeskApproved, problems };
}
