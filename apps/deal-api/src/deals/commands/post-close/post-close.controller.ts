import { Body, Controller, Param, Post, UseInterceptors } from '@nestjs/common';
import { Ctx, RequestContext } from '../../../request-context/request-context.decorator';
import { DealCommandSender } from '../shared/deal-command.sender';
import { DealIdPipe } from '../shared/deal-id.pipe';
import { EvidenceFactDto, OptionalEvidenceDto } from '../shared/fact.dto';
import { RevisionHeadersInterceptor } from '../shared/revision-headers.interceptor';
import { HandoffDto } from './handoff.dto';

/** After the win: hand-off to implementation, implementation started, live. */
@Controller('deals/:dealId')
@UseInterceptors(RevisionHeadersInterceptor)
export class PostCloseController {
  constructor(private readonly sender: DealCommandSender) {}

  @Post('handoff')
  handoff(@Param('dealId', DealIdPipe) id: string, @Body() b: HandoffDto, @Ctx() ctx: RequestContext) {
    const data = {
      implementationLeadId: b.implementationLeadId,
      customerSuccessManagerId: b.customerSuccessManagerId,
      evidence: b.evidence,
    };
    return this.sender.send(ctx, id, 'HandToImplementation', data, b.occurredAt);
  }

  @Post('implementation/start')
  start(@Param('dealId', DealIdPipe) id: string, @Body() b: OptionalEvidenceDto, @Ctx() ctx: RequestContext) {
    return this.sender.send(ctx, id, 'StartImplementation', { evidence: b.evidence }, b.occurredAt);
  }

  @Post('go-live')
  live(@Param('dealId', DealIdPipe) id: string, @Body() b: EvidenceFactDto, @Ctx() ctx: RequestContext) {
    return this.sender.send(ctx, id, 'GoLive', { evidence: b.evidence }, b.occurredAt);
  }
}
