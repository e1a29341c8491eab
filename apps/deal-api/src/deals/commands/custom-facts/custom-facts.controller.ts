import { ApiParam, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Param, Post, UseInterceptors } from '@nestjs/common';
import { Access } from '../../../auth/access.decorator';
import { ApiDealCommand, ApiDealId } from '../../../openapi/api-operations';
import { BUYER_FACT } from '../../../openapi/error-codes';
import { Ctx, RequestContext } from '../../../request-context/request-context.decorator';
import { DealCommandHandler } from '../deal-command.handler';
import { DealIdPipe } from '../shared/deal-id.pipe';
import { RevisionHeadersInterceptor } from '../shared/revision-headers.interceptor';
import { BuyerFactDto, FACT_TYPE_PARAM } from './buyer-fact.dto';

/** Buyer facts of the types sales-ops declare in a pipeline version: one route for all of them. */
@ApiTags('deals')
@ApiDealId()
@Controller('deals/:dealId/facts')
@UseInterceptors(RevisionHeadersInterceptor)
export class CustomFactsController {
  constructor(private readonly commands: DealCommandHandler) {}

  @Post(':factType')
  @Access('deal:RecordBuyerFact')
  @ApiParam(FACT_TYPE_PARAM)
  @ApiDealCommand(
    'Record a buyer fact of a type the deal\'s pipeline version declares',
    BUYER_FACT,
    { 400: ['DEAL.FACT_INVALID'], 404: ['DEAL.FACT_TYPE_UNKNOWN'] },
  )
  record(@Param('dealId', DealIdPipe) id: string, @Param('factType') factType: string, @Body() b: BuyerFactDto, @Ctx() ctx: RequestContext) {
    return this.commands.handle(ctx, id, 'RecordBuyerFact', { factType, attributes: b.attributes ?? {}, evidence: b.evidence }, b.occurredAt);
  }
}
