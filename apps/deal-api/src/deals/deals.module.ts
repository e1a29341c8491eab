import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections/projections.module';
import { ApprovalsController } from './approvals/approvals.controller';
import { ChangesController } from './approvals/changes.controller';
import { DealDeskController } from './approvals/deal-desk.controller';
import { CloseController } from './commands/close/close.controller';
import { CreditSplitsController } from './commands/credit-splits/credit-splits.controller';
import { CustomFactsController } from './commands/custom-facts/custom-facts.controller';
import { PipelineMigrationController } from './commands/pipeline-migration/pipeline-migration.controller';
import { EngagementController } from './commands/engagement/engagement.controller';
import { EvaluationController } from './commands/evaluation/evaluation.controller';
import { OpenDealController } from './commands/open-deal/open-deal.controller';
import { PostCloseController } from './commands/post-close/post-close.controller';
import { ProposalController } from './commands/proposal/proposal.controller';
import { QualificationController } from './commands/qualification/qualification.controller';
import { DealCommandHandler } from './commands/deal-command.handler';
import { StageController } from './commands/stage/stage.controller';
import { TeamController } from './commands/team/team.controller';
import { GetDealEventsController } from './queries/get-deal-events/get-deal-events.controller';
import { GetDealEventsHandler } from './queries/get-deal-events/get-deal-events.handler';
import { GetDealController } from './queries/get-deal/get-deal.controller';
import { GetDealHandler } from './queries/get-deal/get-deal.handler';
import { TeamOffersController } from './queries/team-offers/team-offers.controller';

/** Every deal command route (the bench serves these alone, on Express or Fastify: bench/servers/nest-command.module.ts). */
export const commandControllers = [
  OpenDealController, EngagementController, QualificationController, EvaluationController,
  ProposalController, StageController, CloseController, PostCloseController, TeamController, CreditSplitsController,
  ChangesController, DealDeskController, CustomFactsController, PipelineMigrationController,
];
const queryControllers = [GetDealController, GetDealEventsController, ApprovalsController, TeamOffersController];
const queryHandlers = [GetDealHandler, GetDealEventsHandler];

@Module({
  imports: [ProjectionsModule],
  controllers: [...commandControllers, ...queryControllers],
  providers: [DealCommandHandler, ...queryHandlers],
  exports: [DealCommandHandler],
})
export class DealsModule {}
