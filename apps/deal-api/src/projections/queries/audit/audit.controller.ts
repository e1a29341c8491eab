import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DealIdPipe } from '../../../deals/commands/shared/deal-id.pipe';
import { AuditPageDto } from '../period.dto';
import { GetDealTimelineQuery, GetPersonDealsQuery } from './audit.query';

/** Who worked which deal: a deal's full timeline, and every deal a person worked. */
@Controller('audit')
export class AuditController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('deals/:dealId')
  timeline(@Param('dealId', DealIdPipe) dealId: string, @Query() q: AuditPageDto) {
    return this.queryBus.execute(new GetDealTimelineQuery(dealId, q));
  }

  @Get('people/:personId')
  person(@Param('personId') personId: string, @Query() q: AuditPageDto) {
    return this.queryBus.execute(new GetPersonDealsQuery(personId, q));
  }
}
