import { Body, Controller, Param, Post, UseInterceptors } from '@nestjs/common';
import { Ctx, RequestContext } from '../../../request-context/request-context.decorator';
import { MeetingDto } from '../engagement/meeting.dto';
import { DealCommandSender } from '../shared/deal-command.sender';
import { DealIdPipe } from '../shared/deal-id.pipe';
import { EvidenceFactDto } from '../shared/fact.dto';
import { RevisionHeadersInterceptor } from '../shared/revision-headers.interceptor';
import { DemoHeldDto } from './demo-held.dto';

/** Stage "Product evaluated": demo, next meeting, recap sent and confirmed by the buyer. */
@Controller('deals/:dealId')
@UseInterceptors(RevisionHeadersInterceptor)
export class EvaluationController {
  constructor(private readonly sender: DealCommandSender) {}

  @Post('demos')
  demoHeld(@Param('dealId', DealIdPipe) id: string, @Body() b: DemoHeldDto, @Ctx() ctx: RequestContext) {
    const data = { attended: b.attended, questionsAnswered: b.questionsAnswered, evidence: b.evidence };
    return this.sender.send(ctx, id, 'RecordDemoHeld', data, b.occurredAt);
  }

  @Post('next-meetings')
  nextMeeting(@Param('dealId', DealIdPipe) id: string, @Body() b: MeetingDto, @Ctx() ctx: RequestContext) {
    const data = { meetingId: b.meetingId, scheduledFor: b.scheduledFor, evidence: b.evidence };
    return this.sender.send(ctx, id, 'ScheduleNextMeeting', data, b.occurredAt);
  }

  @Post('recap-emails')
  recapSent(@Param('dealId', DealIdPipe) id: string, @Body() b: EvidenceFactDto, @Ctx() ctx: RequestContext) {
    return this.sender.send(ctx, id, 'RecordRecapEmailSent', { evidence: b.evidence }, b.occurredAt);
  }

  @Post('recap-confirmations')
  recapConfirmed(@Param('dealId', DealIdPipe) id: string, @Body() b: EvidenceFactDto, @Ctx() ctx: RequestContext) {
    return this.sender.send(ctx, id, 'RecordRecapConfirmed', { evidence: b.evidence }, b.occurredAt);
  }
}
