import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Server } from 'node:http';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { LiveSubscribers } from '../projections/live/live-subscribers';
import { ProjectionHost } from '../projections/projection-host';
import { RequestsInFlight } from './requests-in-flight';

/** How long projections get to apply what was committed before the runner stops. */
const PROJECTION_CATCH_UP_MS = 5_000;

/**
 * The API's part of a SIGTERM, before Nest closes the server and the modules: stop accepting
 * connections, end live feeds (`server-shutdown`, with a retry delay), let requests in flight
 * (commands) finish within SHUTDOWN_GRACE_MS, then let the projections apply what those
 * commands committed; every projection's checkpoint is committed with its batch.
 */
@Injectable()
export class GracefulShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  constructor(
    private readonly adapter: HttpAdapterHost,
    private readonly inFlight: RequestsInFlight,
    private readonly live: LiveSubscribers,
    private readonly runner: ProjectionHost,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject('SHUTDOWN_GRACE_MS') private readonly graceMs: number,
  ) {}

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    const server = this.adapter.httpAdapter?.getHttpServer() as Server | undefined;
    if (signal) this.logger.log(`${signal}: stopping; ${this.inFlight.size} requests in flight, ${this.live.list().length} live feeds`);
    if (server?.listening) server.close();
    this.live.closeAll();
    server?.closeIdleConnections();
    if (!(await this.inFlight.drained(this.graceMs))) {
      this.logger.warn(`${this.inFlight.size} requests still in flight after ${this.graceMs} ms; closing their connections`);
    }
    server?.closeAllConnections();
    try {
      const head = await this.store.headPosition();
      if (!(await this.runner.waitForPosition(head, PROJECTION_CATCH_UP_MS))) this.logger.warn(`projections did not reach position ${head}; they resume from their checkpoints`);
    } catch (error) {
      this.logger.warn(`could not wait for the projections: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
