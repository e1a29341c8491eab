import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Controller, Get, Param, Query, Req, UseInterceptors } from '@nestjs/common';
import { Request } from 'express';
import { Access } from '../../../auth/access.decorator';
import { QueryBus } from '@nestjs/cqrs';
import { DealIdPipe } from '../../commands/shared/deal-id.pipe';
import { RevisionHeadersInterceptor } from '../../commands/shared/revision-headers.interceptor';
import { ApiErrors } from '../../../openapi/api-errors';
import { ApiDealId } from '../../../openapi/api-operations';
import { DEAL_READ } from '../../../openapi/error-codes';
import { DealViewSchema } from '../../../openapi/schemas';
import { GetDealDto } from './get-deal.dto';
import { GetDealQuery } from './get-deal.query';

@ApiTags('reads')
@Controller('deals')
@UseInterceptors(RevisionHeadersInterceptor)
export class GetDealController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The deal's current state, its stage and which exit criteria are met or missing. */
  @Get(':dealId')
  @Access('deal:read')
  @ApiDealId()
  @ApiOperation({ summary: 'A deal: its state, its stage and which exit criteria are met or missing' })
  @ApiErrors(DEAL_READ)
  @ApiResponse({
    status: 200,
    type: DealViewSchema,
    headers: {
      ETag: { description: 'The deal\'s stream revision, for If-Match.', schema: { type: 'string' } },
      'X-Global-Position': { description: 'Global position of the last event read.', schema: { type: 'string' } },
    },
  })
  get(@Param('dealId', DealIdPipe) dealId: string, @Query() q: GetDealDto, @Req() req: Request) {
    return this.queryBus.execute(new GetDealQuery(dealId, q.asOf, req.dealStream));
  }
}
