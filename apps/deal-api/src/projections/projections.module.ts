import { Module } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ProjectionDatabase, ProjectionRunner, projectionsFor } from '@deals/projections';
import { LivePipelineCatalog } from '../pipelines/live-pipeline-catalog';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { ProjectionsAdminController } from './admin/projections-admin.controller';
import { LiveFeedController } from './live/live-feed.controller';
import { LiveSubscribers } from './live/live-subscribers';
import { ProjectionRunnerService } from './projection-runner.service';
import { PROJECTION_DATABASE, PROJECTIONS } from './projections.tokens';
import { AccountTeamsController } from './queries/account-teams/account-teams.controller';
import { AuditController } from './queries/audit/audit.controller';
import { GetDealTimelineHandler, GetPersonDealsHandler } from './queries/audit/audit.handler';
import { PipelineController } from './queries/pipeline/pipeline.controller';
import { PostCloseController } from './queries/post-close/post-close.controller';
import { KpisController } from './queries/kpis/kpis.controller';
import { ReadScope } from './queries/read-model/read-scope';
import { ReadModelSource } from './read-model.source';

const queryControllers = [PipelineController, PostCloseController, AuditController, AccountTeamsController, KpisController];
const queryHandlers = [GetDealTimelineHandler, GetPersonDealsHandler];

function openProjectionDatabase(config: ApiConfig): ProjectionDatabase {
  if (config.dataDir === ':memory:') return new ProjectionDatabase(':memory:');
  mkdirSync(config.dataDir, { recursive: true });
  return new ProjectionDatabase(join(config.dataDir, 'projections.db'));
}

@Module({
  controllers: [ProjectionsAdminController, LiveFeedController, ...queryControllers],
  providers: [
    // Deals on a published version get its stage names and probabilities.
    { provide: PROJECTIONS, inject: [LivePipelineCatalog], useFactory: (catalog: LivePipelineCatalog) => projectionsFor(catalog) },
    { provide: PROJECTION_DATABASE, inject: [API_CONFIG], useFactory: openProjectionDatabase },
    ProjectionRunnerService,
    // Tools that start the application (the benchmark) find the runner by the library's class.
    { provide: ProjectionRunner, useExisting: ProjectionRunnerService },
    ReadModelSource,
    ReadScope,
    LiveSubscribers,
    ...queryHandlers,
  ],
  exports: [LiveSubscribers, ReadScope, ReadModelSource, ProjectionRunner],
})
export class ProjectionsModule {}
