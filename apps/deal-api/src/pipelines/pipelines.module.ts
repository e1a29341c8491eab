import { Global, Module } from '@nestjs/common';
import { DealsModule } from '../deals/deals.module';
import { PipelineVersionsController } from './commands/pipeline-versions.controller';
import { LivePipelineCatalog } from './live-pipeline-catalog';
import { MigrationsController } from './migrations/migrations.controller';
import { PipelineCommandHandler } from './pipeline-command.handler';
import { PipelinesController } from './queries/pipelines.controller';
import { WhatIfController } from './what-if/what-if.controller';

const commandControllers = [PipelineVersionsController, MigrationsController];
const queryControllers = [PipelinesController, WhatIfController];
const services = [LivePipelineCatalog, PipelineCommandHandler];

/** Pipeline definitions: published versions, the in-memory catalog every deal command reads, migrations of open deals, what-if comparisons. */
@Global()
@Module({
  imports: [DealsModule],
  controllers: [...commandControllers, ...queryControllers],
  providers: services,
  exports: [LivePipelineCatalog],
})
export class PipelinesModule {}
