import { Command } from '@nestjs/cqrs';
import { DealCommand } from '@deals/domain';
import { CommandResult } from '../../../command-pipeline/handle-command';

/** Carries one domain command for one deal through the CommandBus. */
export class ExecuteDealCommand extends Command<CommandResult> {
  constructor(
    readonly dealId: string,
    readonly command: DealCommand,
    readonly requestHash: string,
    readonly idempotencyKey?: string,
    readonly expectedRevision?: number,
  ) {
    super();
  }
}
