import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DealIdPipe } from '../../commands/shared/deal-id.pipe';
import { RevisionHeadersInterceptor } from '../../commands/shared/revision-headers.interceptor';
import { GetDealDto } from './get-deal.dto';
import { GetDealQuery } from './get-deal.query';

@Controller('deals')
@UseInterceptors(RevisionHeadersInterceptor)
export class GetDealController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The deal's current state, its stage and which exit criteria are met or missing. */
  @Get(':dealId')
  get(@Param('dealId', DealIdPipe) dealId: string, @Query() q: GetDealDto) {
    return this.queryBus.execute(new GetDealQuery(dealId, q.asOf));
  }
}
