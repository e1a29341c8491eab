import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections/projections.module';
import { AssignmentsController } from './assignments/assignments.controller';
import { CommissionCommandHandler } from './commands/commission-command.handler';
import { DisputesController } from './disputes/disputes.controller';
import { PayeesController } from './payees/payees.controller';
import { PeriodsController } from './periods/periods.controller';
import { PlansController } from './plans/plans.controller';
import { StatementsController } from './statements/statements.controller';

const controllers = [PlansController, AssignmentsController, DisputesController, StatementsController, PeriodsController, PayeesController];

/** Commission plans, assignments, statements, disputes and periods, and the payees of a period. */
@Module({
  imports: [ProjectionsModule],
  controllers,
  providers: [CommissionCommandHandler],
  exports: [CommissionCommandHandler],
})
export class CommissionModule {}
