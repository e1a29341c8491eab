import { Command } from '@nestjs/cqrs';
import { CommissionCommand } from '@deals/domain';
import { CommissionAggregate } from '@deals/domain';
import { CommandResult } from '../../command-pipeline/handle-command';

export type { CommissionAggregate };

export class ExecuteCommissionCommand extends Command<CommandResult> {
  constructor(
    readonly aggregate: CommissionAggregate,
    readonly id: string,
    readonly command: CommissionCommand,
    readonly requestHash: string,
    readonly idempotencyKey?: string,
  ) {
    super();
  }

  get streamId(): string {
    return `${this.aggregate}-${this.id}`;
  }
}
