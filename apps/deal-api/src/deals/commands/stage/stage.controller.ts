import { Body, Controller, Param, Post, UseInterceptors } from '@nestjs/common';
import { Ctx, RequestContext } from '../../../request-context/request-context.decorator';
import { DealCommandSender } from '../shared/deal-command.sender';
import { DealIdPipe } from '../shared/deal-id.pipe';
import { RevisionHeadersInterceptor } from '../shared/revision-headers.interceptor';
import { AdvanceStageDto, OverrideStageDto } from './stage.dto';

/** Leaving a stage: by its exit criteria, or by a manager's explicit override. */
@Controller('deals/:dealId/stage')
@UseInterceptors(RevisionHeadersInterceptor)
export class StageController {
  constructor(private readonly sender: DealCommandSender) {}

  @Post('advance')
  advance(@Param('dealId', DealIdPipe) id: string, @Body() b: AdvanceStageDto, @Ctx() ctx: RequestContext) {
    return this.sender.send(ctx, id, 'AdvanceStage', { toStageId: b.toStageId }, b.occurredAt);
  }

  @Post('override')
  override(@Param('dealId', DealIdPipe) id: string, @Body() b: OverrideStageDto, @Ctx() ctx: RequestContext) {
    return this.sender.send(ctx, id, 'OverrideStage', { toStageId: b.toStageId, reason: b.reason }, b.occurredAt);
  }
}
