import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, Param, Post, UseInterceptors } from '@nestjs/common';
import { Access } from '../../../auth/access.decorator';
import { Ctx, RequestContext } from '../../../request-context/request-context.decorator';
import { DealCommandHandler } from '../deal-command.handler';
import { DealIdPipe } from '../shared/deal-id.pipe';
import { RevisionHeadersInterceptor } from '../shared/revision-headers.interceptor';
import { ApiDealCommand, ApiDealId } from '../../../openapi/api-operations';
import { BACKDATED, DEAL_COMMAND, JSON_BODY } from '../../../openapi/error-codes';
import { CreditSplitsDto } from './credit-splits.dto';

/** Who gets credit for the deal: revenue splits (exactly 100%) and overlay credit. */
@ApiTags('splits')
@ApiDealId()
@Controller('deals/:dealId')
@UseInterceptors(RevisionHeadersInterceptor)
export class CreditSplitsController {
  constructor(private readonly commands: DealCommandHandler) {}

  @Post('splits')
  @Access('deal:SetCreditSplits')
  @ApiDealCommand(
    {
      summary: 'Set the credit splits (revenue shares total exactly 100%; overlay up to the cap)',
      description: 'Splits naming anyone but the caller (now or before), any split after the close, and a split dated more than '
        + 'CONTROL_BACKDATE_DAYS back wait for approval: the answer is DealChangeProposed with a `proposalId` to review at '
        + '/deals/{dealId}/changes/{proposalId}/review.',
    },
    JSON_BODY, DEAL_COMMAND, BACKDATED,
    {
      400: [
        'FIELD.REQUIRED', 'TEAM.ROLE_UNKNOWN', 'DEAL.SPLIT_TOTAL_INVALID', 'DEAL.SPLIT_SHARE_INVALID', 'DEAL.SPLIT_DUPLICATE',
        'DEAL.SPLIT_RECIPIENT_INELIGIBLE', 'DEAL.SPLIT_ROLE_NOT_CREDITED', 'DEAL.OVERLAY_CAP_EXCEEDED',
      ],
    },
  )
  set(@Param('dealId', DealIdPipe) id: string, @Body() b: CreditSplitsDto, @Ctx() ctx: RequestContext) {
    const share = (s: { userId: string; role: CreditSplitsDto['revenue'][number]['role']; shareBp: number }) => ({ userId: s.userId, role: s.role, shareBp: s.shareBp });
    const data = { revenue: b.revenue.map(share), overlay: (b.overlay ?? []).map(share), reason: b.reason };
    return this.commands.handle(ctx, id, 'SetCreditSplits', data, b.occurredAt);
  }
}
