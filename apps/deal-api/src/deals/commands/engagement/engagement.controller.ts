import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, Param, Post, UseInterceptors } from '@nestjs/common';
import { Access } from '../../../auth/access.decorator';
import { Ctx, RequestContext } from '../../../request-context/request-context.decorator';
import { DealCommandHandler } from '../deal-command.handler';
import { DealIdPipe } from '../shared/deal-id.pipe';
import { EvidenceFactDto } from '../shared/fact.dto';
import { RevisionHeadersInterceptor } from '../shared/revision-headers.interceptor';
import { ApiDealCommand, ApiDealId } from '../../../openapi/api-operations';
import { BUYER_FACT } from '../../../openapi/error-codes';
import { ContactMadeDto } from './contact-made.dto';
import { MeetingDto } from './meeting.dto';

/** Stage "Engaged": first contact, the buyer's response, the first meeting. */
@ApiTags('deals')
@ApiDealId()
@Controller('deals/:dealId')
@UseInterceptors(RevisionHeadersInterceptor)
export class EngagementController {
  constructor(private readonly commands: DealCommandHandler) {}

  @Post('contacts')
  @Access('deal:RecordContactMade')
  @ApiDealCommand('Record the first contact with the buyer', BUYER_FACT, { 400: ['FIELD.REQUIRED'] })
  contactMade(@Param('dealId', DealIdPipe) id: string, @Body() b: ContactMadeDto, @Ctx() ctx: RequestContext) {
    return this.commands.handle(ctx, id, 'RecordContactMade', { channel: b.channel, evidence: b.evidence }, b.occurredAt);
  }

  @Post('buyer-responses')
  @Access('deal:RecordBuyerResponded')
  @ApiDealCommand('Record that the buyer responded', BUYER_FACT)
  buyerResponded(@Param('dealId', DealIdPipe) id: string, @Body() b: EvidenceFactDto, @Ctx() ctx: RequestContext) {
    return this.commands.handle(ctx, id, 'RecordBuyerResponded', { evidence: b.evidence }, b.occurredAt);
  }

  @Post('meetings')
  @Access('deal:BookMeeting')
  @ApiDealCommand('Record a meeting the buyer accepted', BUYER_FACT, { 400: ['FIELD.REQUIRED'] })
  meetingBooked(@Param('dealId', DealIdPipe) id: string, @Body() b: MeetingDto, @Ctx() ctx: RequestContext) {
    const data = { meetingId: b.meetingId, scheduledFor: b.scheduledFor, evidence: b.evidence };
    return this.commands.handle(ctx, id, 'BookMeeting', data, b.occurredAt);
  }
}
