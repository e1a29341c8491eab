import { Logger, Module } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { Projection, ProjectionDatabase, projectionsFor } from '@deals/projections';
import { StoreCommits } from '../infrastructure/store-commits';
import { LivePipelineCatalog } from '../pipelines/live-pipeline-catalog';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { ProjectionsAdminController } from './admin/projections-admin.controller';
import { LiveFeedController } from './live/live-feed.controller';
import { LiveSubscribers } from './live/live-subscribers';
import { ProjectionHost } from './projection-host';
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
import { startProjectionsWorker } from './worker/start-worker';
import { WorkerProjectionHost } from './worker/worker-projection-host';

const queryControllers = [PipelineController, PostCloseController, AuditController, AccountTeamsController, KpisController];
const queryHandlers = [GetDealTimelineHandler, GetPersonDealsHandler];

function openProjectionDatabase(config: ApiConfig): ProjectionDatabase {
  if (config.dataDir === ':memory:') return new ProjectionDatabase(':memory:');
  mkdirSync(config.dataDir, { recursive: true });
  return new ProjectionDatabase(join(config.dataDir, 'projections.db'));
}

/**
 * Folds on the request loop unless PROJECTIONS_THREAD=worker on a store on disk (a worker cannot
 * open this thread's in-memory databases).
 */
function projectionHost(config: ApiConfig, store: EventStore, db: ProjectionDatabase, projections: Projection<unknown>[], commits: StoreCommits): ProjectionHost {
  if ((config.projectionsThread ?? 'main') === 'main') return new ProjectionRunnerService(store, db, projections);
  if (config.dataDir === ':memory:') {
    new Logger('Projections').log('the store is in memory: projections fold on the main thread');
    return new ProjectionRunnerService(store, db, projections);
  }
  const setup = { dataDir: config.dataDir, eventStoreConnectionString: config.eventStoreConnectionString };
  return new WorkerProjectionHost(store, db, projections, commits, { setup, start: startProjectionsWorker });
}

@Module({
  controllers: [ProjectionsAdminController, LiveFeedController, ...queryControllers],
  providers: [
    // Deals on a published version get its stage names and probabilities.
    { provide: PROJECTIONS, inject: [LivePipelineCatalog], useFactory: (catalog: LivePipelineCatalog) => projectionsFor(catalog) },
    { provide: PROJECTION_DATABASE, inject: [API_CONFIG], useFactory: openProjectionDatabase },
    { provide: ProjectionHost, inject: [API_CONFIG, EVENT_STORE, PROJECTION_DATABASE, PROJECTIONS, StoreCommits], useFactory: projectionHost },
    ReadModelSource,
    ReadScope,
    LiveSubscribers,
    ...queryHandlers,
  ],
  exports: [LiveSubscribers, ReadScope, ReadModelSource, ProjectionHost],
})
export class ProjectionsModule {}
