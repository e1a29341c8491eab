import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { EventStore } from '@deals/event-store';
import { ProjectionStatus } from '@deals/projections';

/** The checks behind /health/ready: the store answers a read, and no projection is too far behind. */
@Injectable()
export class Readiness {
  constructor(private readonly indicators: HealthIndicatorService) {}

  async store(store: EventStore): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('store');
    try {
      return check.up({ headPosition: await store.headPosition() });
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Down while a projection is too far behind, or stopped (its worker thread exited and is being started again). */
  projections(statuses: readonly ProjectionStatus[], maxLag: number): HealthIndicatorResult {
    const behind = statuses.filter((s) => s.lag >= maxLag);
    const stopped = statuses.filter((s) => s.state === 'stopped');
    const details = Object.fromEntries(statuses.map((s) => [s.name, { position: s.position, lag: s.lag, state: s.state }]));
    const check = this.indicators.check('projections');
    if (stopped.length) return check.down({ maxLag, behind: behind.map((s) => s.name), stopped: stopped.map((s) => s.name), ...details });
    return behind.length ? check.down({ maxLag, behind: behind.map((s) => s.name), ...details }) : check.up({ maxLag, ...details });
  }
}
