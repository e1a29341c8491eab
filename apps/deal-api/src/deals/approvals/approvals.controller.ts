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

/** The operation that decides each kind of item. */
const DECIDES = { change: 'deal:ReviewDealChange', 'deal-desk': 'deal:DecideDealDesk' } as const;

/** The approval queue: what the caller may approve, and what they proposed that still waits. */
@ApiTags('approvals')
@Controller('approvals')
export class ApprovalsController {
  constructor(private readonly scope: ReadScope, private readonly access: AccessPolicy) {}

  @Get()
  @Access('approvals:read')
  @ApiReadModelQuery(
    {
      summary: 'What waits for approval, oldest first: those the caller may decide (proposed by someone else, on a deal they do not own) and those they proposed',
      description: 'Each item has a `kind`: `change` (a proposed change, reviewed at /deals/{dealId}/changes/{proposalId}/review) or `deal-desk` '
        + '(terms beyond the deal desk\'s limits, decided by a manager of the owner at /deals/{dealId}/deal-desk/{proposalId}/decision).',
    },
    READ_MODEL,
  )
  list(@Query() q: ReadOptionsDto, @Ctx() ctx: RequestContext) {
    const { actor } = ctx;
    return this.scope.answerOverDeals('approvals:read', actor, q, (deals) => pendingApprovals(deals, (deal, item) =>
      item.proposedBy === actor.id
      || (deal.ownerId !== actor.id && this.access.check(DECIDES[item.kind], actor, { kind: 'deal', dealId: deal.dealId, deal }).allowed)));
  }
}
