import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, Param, Post, UseInterceptors } from '@nestjs/common';
import { Access } from '../../../auth/access.decorator';
import { Ctx, RequestContext } from '../../../request-context/request-context.decorator';
import { MeetingDto } from '../engagement/meeting.dto';
import { DealCommandHandler } from '../deal-command.handler';
import { DealIdPipe } from '../shared/deal-id.pipe';
import { EvidenceFactDto } from '../shared/fact.dto';
import { RevisionHeadersInterceptor } from '../shared/revision-headers.interceptor';
import { ApiDealCommand, ApiDealId } from '../../../openapi/api-operations';
import { BUYER_FACT } from '../../../openapi/error-codes';
import { DemoHeldDto } from './demo-held.dto';

/** Stage "Product evaluated": demo, next meeting, recap sent and confirmed by the buyer. */
@ApiTags('deals')
@ApiDealId()
@Controller('deals/:dealId')
@UseInterceptors(RevisionHeadersInterceptor)
export class EvaluationController {
  constructor(private readonly commands: DealCommandHandler) {}

  @Post('demos')
  @Access('deal:RecordDemoHeld')
  @ApiDealCommand('Record a demo', BUYER_FACT)
  demoHeld(@Param('dealId', DealIdPipe) id: string, @Body() b: DemoHeldDto, @Ctx() ctx: RequestContext) {
    const data = { attended: b.attended, questionsAnswered: b.questionsAnswered, evidence: b.evidence };
    return this.commands.handle(ctx, id, 'RecordDemoHeld', data, b.occurredAt);
  }

  @Post('next-meetings')
  @Access('deal:ScheduleNextMeeting')
  @ApiDealCommand('Record the next meeting the buyer accepted', BUYER_FACT, { 400: ['FIELD.REQUIRED'] })
  nextMeeting(@Param('dealId', DealIdPipe) id: string, @Body() b: MeetingDto, @Ctx() ctx: RequestContext) {
    const data = { meetingId: b.meetingId, scheduledFor: b.scheduledFor, evidence: b.evidence };
    return this.commands.handle(ctx, id, 'ScheduleNextMeeting', data, b.occurredAt);
  }

  @Post('recap-emails')
  @Access('deal:RecordRecapEmailSent')
  @ApiDealCommand('Record the recap email sent to the buyer', BUYER_FACT)
  recapSent(@Param('dealId', DealIdPipe) id: string, @Body() b: EvidenceFactDto, @Ctx() ctx: RequestContext) {
    return this.commands.handle(ctx, id, 'RecordRecapEmailSent', { evidence: b.evidence }, b.occurredAt);
  }

  @Post('recap-confirmations')
  @Access('deal:RecordRecapConfirmed')
  @ApiDealCommand('Record the buyer confirming the recap', BUYER_FACT, { 409: ['DEAL.RECAP_NOT_SENT'] })
  recapConfirmed(@Param('dealId', DealIdPipe) id: string, @Body() b: EvidenceFactDto, @Ctx() ctx: RequestContext) {
    return this.commands.handle(ctx, id, 'RecordRecapConfirmed', { evidence: b.evidence }, b.occurredAt);
  }
}
