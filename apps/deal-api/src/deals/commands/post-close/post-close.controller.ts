import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, Param, Post, UseInterceptors } from '@nestjs/common';
import { Access } from '../../../auth/access.decorator';
import { Ctx, RequestContext } from '../../../request-context/request-context.decorator';
import { DealCommandHandler } from '../deal-command.handler';
import { DealIdPipe } from '../shared/deal-id.pipe';
import { EvidenceFactDto, OptionalEvidenceDto } from '../shared/fact.dto';
import { RevisionHeadersInterceptor } from '../shared/revision-headers.interceptor';
import { ApiDealCommand, ApiDealId } from '../../../openapi/api-operations';
import { AFTER_STAGE_ENTERED, BACKDATED, DEAL_COMMAND, EVIDENCE, JSON_BODY } from '../../../openapi/error-codes';
import { HandoffDto } from './handoff.dto';

/** After the win: hand-off to implementation, implementation started, live. */
@ApiTags('post-close')
@ApiDealId()
@Controller('deals/:dealId')
@UseInterceptors(RevisionHeadersInterceptor)
export class PostCloseController {
  constructor(private readonly commands: DealCommandHandler) {}

  @Post('handoff')
  @Access('deal:HandToImplementation')
  @ApiDealCommand(
    'Hand the won deal to implementation',
    JSON_BODY, DEAL_COMMAND, BACKDATED, EVIDENCE, AFTER_STAGE_ENTERED, { 400: ['FIELD.REQUIRED'], 409: ['DEAL.INVALID_TRANSITION'] },
  )
  handoff(@Param('dealId', DealIdPipe) id: string, @Body() b: HandoffDto, @Ctx() ctx: RequestContext) {
    const data = {
      implementationLeadId: b.implementationLeadId,
      customerSuccessManagerId: b.customerSuccessManagerId,
      evidence: b.evidence,
    };
    return this.commands.handle(ctx, id, 'HandToImplementation', data, b.occurredAt);
  }

  @Post('implementation/start')
  @Access('deal:StartImplementation')
  @ApiDealCommand('Record that implementation started', JSON_BODY, DEAL_COMMAND, BACKDATED, EVIDENCE, AFTER_STAGE_ENTERED, { 409: ['DEAL.INVALID_TRANSITION'] })
  start(@Param('dealId', DealIdPipe) id: string, @Body() b: OptionalEvidenceDto, @Ctx() ctx: RequestContext) {
    return this.commands.handle(ctx, id, 'StartImplementation', { evidence: b.evidence }, b.occurredAt);
  }

  @Post('go-live')
  @Access('deal:GoLive')
  @ApiDealCommand('Record that the customer went live', JSON_BODY, DEAL_COMMAND, BACKDATED, EVIDENCE, AFTER_STAGE_ENTERED, { 409: ['DEAL.INVALID_TRANSITION'] })
  live(@Param('dealId', DealIdPipe) id: string, @Body() b: EvidenceFactDto, @Ctx() ctx: RequestContext) {
    return this.commands.handle(ctx, id, 'GoLive', { evidence: b.evidence }, b.occurredAt);
  }
}
