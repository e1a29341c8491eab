import { Controller, Get, Inject } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { Public } from '../request-context/actor.guard';

@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Public()
  @Get()
  async health() {
    return { status: 'ok', headPosition: await this.store.headPosition() };
  }
}
