import { ApiTags } from '@nestjs/swagger';
import { Controller, Get, Inject } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { ApiPublic, ApiRead } from '../openapi/api-operations';
import { HealthSchema } from '../openapi/schemas';
import { Public } from '../request-context/actor.guard';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Public()
  @Get()
  @ApiPublic()
  @ApiRead('Liveness and the store\'s head position (no token needed)', HealthSchema, { 503: ['STORE.UNAVAILABLE'] })
  async health() {
    return { status: 'ok', headPosition: await this.store.headPosition() };
  }
}
