import { ApiTags } from '@nestjs/swagger';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { Access } from '../../../auth/access.decorator';
import { QueryBus } from '@nestjs/cqrs';
import { DealIdPipe } from '../../commands/shared/deal-id.pipe';
import { ApiDealId, ApiRead } from '../../../openapi/api-operations';
import { DEAL_READ } from '../../../openapi/error-codes';
import { DealEventsPageSchema } from '../../../openapi/schemas';
import { GetDealEventsDto } from './get-deal-events.dto';
import { GetDealEventsQuery } from './get-deal-events.query';

@ApiTags('reads')
@Controller('deals')
export class GetDealEventsController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The deal's stored events with their full metadata: actor, both times, evidence, hashes. */
  @Get(':dealId/events')
  @Access('deal:read')
  @ApiDealId()
  @ApiRead('A deal\'s stored events with their full metadata, page by page', DealEventsPageSchema, DEAL_READ)
  list(@Param('dealId', DealIdPipe) dealId: string, @Query() q: GetDealEventsDto) {
    return this.queryBus.execute(new GetDealEventsQuery(dealId, q.fromRevision, q.limit));
  }
}
