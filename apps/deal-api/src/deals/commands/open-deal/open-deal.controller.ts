import { Body, Controller, Post, UseInterceptors } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { parseMoneyToMinor } from '@deals/domain';
import { derivedUuid } from '../../../command-pipeline/command-ids';
import { Ctx, RequestContext } from '../../../request-context/request-context.decorator';
import { DealCommandSender } from '../shared/deal-command.sender';
import { toLineItems } from '../shared/money.dto';
import { RevisionHeadersInterceptor } from '../shared/revision-headers.interceptor';
import { OpenDealDto } from './open-deal.dto';

@Controller('deals')
@UseInterceptors(RevisionHeadersInterceptor)
export class OpenDealController {
  constructor(private readonly sender: DealCommandSender) {}

  @Post()
  open(@Body() body: OpenDealDto, @Ctx() ctx: RequestContext) {
    // With an Idempotency-Key a retry must land on the same deal, so the id is derived from it.
    const dealId =
      body.dealId?.toLowerCase() ??
      (ctx.idempotencyKey ? derivedUuid('deal', ctx.actor.id, ctx.idempotencyKey) : randomUUID());
    return this.sender.send(
      ctx,
      dealId,
      'OpenDeal',
      {
        dealId,
        name: body.name,
        account: { name: body.account.name, industry: body.account.industry },
        ownerId: body.ownerId ?? ctx.actor.id,
        currency: body.currency,
        expectedAmountMinor: parseMoneyToMinor(body.expectedAmount),
        lineItems: toLineItems(body.lineItems),
        team: body.team?.map((m) => ({ userId: m.userId, role: m.role })),
      },
      body.occurredAt,
    );
  }
}
