import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, Param, Post, UseInterceptors } from '@nestjs/common';
import { Access } from '../../../auth/access.decorator';
import { Ctx, RequestContext } from '../../../request-context/request-context.decorator';
import { DealCommandHandler } from '../deal-command.handler';
import { DealIdPipe } from '../shared/deal-id.pipe';
import { EvidenceFactDto } from '../shared/fact.dto';
import { toLineItems } from '../shared/money.dto';
import { RevisionHeadersInterceptor } from '../shared/revision-headers.interceptor';
import { ApiDealCommand, ApiDealId } from '../../../openapi/api-operations';
import { AMOUNT_WITH_LINE_ITEMS, BACKDATED, BUYER_FACT, DEAL_COMMAND, JSON_BODY, MONEY, OPEN_DEAL } from '../../../openapi/error-codes';
import { ChangeAmountDto, TermsDto } from './proposal.dto';

/** Stages "Proposal reviewed" and "Terms agreed", and changes to the deal's amount. */
@ApiTags('deals')
@ApiDealId()
@Controller('deals/:dealId')
@UseInterceptors(RevisionHeadersInterceptor)
export class ProposalController {
  constructor(private readonly commands: DealCommandHandler) {}

  @Post('proposals')
  @Access('deal:DeliverProposal')
  @ApiDealCommand('Record the proposal delivered', BUYER_FACT)
  delivered(@Param('dealId', DealIdPipe) id: string, @Body() b: EvidenceFactDto, @Ctx() ctx: RequestContext) {
    return this.commands.handle(ctx, id, 'DeliverProposal', { evidence: b.evidence }, b.occurredAt);
  }

  @Post('proposal-acknowledgements')
  @Access('deal:RecordProposalAcknowledged')
  @ApiDealCommand('Record the buyer acknowledging the proposal', BUYER_FACT)
  acknowledged(@Param('dealId', DealIdPipe) id: string, @Body() b: EvidenceFactDto, @Ctx() ctx: RequestContext) {
    return this.commands.handle(ctx, id, 'RecordProposalAcknowledged', { evidence: b.evidence }, b.occurredAt);
  }

  @Post('terms')
  @Access('deal:AgreeTerms')
  @ApiDealCommand(
    {
      summary: 'Record the terms agreed',
      description: 'Terms beyond the deal desk\'s limits (a discount off the reference price beyond its limit, payment terms longer than the limit or not readable '
        + 'as days) are recorded with DealDeskApprovalRequested, and the answer carries `dealDeskRequestId`: the deal cannot close won until a manager of the '
        + 'owner approves them at /deals/{dealId}/deal-desk/{requestId}/decision. New terms replace the request.',
    },
    BUYER_FACT, MONEY, { 400: ['FIELD.REQUIRED'] },
  )
  terms(@Param('dealId', DealIdPipe) id: string, @Body() b: TermsDto, @Ctx() ctx: RequestContext) {
    const data = {
      priceMinor: { decimal: b.price },
      paymentTerms: b.paymentTerms,
      deliveryTimeline: b.deliveryTimeline,
      evidence: b.evidence,
    };
    return this.commands.handle(ctx, id, 'AgreeTerms', data, b.occurredAt);
  }

  @Post('amount')
  @Access('deal:ChangeAmount')
  @ApiDealCommand('Change the expected amount', JSON_BODY, DEAL_COMMAND, BACKDATED, OPEN_DEAL, AMOUNT_WITH_LINE_ITEMS, { 400: ['DEAL.REASON_REQUIRED'] })
  changeAmount(@Param('dealId', DealIdPipe) id: string, @Body() b: ChangeAmountDto, @Ctx() ctx: RequestContext) {
    const data = {
      expectedAmountMinor: { decimal: b.expectedAmount },
      lineItems: toLineItems(b.lineItems),
      reason: b.reason,
    };
    return this.commands.handle(ctx, id, 'ChangeAmount', data, b.occurredAt);
  }
}
