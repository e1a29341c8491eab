import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { authorizedDealDecider, createDealDecider, Relations } from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { StreamStateCache } from '@deals/command-pipeline';
import { LiveUserDirectory } from '../../../auth/user-directory';
import { CommandResult, handleCommand } from '../../../command-pipeline/handle-command';
import { dealStreamId } from '../../deal-stream';
import { ExecuteDealCommand } from './execute-deal-command.command';

@CommandHandler(ExecuteDealCommand)
export class ExecuteDealCommandHandler implements ICommandHandler<ExecuteDealCommand, CommandResult> {
  private readonly decider = createDealDecider();
  /** Deals recently commanded, folded: a command reads only the events after the cached revision. */
  private readonly folded = new StreamStateCache();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LiveUserDirectory) private readonly relations: Relations,
  ) {}

  execute(c: ExecuteDealCommand): Promise<CommandResult> {
    // Every deal command is authorised against the folded deal, before decide, by the access table.
    return handleCommand(this.store, authorizedDealDecider(this.relations, c.dealId, this.decider), dealStreamId(c.dealId), c.command, {
      requestHash: c.requestHash,
      idempotencyKey: c.idempotencyKey,
      expectedRevision: c.expectedRevision,
      cache: this.folded,
    });
  }
}
