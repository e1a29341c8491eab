import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { authorizedDecider, authorizeDealCommand, createDealDecider } from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { AccessDenialRecorder } from '../../../auth/access-denial.recorder';
import { StreamStateCache } from '@deals/command-pipeline';
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
    private readonly denials: AccessDenialRecorder,
  ) {}

  execute(c: ExecuteDealCommand): Promise<CommandResult> {
    // Every deal command is authorised here, against the folded deal, before decide; a denial is recorded.
    const decider = authorizedDecider(this.decider, (command, state) =>
      authorizeDealCommand(command.type, command.metadata.actor, state, c.dealId));
    return this.denials.recording(() =>
      handleCommand(this.store, decider, dealStreamId(c.dealId), c.command, {
        requestHash: c.requestHash,
        idempotencyKey: c.idempotencyKey,
        expectedRevision: c.expectedRevision,
        cache: this.folded,
      }));
  }
}
