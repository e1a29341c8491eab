import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DealIdPipe } from '../../commands/shared/deal-id.pipe';
import { GetDealEventsDto } from './get-deal-events.dto';
import { GetDealEventsQuery } from './get-deal-events.query';

@Controller('deals')
export class GetDealEventsController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The deal's stored events with their full metadata: actor, both times, evidence, hashes. */
  @Get(':dealId/events')
  list(@Param('dealId', DealIdPipe) dealId: string, @Query() q: GetDealEventsDto) {
    return this.queryBus.execute(new GetDealEventsQuery(dealId, q.fromRevision, q.limit));
  }
}
