import { Command } from '@nestjs/cqrs';
import { CommissionCommand } from '@deals/domain';
import { CommandResult } from '../../command-pipeline/handle-command';

/** Which aggregate a commission command is for; each has its own stream category. */
export type CommissionAggregate = 'plan' | 'assignment' | 'dispute';

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
