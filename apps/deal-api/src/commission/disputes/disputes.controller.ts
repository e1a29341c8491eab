import { ApiParam, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { DomainError } from '@deals/domain';
import { CommissionFactsDocument, commissionFactsProjection, disputeReview, personDealNames, ReadModel } from '@deals/projections';
import { Access } from '../../auth/access.decorator';
import { AccessPolicy } from '../../auth/access-policy';
import { newAggregateId } from '@deals/command-pipeline';
import { DisputeReviewDto } from '../statements/statement.dto';
import { ReadModelSource } from '../../projections/read-model.source';
import { nowOf } from '../../projections/queries/read-model/now-of';
import { Ctx, RequestContext } from '../../request-context/request-context.decorator';
import { CommissionCommandHandler } from '../commands/commission-command.handler';
import { ApiCommissionCommand, ApiRead } from '../../openapi/api-operations';
import { COMMISSION_COMMAND, READ_MODEL } from '../../openapi/error-codes';
import { DisputeReviewSchema, presentDispute } from '../answers/dispute.answer';
import { presentReconstruction } from '../answers/reconstruction.answer';
import { RaiseDisputeDto, ResolveDisputeDto, ReviewDisputeAcceptanceDto } from './dispute.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DISPUTE_ID = { name: 'disputeId', schema: { type: 'string', format: 'uuid' } } as const;

/** Disputes: a rep questions a statement line; finance reviews "as known at close" vs "now" and resolves. */
@ApiTags('commission')
@Controller('commission/disputes')
export class DisputesController {
  constructor(
    private readonly commands: CommissionCommandHandler,
    private readonly reads: ReadModelSource,
    private readonly access: AccessPolicy,
  ) {}

  @Post()
  @Access('commission:RaiseDispute')
  @ApiCommissionCommand(
    { summary: 'Dispute a statement line (the person or their manager)', description: 'The answer\'s `id` is the dispute id.' },
    COMMISSION_COMMAND, { 400: ['COMMISSION.PERIOD_INVALID'], 409: ['DISPUTE.ALREADY_EXISTS'] },
  )
  raise(@Body() b: RaiseDisputeDto, @Ctx() ctx: RequestContext) {
    const disputeId = newAggregateId('dispute', ctx.actor.id, ctx.idempotencyKey);
    return this.commands.handle(ctx, 'dispute', disputeId, 'RaiseDispute', {
      disputeId, userId: b.userId, period: b.period, lineId: b.lineId, dealId: b.dealId, claim: b.claim,
    });
  }

  @Post(':disputeId/resolution')
  @Access('commission:ResolveDispute')
  @ApiParam(DISPUTE_ID)
  @ApiCommissionCommand(
    'Resolve a dispute: accept with adjustments, or reject (finance)',
    COMMISSION_COMMAND,
    {
      400: [
        'DISPUTE.ID_INVALID', 'DISPUTE.DECISION_INVALID', 'DISPUTE.ADJUSTMENTS_REQUIRED', 'DISPUTE.ADJUSTMENT_INVALID', 'DISPUTE.ADJUSTMENT_PERIOD',
        'DISPUTE.ADJUSTMENT_RECIPIENT', 'DISPUTE.ADJUSTMENT_CURRENCY', 'MONEY.INVALID',
      ],
      403: ['DISPUTE.OWN_DISPUTE', 'DISPUTE.OWN_FAVOUR'],
      404: ['DISPUTE.NOT_FOUND'],
      409: ['DISPUTE.ALREADY_RESOLVED', 'DISPUTE.AWAITING_APPROVAL', 'COMMISSION.PERIOD_CLOSED'],
    },
  )
  resolve(@Param('disputeId') disputeId: string, @Body() b: ResolveDisputeDto, @Ctx() ctx: RequestContext) {
    requireUuid(disputeId);
    const adjustments = b.adjustments?.map(({ amount, ...rest }) => ({ ...rest, amountMinor: { decimal: amount } }));
    return this.commands.handle(ctx, 'dispute', disputeId, 'ResolveDispute', { disputeId, decision: b.decision, reason: b.reason, adjustments });
  }

  @Post(':disputeId/approval')
  @Access('commission:ReviewDisputeAcceptance')
  @ApiParam(DISPUTE_ID)
  @ApiCommissionCommand(
    {
      summary: 'Approve or send back an acceptance above the threshold (a second finance user)',
      description: 'An acceptance whose adjustments total more than CONTROL_DISPUTE_SECOND_APPROVAL_ABOVE units of a currency pays nothing until a finance user other than the one who accepted approves it; reject sends the dispute back open.',
    },
    COMMISSION_COMMAND,
    {
      400: ['DISPUTE.ID_INVALID', 'DISPUTE.DECISION_INVALID'],
      403: ['DISPUTE.OWN_DISPUTE', 'DISPUTE.OWN_FAVOUR', 'DISPUTE.SECOND_APPROVER_REQUIRED'],
      404: ['DISPUTE.NOT_FOUND'],
      409: ['DISPUTE.ALREADY_RESOLVED', 'DISPUTE.NOTHING_TO_APPROVE'],
    },
  )
  approve(@Param('disputeId') disputeId: string, @Body() b: ReviewDisputeAcceptanceDto, @Ctx() ctx: RequestContext) {
    requireUuid(disputeId);
    return this.commands.handle(ctx, 'dispute', disputeId, 'ReviewDisputeAcceptance', { disputeId, decision: b.decision, reason: b.reason });
  }

  /** The dispute with the statement as known at two moments (default: the quarter's close and now), line by line. */
  @Get(':disputeId')
  @Access('dispute:read')
  @ApiParam(DISPUTE_ID)
  @ApiRead(
    'A dispute with the statement as known at two moments (knownAtA, default the quarter\'s close; knownAtB, default now), line by line',
    DisputeReviewSchema,
    READ_MODEL, { 400: ['DISPUTE.ID_INVALID'], 403: ['AUTH.PERMISSION_DENIED'], 404: ['DISPUTE.NOT_FOUND'] },
  )
  async review(@Param('disputeId') disputeId: string, @Query() q: DisputeReviewDto, @Ctx() ctx: RequestContext) {
    requireUuid(disputeId);
    const now = nowOf(q);
    const answer = await this.reads.answer(commissionFactsProjection.name, q, (m: ReadModel<CommissionFactsDocument>) => {
      const review = disputeReview(m, { disputeId, now, knownAtA: q.knownAtA, knownAtB: q.knownAtB });
      if (!review) return undefined;
      const dealName = personDealNames(m, review.dispute.userId);
      return { dispute: presentDispute(review.dispute, dealName), reconstruction: presentReconstruction(review.reconstruction, dealName) };
    });
    const review = answer.result;
    if (!review) throw new DomainError('DISPUTE.NOT_FOUND', 'not_found', `No dispute with id ${disputeId}`, { disputeId });
    this.access.assert('dispute:read', ctx.actor, { kind: 'person', personId: review.dispute.userId });
    return { ...review, position: answer.position } satisfies DisputeReviewSchema;
  }
}

function requireUuid(id: string): void {
  if (!UUID.test(id)) throw new DomainError('DISPUTE.ID_INVALID', 'invalid', `disputeId must be a UUID, got "${id}"`);
}
