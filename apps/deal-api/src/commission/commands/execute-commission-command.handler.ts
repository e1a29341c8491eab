import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { authorizedCommissionDecider, Relations } from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { LiveUserDirectory } from '../../auth/user-directory';
import { CommandResult, handleCommand } from '../../command-pipeline/handle-command';
import { ExecuteCommissionCommand } from './execute-commission-command.command';

/** Plans, assignments and disputes go through the same command path as deals, behind the access table. */
@CommandHandler(ExecuteCommissionCommand)
export class ExecuteCommissionCommandHandler implements ICommandHandler<ExecuteCommissionCommand, CommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LiveUserDirectory) private readonly relations: Relations,
  ) {}

  execute(c: ExecuteCommissionCommand): Promise<CommandResult> {
    return handleCommand(this.store, authorizedCommissionDecider(this.relations, c.aggregate), c.streamId, c.command, {
      requestHash: c.requestHash, idempotencyKey: c.idempotencyKey,
    });
  }
}
