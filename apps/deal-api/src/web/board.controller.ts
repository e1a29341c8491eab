import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Controller, Get, Query } from '@nestjs/common';
import { IsIn, IsOptional, Matches } from 'class-validator';
import {
  Board, boardOf, CommissionFactsDocument, commissionFactsProjection, DealNames, disputes, personDealNames, ReadModel,
} from '@deals/projections';
import { Access } from '../auth/access.decorator';
import { AccessPolicy } from '../auth/access-policy';
import { LivePipelineCatalog } from '../pipelines/live-pipeline-catalog';
import { ReadScope } from '../projections/queries/read-model/read-scope';
import { ApiReadModelAnswer, ApiReadModelQuery } from '../openapi/api-operations';
import { DisputeSchema, presentDispute } from '../commission/answers/dispute.answer';
import { PIPELINE_FILTER, READ_MODEL } from '../openapi/error-codes';
import { ReadOptionsDto } from '../projections/read-options.dto';
import { ReadModelSource } from '../projections/read-model.source';
import { Ctx, RequestContext } from '../request-context/request-context.decorator';


export class BoardDto extends ReadOptionsDto {
  @ApiPropertyOptional({ pattern: '^[a-z0-9-]{1,64}$', description: 'Only deals of this pipeline.', example: 'default' })
  @IsOptional() @Matches(/^[a-z0-9-]{1,64}$/) pipelineId?: string;
}

export class DisputeQueueDto extends ReadOptionsDto {
  @ApiPropertyOptional({ enum: ['open', 'awaiting-approval', 'accepted', 'rejected'] })
  @IsOptional() @IsIn(['open', 'awaiting-approval', 'accepted', 'rejected']) status?: 'open' | 'awaiting-approval' | 'accepted' | 'rejected';
}

/** Reads the dashboard needs that no other endpoint gives: deals per stage, and the dispute queue. */
@ApiTags('dashboard')
@Controller('board')
export class BoardController {
  constructor(
    private readonly reads: ReadModelSource,
    private readonly access: AccessPolicy,
    private readonly scope: ReadScope,
    private readonly catalog: LivePipelineCatalog,
  ) {}

  /** Open deals per stage with the /pipeline figures, narrowed to the deals the caller may read. */
  @Get()
  @Access('board:read')
  @ApiReadModelQuery('Open deals per stage with the /pipeline figures, narrowed to the deals the caller may read', READ_MODEL, PIPELINE_FILTER)
  board(@Query() q: BoardDto, @Ctx() ctx: RequestContext) {
    return this.scope.answerOverDeals<Board>('board:read', ctx.actor, q, (m) => boardOf(m, { pipelineId: q.pipelineId, catalog: this.catalog }));
  }

  /**
   * Disputes, oldest first: every one for finance, sales-ops and admin; for anyone else those whose
   * detail (`GET /commission/disputes/:id`) opens for them — the same `dispute:read` rule on the
   * disputed person, so a manager sees their reports' down the chain.
   */
  @Get('disputes')
  @Access('dispute:queue')
  @ApiReadModelAnswer('The dispute queue, oldest first: all for finance, sales-ops and admin; for anyone else the disputes GET /commission/disputes/:id opens for them (their own, and a manager\'s reports\' down the chain)', [DisputeSchema], READ_MODEL)
  disputes(@Query() q: DisputeQueueDto, @Ctx() ctx: RequestContext) {
    const readable = (personId: string) => this.access.check('dispute:read', ctx.actor, { kind: 'person', personId }).allowed;
    const all = !this.access.check('dispute:queue', ctx.actor, { kind: 'organisation' }).narrowed;
    return this.reads.answer(commissionFactsProjection.name, q, (m: ReadModel<CommissionFactsDocument>) => {
      const names = new Map<string, DealNames>();
      const dealNamesOf = (userId: string) => names.get(userId) ?? names.set(userId, personDealNames(m, userId)).get(userId)!;
      return disputes(m, { status: q.status }).filter((d) => all || readable(d.userId)).map((d) => presentDispute(d, dealNamesOf(d.userId)));
    });
  }
}
