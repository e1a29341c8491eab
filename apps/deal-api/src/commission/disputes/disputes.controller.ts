import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DomainError } from '@deals/domain';
import { CommissionFactsDocument, commissionFactsProjection, disputeReview, ReadModel } from '@deals/projections';
import { AccessPolicy } from '../../auth/access-policy';
import { derivedUuid } from '../../command-pipeline/command-ids';
import { ReadOptionsDto } from '../../projections/read-options.dto';
import { RunReadModelQuery } from '../../projections/queries/read-model/run-read-model.query';
import { Ctx, RequestContext } from '../../request-context/request-context.decorator';
import { CommissionCommandSender } from '../commands/commission-command.sender';
import { parseSignedMoneyToMinor } from '../money';
import { RaiseDisputeDto, ResolveDisputeDto } from './dispute.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const REVIEWERS = ['finance', 'sales-ops', 'admin'];

/** Disputes: a rep questions a statement line; finance reviews "as known at close" vs "now" and resolves. */
@Controller('commission/disputes')
export class DisputesController {
  constructor(
    private readonly sender: CommissionCommandSender,
    private readonly queryBus: QueryBus,
    private readonly access: AccessPolicy,
  ) {}

  @Post()
  raise(@Body() b: RaiseDisputeDto, @Ctx() ctx: RequestContext) {
    const disputeId = ctx.idempotencyKey ? derivedUuid('dispute', ctx.actor.id, ctx.idempotencyKey) : randomUUID();
    return this.sender.send(ctx, 'dispute', disputeId, 'RaiseDispute', { disputeId, ...b });
  }

  @Post(':disputeId/resolution')
  resolve(@Param('disputeId') disputeId: string, @Body() b: ResolveDisputeDto, @Ctx() ctx: RequestContext) {
    requireUuid(disputeId);
    const adjustments = b.adjustments?.map(({ amount, ...rest }) => ({ ...rest, amountMinor: parseSignedMoneyToMinor(amount) }));
    return this.sender.send(ctx, 'dispute', disputeId, 'ResolveDispute', { disputeId, decision: b.decision, reason: b.reason, adjustments });
  }

  /** The dispute with the statement as known at the quarter's close and as known now, line by line. */
  @Get(':disputeId')
  async review(@Param('disputeId') disputeId: string, @Query() q: ReadOptionsDto, @Ctx() ctx: RequestContext) {
    requireUuid(disputeId);
    const now = q.asOf ?? new Date().toISOString();
    const answer = await this.queryBus.execute(
      new RunReadModelQuery(commissionFactsProjection.name, q, (m: ReadModel<CommissionFactsDocument>) => disputeReview(m, { disputeId, now })),
    );
    const review = answer.result as ReturnType<typeof disputeReview>;
    if (!review) throw new DomainError('DISPUTE.NOT_FOUND', 'not_found', `No dispute with id ${disputeId}`, { disputeId });
    if (!ctx.actor.roles.some((r) => REVIEWERS.includes(r))) await this.access.assertCanReadPerson(ctx.actor, review.dispute.userId);
    return { ...review, position: answer.position };
  }
}

function requireUuid(id: string): void {
  if (!UUID.test(id)) throw new DomainError('DISPUTE.ID_INVALID', 'invalid', `disputeId must be a UUID, got "${id}"`);
}
