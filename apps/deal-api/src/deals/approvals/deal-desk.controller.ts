import { ApiParam, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Param, ParseUUIDPipe, Post, UseInterceptors } from '@nestjs/common';
import { Access } from '../../auth/access.decorator';
import { Ctx, RequestContext } from '../../request-context/request-context.decorator';
import { DealCommandHandler } from '../commands/deal-command.handler';
import { DealIdPipe } from '../commands/shared/deal-id.pipe';
import { RevisionHeadersInterceptor } from '../commands/shared/revision-headers.interceptor';
import { ApiDealCommand, ApiDealId } from '../../openapi/api-operations';
import { DEAL_COMMAND, JSON_BODY } from '../../openapi/error-codes';
import { DecideDealDeskDto } from './decide-deal-desk.dto';

const REQUEST_ID = {
  name: 'requestId', schema: { type: 'string', format: 'uuid' },
  description: 'The `dealDeskRequestId` the terms answered (also in GET /approvals, as `proposalId` of an item of kind `deal-desk`).',
} as const;

/**
 * Terms agreed beyond the deal desk's limits (a discount off the reference price, or payment
 * terms) wait for a manager of the deal's owner before the deal can close won.
 */
@ApiTags('approvals')
@ApiDealId()
@Controller('deals/:dealId/deal-desk/:requestId')
@UseInterceptors(RevisionHeadersInterceptor)
export class DealDeskController {
  constructor(private readonly commands: DealCommandHandler) {}

  @Post('decision')
  @Access('deal:DecideDealDesk')
  @ApiParam(REQUEST_ID)
  @ApiDealCommand(
    {
      summary: 'Approve or reject terms beyond the deal desk\'s limits (a manager of the owner; never one\'s own terms, never in one\'s favour)',
      description: 'Approval lets the deal close won with these terms (DealDeskApproved); rejection keeps the close refused until new terms are agreed '
        + '(DealDeskRejected). Either needs a reason. Only the request of the latest terms can be decided, once.',
    },
    JSON_BODY, DEAL_COMMAND,
    {
      400: ['DEAL.REASON_REQUIRED', 'DEAL.DECISION_INVALID'],
      403: ['DEAL.OWN_PROPOSAL', 'DEAL.APPROVER_CREDITED', 'DEAL.MANAGER_APPROVAL_REQUIRED'],
      404: ['DEAL.DEAL_DESK_REQUEST_NOT_FOUND'],
      409: ['DEAL.DEAL_DESK_ALREADY_DECIDED'],
    },
  )
  decide(
    @Param('dealId', DealIdPipe) dealId: string, @Param('requestId', new ParseUUIDPipe()) requestId: string,
    @Body() b: DecideDealDeskDto, @Ctx() ctx: RequestContext,
  ) {
    return this.commands.handle(ctx, dealId, 'DecideDealDesk', { requestId, decision: b.decision, reason: b.reason });
  }
}
