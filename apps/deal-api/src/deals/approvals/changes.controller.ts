import { ApiParam, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Param, ParseUUIDPipe, Post, UseInterceptors } from '@nestjs/common';
import { Access } from '../../auth/access.decorator';
import { Ctx, RequestContext } from '../../request-context/request-context.decorator';
import { DealCommandHandler } from '../commands/deal-command.handler';
import { DealIdPipe } from '../commands/shared/deal-id.pipe';
import { RevisionHeadersInterceptor } from '../commands/shared/revision-headers.interceptor';
import { ApiDealCommand, ApiDealId } from '../../openapi/api-operations';
import { DEAL_COMMAND, JSON_BODY } from '../../openapi/error-codes';
import { ReviewChangeDto, WithdrawChangeDto } from './review-change.dto';

const PROPOSAL_ID = { name: 'proposalId', schema: { type: 'string', format: 'uuid' }, description: 'The `proposalId` the proposing command answered.' } as const;

/**
 * Changes that wait for approval (credit after the close, splits naming others, a close or a
 * change of credit backdated beyond the limit): approved or rejected by someone else with the
 * authority, or withdrawn by their proposer.
 */
@ApiTags('approvals')
@ApiDealId()
@Controller('deals/:dealId/changes/:proposalId')
@UseInterceptors(RevisionHeadersInterceptor)
export class ChangesController {
  constructor(private readonly commands: DealCommandHandler) {}

  @Post('review')
  @Access('deal:ReviewDealChange')
  @ApiParam(PROPOSAL_ID)
  @ApiDealCommand(
    {
      summary: 'Approve or reject a change waiting for approval (the owner\'s manager, sales-ops or finance; never one\'s own, never in one\'s favour)',
      description: 'Approval applies the change as its proposer sent it, at the business time it was proposed for, to the deal as it is now: '
        + 'the answer lists DealChangeApproved and the change\'s own events, each carrying `approval`.',
    },
    JSON_BODY, DEAL_COMMAND,
    {
      400: ['DEAL.REASON_REQUIRED', 'DEAL.DECISION_INVALID'],
      403: ['DEAL.OWN_PROPOSAL', 'DEAL.APPROVER_CREDITED', 'DEAL.MANAGER_APPROVAL_REQUIRED'],
      404: ['DEAL.PROPOSAL_NOT_FOUND'],
      409: ['DEAL.PROPOSAL_NO_LONGER_APPLIES'],
    },
  )
  review(
    @Param('dealId', DealIdPipe) dealId: string, @Param('proposalId', new ParseUUIDPipe()) proposalId: string,
    @Body() b: ReviewChangeDto, @Ctx() ctx: RequestContext,
  ) {
    return this.commands.handle(ctx, dealId, 'ReviewDealChange', { proposalId, decision: b.decision, ...(b.reason === undefined ? {} : { reason: b.reason }) });
  }

  @Post('withdrawal')
  @Access('deal:WithdrawDealChange')
  @ApiParam(PROPOSAL_ID)
  @ApiDealCommand('Withdraw one\'s own change still waiting for approval', JSON_BODY, DEAL_COMMAND, {
    403: ['DEAL.NOT_PROPOSER'], 404: ['DEAL.PROPOSAL_NOT_FOUND'],
  })
  withdraw(
    @Param('dealId', DealIdPipe) dealId: string, @Param('proposalId', new ParseUUIDPipe()) proposalId: string,
    @Body() _b: WithdrawChangeDto, @Ctx() ctx: RequestContext,
  ) {
    return this.commands.handle(ctx, dealId, 'WithdrawDealChange', { proposalId });
  }
}
