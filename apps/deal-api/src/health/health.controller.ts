import { ApiTags } from '@nestjs/swagger';
import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { RelayService } from '@deals/kafka-relay';
import { EMBEDDED_RELAY } from '../integrations/kafka/embedded-relay.module';
import { ApiPublic, ApiRead } from '../openapi/api-operations';
import { HealthSchema } from '../openapi/schemas';
import { Public } from '../request-context/actor.guard';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(EMBEDDED_RELAY) private readonly relay?: RelayService,
  ) {}

  @Public()
  @Get()
  @ApiPublic()
  @ApiRead('Liveness, the store\'s head position and, with the Kafka relay embedded, its status (no token needed)', HealthSchema, { 503: ['STORE.UNAVAILABLE'] })
  async health() {
    const headPosition = await this.store.headPosition();
    // A stalled relay does not make the API unhealthy: it is reported, not a 503.
    return { status: 'ok', headPosition, ...(this.relay ? { relay: this.relay.status() } : {}) };
  }
}
