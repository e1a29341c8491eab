import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { createDealDecider } from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { CommandResult, handleCommand } from '../../../command-pipeline/handle-command';
import { dealStreamId } from '../../deal-stream';
import { ExecuteDealCommand } from './execute-deal-command.command';

@CommandHandler(ExecuteDealCommand)
export class ExecuteDealCommandHandler implements ICommandHandler<ExecuteDealCommand, CommandResult> {
  private readonly decider = createDealDecider();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(c: ExecuteDealCommand): Promise<CommandResult> {
    return handleCommand(this.store, this.decider, dealStreamId(c.dealId), c.command, {
      requestHash: c.requestHash,
      idempotencyKey: c.idempotencyKey,
      expectedRevision: c.expectedRevision,
    });
  }
}
