import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { threadId } from 'node:worker_threads';
import { EventStore } from '@deals/event-store';
import { Projection, ProjectionDatabase, ProjectionRunner } from '@deals/projections';
import { HostedProjectionStatus, ProjectionHost } from './projection-host';

/** The runner on the request loop (PROJECTIONS_THREAD=main): started with the app, stopped (and its database closed) with it. */
export class ProjectionRunnerService extends ProjectionRunner implements ProjectionHost, OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    store: EventStore,
    private readonly database: ProjectionDatabase,
    projections: readonly Projection<unknown>[],
  ) {
    const logger = new Logger('Projections');
    super(store, database, projections, { log: (m) => logger.log(m) });
  }

  override async status(): Promise<HostedProjectionStatus[]> {
    return (await super.status()).map((s) => ({ ...s, thread: 'main', threadId }));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
    this.database.close();
  }
}
