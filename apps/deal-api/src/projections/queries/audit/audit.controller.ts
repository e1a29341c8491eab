import { ApiTags } from '@nestjs/swagger';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { Access } from '../../../auth/access.decorator';
import { QueryBus } from '@nestjs/cqrs';
import { DealIdPipe } from '../../../deals/commands/shared/deal-id.pipe';
import { ApiDealId, ApiPersonId, ApiReadModelQuery } from '../../../openapi/api-operations';
import { DEAL_ID, PERSON_READ, READ_MODEL } from '../../../openapi/error-codes';
import { AuditPageDto } from '../period.dto';
import { GetDealTimelineQuery, GetPersonDealsQuery } from './audit.query';

/** Who worked which deal: a deal's full timeline, and every deal a person worked. */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('deals/:dealId')
  @Access('deal:read')
  @ApiDealId()
  @ApiReadModelQuery(
    'A deal\'s full timeline: each event with its actor, both times, its evidence and a summary',
    READ_MODEL, DEAL_ID, { 403: ['AUTH.PERMISSION_DENIED'], 404: ['DEAL.NOT_FOUND'] },
  )
  timeline(@Param('dealId', DealIdPipe) dealId: string, @Query() q: AuditPageDto) {
    return this.queryBus.execute(new GetDealTimelineQuery(dealId, q));
  }

  @Get('people/:personId')
  @Access('person:read')
  @ApiPersonId()
  @ApiReadModelQuery('Every deal a person worked: roles held, what they recorded, where they were named', PERSON_READ, { 404: ['PERSON.NOT_FOUND'] })
  person(@Param('personId') personId: string, @Query() q: AuditPageDto) {
    return this.queryBus.execute(new GetPersonDealsQuery(personId, q));
  }
}
