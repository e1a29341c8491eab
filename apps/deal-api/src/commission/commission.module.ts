import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections/projections.module';
import { AssignmentsController } from './assignments/assignments.controller';
import { CommissionCommandHandler } from './commands/commission-command.handler';
import { DisputesController } from './disputes/disputes.controller';
import { PeriodsController } from './periods/periods.controller';
import { PlansController } from './plans/plans.controller';
import { StatementsController } from './statements/statements.controller';

const controllers = [PlansController, AssignmentsController, DisputesController, StatementsController, PeriodsController];

/** Commission plans, assignments, statements, disputes and periods. */
@Module({
  imports: [ProjectionsModule],
  controllers,
  providers: [CommissionCommandHandler],
  exports: [CommissionCommandHandler],
})
export class CommissionModule {}
