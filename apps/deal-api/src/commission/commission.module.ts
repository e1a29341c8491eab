import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections/projections.module';
import { AssignmentsController } from './assignments/assignments.controller';
import { CommissionCommandHandler } from './commands/commission-command.handler';
import { DisputesController } from './disputes/disputes.controller';
import { PlansController } from './plans/plans.controller';
import { StatementsController } from './statements/statements.controller';

const controllers = [PlansController, AssignmentsController, DisputesController, StatementsController];

/** Commission plans, assignments, statements and disputes. */
@Module({
  imports: [ProjectionsModule],
  controllers,
  providers: [CommissionCommandHandler],
  exports: [CommissionCommandHandler],
})
export class CommissionModule {}
