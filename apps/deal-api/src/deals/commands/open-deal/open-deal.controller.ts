import { ApiTags } from '@nestjs/swagger';
import { Body, Controller, Post, UseInterceptors } from '@nestjs/common';
import { Access } from '../../../auth/access.decorator';
import { newAggregateId } from '@deals/command-pipeline';
import { Ctx, RequestContext } from '../../../request-context/request-context.decorator';
import { DealCommandHandler } from '../deal-command.handler';
import { toLineItems } from '../shared/money.dto';
import { RevisionHeadersInterceptor } from '../shared/revision-headers.interceptor';
import { OpenDealDto } from './open-deal.dto';
import { ApiDealCommand } from '../../../openapi/api-operations';
import { AMOUNT_WITH_LINE_ITEMS, COMMAND, IF_MATCH, JSON_BODY } from '../../../openapi/error-codes';

@ApiTags('deals')
@Controller('deals')
@UseInterceptors(RevisionHeadersInterceptor)
export class OpenDealController {
  constructor(private readonly commands: DealCommandHandler) {}

  @Post()
  @Access('deal:OpenDeal')
  @ApiDealCommand(
    'Open a deal',
    JSON_BODY, COMMAND, IF_MATCH,
    {
      400: ['FIELD.REQUIRED', 'DEAL.INVALID_CURRENCY', 'TEAM.ROLE_UNKNOWN', 'PIPELINE.UNKNOWN', 'TIME.INVALID', 'TIME.OCCURRED_IN_FUTURE'],
      403: ['AUTH.PERMISSION_DENIED'],
      409: ['DEAL.ALREADY_EXISTS', 'TEAM.MEMBER_EXISTS'],
    },
    AMOUNT_WITH_LINE_ITEMS,
  )
  open(@Body() body: OpenDealDto, @Ctx() ctx: RequestContext) {
    const dealId = body.dealId?.toLowerCase() ?? newAggregateId('deal', ctx.actor.id, ctx.idempotencyKey);
    return this.commands.handle(
      ctx,
      dealId,
      'OpenDeal',
      {
        dealId,
        name: body.name,
        account: { name: body.account.name, industry: body.account.industry },
        ownerId: body.ownerId ?? ctx.actor.id,
        currency: body.currency,
        expectedAmountMinor: { decimal: body.expectedAmount },
        lineItems: toLineItems(body.lineItems),
        team: body.team?.map((m) => ({ userId: m.userId, role: m.role, ...(m.access === undefined ? {} : { access: m.access }) })),
        ...(body.pipelineId === undefined ? {} : { pipelineId: body.pipelineId }),
      },
      body.occurredAt,
    );
  }
}
