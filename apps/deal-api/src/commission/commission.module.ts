import { Module } from '@nestjs/common';
import { AssignmentsController } from './assignments/assignments.controller';
import { CommissionCommandSender } from './commands/commission-command.sender';
import { ExecuteCommissionCommandHandler } from './commands/execute-commission-command.handler';
import { DisputesController } from './disputes/disputes.controller';
import { PlansController } from './plans/plans.controller';
import { StatementsController } from './statements/statements.controller';

const controllers = [PlansController, AssignmentsController, DisputesController, StatementsController];

/** Commission plans, assignments, statements and disputes. */
@Module({
  controllers,
  providers: [CommissionCommandSender, ExecuteCommissionCommandHandler],
  exports: [CommissionCommandSender],
})
export class CommissionModule {}
