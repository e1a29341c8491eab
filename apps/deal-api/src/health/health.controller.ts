import { ApiTags } from '@nestjs/swagger';
import { Controller, Get, Inject, Optional, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { DomainError } from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { RelayService, RelayStatus } from '@deals/kafka-relay';
import { API_CONFIG, ApiConfig } from '../config/api-config';
import { operationsSettingsOf } from '../config/operations-settings';
import { EMBEDDED_RELAY } from '../integrations/kafka/embedded-relay.module';
import { ApiPublic, ApiRead } from '../openapi/api-operations';
import { HealthCheckSchema, HealthSchema } from '../openapi/schemas';
import { ProjectionHost } from '../projections/projection-host';
import { Public } from '../request-context/actor.guard';
import { Readiness } from './readiness';

/** `/health/live` for restarts, `/health/ready` for load balancers, `/health` as before (the store's head). */
@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly maxLag: number;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(API_CONFIG) config: ApiConfig,
    private readonly health: HealthCheckService,
    private readonly readiness: Readiness,
    private readonly runner: ProjectionHost,
    @Optional() @Inject(EMBEDDED_RELAY) private readonly relay?: RelayService,
  ) {
    this.maxLag = operationsSettingsOf(config).readyMaxProjectionLag;
  }

  @Public()
  @Get()
  @ApiPublic()
  @ApiRead('The store answers, its head position and, with the Kafka relay embedded, its status (no token needed)', HealthSchema, { 503: ['STORE.UNAVAILABLE'] })
  async headPosition() {
    const headPosition = await this.store.headPosition();
    // A stalled relay does not make the API unhealthy: it is reported, not a 503.
    return { status: 'ok', headPosition, ...(this.relay ? { relay: publicRelayStatus(this.relay.status()) } : {}) };
  }

  @Public()
  @Get('live')
  @ApiPublic()
  @ApiRead('Liveness: the process answers (no token, no store read); restart it when this fails', HealthCheckSchema, {})
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Public()
  @Get('ready')
  @ApiPublic()
  @ApiRead(
    'Readiness: the store answers a read and every projection is less than READY_MAX_PROJECTION_LAG positions behind (no token needed); send traffic only while 200',
    HealthCheckSchema,
    { 503: ['HEALTH.NOT_READY'] },
  )
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.readiness.store(this.store),
        async () => this.readiness.projections(await this.runner.status(), this.maxLag),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      throw new DomainError('HEALTH.NOT_READY', 'unavailable', `Not ready: ${Object.keys(result.error ?? {}).join(', ')}`, { ...result });
    }
  }
}

/**
 * The relay's status for an endpoint anyone may call: where it stands and which event stops it,
 * without the failure's text (it may quote stored data or broker addresses: the log has it).
 */
function publicRelayStatus(status: RelayStatus): RelayStatus {
  const { stall, failure, ...rest } = status;
  return {
    ...rest,
    ...(stall ? { stall: { ...stall, reason: 'see the relay log' } } : {}),
    ...(failure ? { failure: { ...failure, reason: 'see the relay log' } } : {}),
  };
}
