import { ApiTags } from '@nestjs/swagger';
import { Controller, Get, Query } from '@nestjs/common';
import { pendingApprovals } from '@deals/projections';
import { Access } from '../../auth/access.decorator';
import { AccessPolicy } from '../../auth/access-policy';
import { Ctx, RequestContext } from '../../request-context/request-context.decorator';
import { ApiReadModelQuery } from '../../openapi/api-operations';
import { READ_MODEL } from '../../openapi/error-codes';
import { ReadScope } from '../../projections/queries/read-model/read-scope';
import { ReadOptionsDto } from '../../projections/read-options.dto';

/** The approval queue: what the caller may approve, and what they proposed that still waits. */
@ApiTags('approvals')
@Controller('approvals')
export class ApprovalsController {
  constructor(private readonly scope: ReadScope, private readonly access: AccessPolicy) {}

  @Get()
  @Access('approvals:read')
  @ApiReadModelQuery(
    'Changes waiting for approval, oldest first: those the caller may review (proposed by someone else, on a deal they do not own) and those they proposed',
    READ_MODEL,
  )
  list(@Query() q: ReadOptionsDto, @Ctx() ctx: RequestContext) {
    const { actor } = ctx;
    return this.scope.answerOverDeals('approvals:read', actor, q, (deals) => pendingApprovals(deals, (deal, change) =>
      change.proposedBy === actor.id
      || (deal.ownerId !== actor.id && this.access.check('deal:ReviewDealChange', actor, { kind: 'deal', dealId: deal.dealId, deal }).allowed)));
  }
}
