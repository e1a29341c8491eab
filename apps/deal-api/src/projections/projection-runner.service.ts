import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { Projection, ProjectionDatabase, ProjectionRunner } from '@deals/projections';
import { PROJECTION_DATABASE, PROJECTIONS } from './projections.tokens';

/** Owns the runner's lifecycle: started with the app, stopped (and its database closed) with it. */
@Injectable()
export class ProjectionRunnerService extends ProjectionRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(PROJECTION_DATABASE) private readonly database: ProjectionDatabase,
    @Inject(PROJECTIONS) projections: Projection<unknown>[],
  ) {
    const logger = new Logger('Projections');
    super(store, database, projections, { log: (m) => logger.log(m) });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
    this.database.close();
  }
}
