import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, Param, Post, UseInterceptors } from '@nestjs/common';
import { Access } from '../../../auth/access.decorator';
import { Ctx, RequestContext } from '../../../request-context/request-context.decorator';
import { DealCommandHandler } from '../deal-command.handler';
import { DealIdPipe } from '../shared/deal-id.pipe';
import { toLineItems } from '../shared/money.dto';
import { RevisionHeadersInterceptor } from '../shared/revision-headers.interceptor';
import { ApiDealCommand, ApiDealId } from '../../../openapi/api-operations';
import { AFTER_STAGE_ENTERED, AMOUNT_WITH_LINE_ITEMS, BACKDATED, DEAL_COMMAND, EVIDENCE, JSON_BODY, OPEN_DEAL } from '../../../openapi/error-codes';
import { CloseWonDto, ReasonDto } from './close.dto';

/** Closing a deal won or lost, and reversing a win. */
@ApiTags('close')
@ApiDealId()
@Controller('deals/:dealId')
@UseInterceptors(RevisionHeadersInterceptor)
export class CloseController {
  constructor(private readonly commands: DealCommandHandler) {}

  @Post('close-won')
  @Access('deal:CloseWon')
  @ApiDealCommand(
    {
      summary: 'Close the deal won, with the signed order',
      description: 'Refused while the latest terms agreed wait for the deal desk or were rejected by it (409, naming the request).',
    },
    JSON_BODY, DEAL_COMMAND, BACKDATED, OPEN_DEAL, EVIDENCE, AMOUNT_WITH_LINE_ITEMS, AFTER_STAGE_ENTERED,
    { 409: ['DEAL.INVALID_TRANSITION', 'DEAL.EXIT_CRITERIA_UNMET', 'DEAL.DEAL_DESK_APPROVAL_PENDING', 'DEAL.DEAL_DESK_REJECTED'] },
  )
  won(@Param('dealId', DealIdPipe) id: string, @Body() b: CloseWonDto, @Ctx() ctx: RequestContext) {
    const data = {
      signedOrder: b.signedOrder,
      amountMinor: b.amount === undefined ? undefined : { decimal: b.amount },
      lineItems: toLineItems(b.lineItems),
    };
    return this.commands.handle(ctx, id, 'CloseWon', data, b.occurredAt);
  }

  @Post('close-lost')
  @Access('deal:CloseLost')
  @ApiDealCommand('Close the deal lost, with the reason', JSON_BODY, DEAL_COMMAND, BACKDATED, OPEN_DEAL, EVIDENCE, AFTER_STAGE_ENTERED, { 400: ['DEAL.REASON_REQUIRED'] })
  lost(@Param('dealId', DealIdPipe) id: string, @Body() b: ReasonDto, @Ctx() ctx: RequestContext) {
    return this.commands.handle(ctx, id, 'CloseLost', { reason: b.reason, evidence: b.evidence }, b.occurredAt);
  }

  @Post('reversal')
  @Access('deal:ReverseWonDeal')
  @ApiDealCommand(
    'Reverse a win (e.g. the contract was cancelled)',
    JSON_BODY, DEAL_COMMAND, BACKDATED, EVIDENCE,
    { 400: ['DEAL.REASON_REQUIRED', 'TIME.OCCURRED_BEFORE_STAGE_ENTERED'], 409: ['DEAL.INVALID_TRANSITION', 'DEAL.ALREADY_REVERSED'] },
  )
  reverse(@Param('dealId', DealIdPipe) id: string, @Body() b: ReasonDto, @Ctx() ctx: RequestContext) {
    return this.commands.handle(ctx, id, 'ReverseWonDeal', { reason: b.reason, evidence: b.evidence }, b.occurredAt);
  }
}
