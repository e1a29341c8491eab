import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, Param, Post, UseInterceptors } from '@nestjs/common';
import { Access } from '../../../auth/access.decorator';
import { Ctx, RequestContext } from '../../../request-context/request-context.decorator';
import { DealCommandHandler } from '../deal-command.handler';
import { DealIdPipe } from '../shared/deal-id.pipe';
import { RevisionHeadersInterceptor } from '../shared/revision-headers.interceptor';
import { ApiDealCommand, ApiDealId } from '../../../openapi/api-operations';
import { AFTER_STAGE_ENTERED, BACKDATED, DEAL_COMMAND, JSON_BODY, OPEN_DEAL } from '../../../openapi/error-codes';
import { AdvanceStageDto, OverrideStageDto } from './stage.dto';

/** Leaving a stage: by its exit criteria, or by a manager's explicit override. */
@ApiTags('stages')
@ApiDealId()
@Controller('deals/:dealId/stage')
@UseInterceptors(RevisionHeadersInterceptor)
export class StageController {
  constructor(private readonly commands: DealCommandHandler) {}

  @Post('advance')
  @Access('deal:AdvanceStage')
  @ApiDealCommand(
    'Advance to the next stage (its exit criteria must be met)',
    JSON_BODY, DEAL_COMMAND, BACKDATED, OPEN_DEAL, AFTER_STAGE_ENTERED,
    { 409: ['DEAL.EXIT_CRITERIA_UNMET', 'DEAL.INVALID_TRANSITION'] },
  )
  advance(@Param('dealId', DealIdPipe) id: string, @Body() b: AdvanceStageDto, @Ctx() ctx: RequestContext) {
    return this.commands.handle(ctx, id, 'AdvanceStage', { toStageId: b.toStageId }, b.occurredAt);
  }

  @Post('override')
  @Access('deal:OverrideStage')
  @ApiDealCommand(
    'Override: move past unmet criteria (managers only)',
    JSON_BODY, DEAL_COMMAND, BACKDATED, OPEN_DEAL, AFTER_STAGE_ENTERED,
    { 400: ['DEAL.OVERRIDE_REASON_REQUIRED'], 409: ['DEAL.INVALID_TRANSITION', 'DEAL.OVERRIDE_NOT_NEEDED'] },
  )
  override(@Param('dealId', DealIdPipe) id: string, @Body() b: OverrideStageDto, @Ctx() ctx: RequestContext) {
    return this.commands.handle(ctx, id, 'OverrideStage', { toStageId: b.toStageId, reason: b.reason }, b.occurredAt);
  }
}
