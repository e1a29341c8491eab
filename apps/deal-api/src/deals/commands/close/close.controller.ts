import { Body, Controller, Param, Post, UseInterceptors } from '@nestjs/common';
import { parseMoneyToMinor } from '@deals/domain';
import { Ctx, RequestContext } from '../../../request-context/request-context.decorator';
import { DealCommandSender } from '../shared/deal-command.sender';
import { DealIdPipe } from '../shared/deal-id.pipe';
import { toLineItems } from '../shared/money.dto';
import { RevisionHeadersInterceptor } from '../shared/revision-headers.interceptor';
import { CloseWonDto, ReasonDto } from './close.dto';

/** Closing a deal won or lost, and reversing a win. */
@Controller('deals/:dealId')
@UseInterceptors(RevisionHeadersInterceptor)
export class CloseController {
  constructor(private readonly sender: DealCommandSender) {}

  @Post('close-won')
  won(@Param('dealId', DealIdPipe) id: string, @Body() b: CloseWonDto, @Ctx() ctx: RequestContext) {
    const data = {
      signedOrder: b.signedOrder,
      amountMinor: b.amount === undefined ? undefined : parseMoneyToMinor(b.amount),
      lineItems: toLineItems(b.lineItems),
    };
    return this.sender.send(ctx, id, 'CloseWon', data, b.occurredAt);
  }

  @Post('close-lost')
  lost(@Param('dealId', DealIdPipe) id: string, @Body() b: ReasonDto, @Ctx() ctx: RequestContext) {
    return this.sender.send(ctx, id, 'CloseLost', { reason: b.reason, evidence: b.evidence }, b.occurredAt);
  }

  @Post('reversal')
  reverse(@Param('dealId', DealIdPipe) id: string, @Body() b: ReasonDto, @Ctx() ctx: RequestContext) {
    return this.sender.send(ctx, id, 'ReverseWonDeal', { reason: b.reason, evidence: b.evidence }, b.occurredAt);
  }
}
