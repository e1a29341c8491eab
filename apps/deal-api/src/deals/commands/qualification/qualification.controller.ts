import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, Param, Post, UseInterceptors } from '@nestjs/common';
import { Access } from '../../../auth/access.decorator';
import { Ctx, RequestContext } from '../../../request-context/request-context.decorator';
import { DealCommandHandler } from '../deal-command.handler';
import { DealIdPipe } from '../shared/deal-id.pipe';
import { RevisionHeadersInterceptor } from '../shared/revision-headers.interceptor';
import { ApiDealCommand, ApiDealId } from '../../../openapi/api-operations';
import { BUYER_FACT, MONEY } from '../../../openapi/error-codes';
import { BudgetDto, DecisionMakerDto, DecisionTimeframeDto } from './qualification.dto';

/** Stage "Qualified": decision maker, budget, decision timeframe. */
@ApiTags('deals')
@ApiDealId()
@Controller('deals/:dealId')
@UseInterceptors(RevisionHeadersInterceptor)
export class QualificationController {
  constructor(private readonly commands: DealCommandHandler) {}

  @Post('decision-maker')
  @Access('deal:ConfirmDecisionMaker')
  @ApiDealCommand('Confirm the decision maker', BUYER_FACT, { 400: ['FIELD.REQUIRED'] })
  decisionMaker(@Param('dealId', DealIdPipe) id: string, @Body() b: DecisionMakerDto, @Ctx() ctx: RequestContext) {
    const data = { contactName: b.contactName, contactTitle: b.contactTitle, evidence: b.evidence };
    return this.commands.handle(ctx, id, 'ConfirmDecisionMaker', data, b.occurredAt);
  }

  @Post('budget')
  @Access('deal:NoteBudget')
  @ApiDealCommand('Note the budget range the buyer named', BUYER_FACT, MONEY)
  budget(@Param('dealId', DealIdPipe) id: string, @Body() b: BudgetDto, @Ctx() ctx: RequestContext) {
    const data = {
      minMinor: b.min === undefined ? undefined : { decimal: b.min },
      maxMinor: { decimal: b.max },
      evidence: b.evidence,
    };
    return this.commands.handle(ctx, id, 'NoteBudget', data, b.occurredAt);
  }

  @Post('decision-timeframe')
  @Access('deal:NoteDecisionTimeframe')
  @ApiDealCommand('Note the date the buyer intends to decide by', BUYER_FACT)
  timeframe(@Param('dealId', DealIdPipe) id: string, @Body() b: DecisionTimeframeDto, @Ctx() ctx: RequestContext) {
    return this.commands.handle(ctx, id, 'NoteDecisionTimeframe', { decisionBy: b.decisionBy, evidence: b.evidence }, b.occurredAt);
  }
}
