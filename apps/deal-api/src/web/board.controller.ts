import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { readsEveryDeal } from '@deals/domain';
import {
  CommissionFactsDocument, commissionFactsProjection, DealSummary, dealSummaryProjection, disputes, ReadModel,
} from '@deals/projections';
import { UserDirectory } from '../auth/user-directory';
import { ReadModelQuery } from '../openapi/api-operations';
import { PIPELINE_FILTER, READ_MODEL } from '../openapi/error-codes';
import { ReadOptionsDto } from '../projections/read-options.dto';
import { RunReadModelQuery } from '../projections/queries/read-model/run-read-model.query';
import { Ctx, RequestContext } from '../request-context/request-context.decorator';
import { Board, boardOf, dealVisibility } from './board';

export class BoardDto extends ReadOptionsDto {
  @ApiPropertyOptional({ pattern: '^[a-z0-9-]{1,64}$', description: 'Only deals of this pipeline.', example: 'default' })
  @IsOptional() @Matches(/^[a-z0-9-]{1,64}$/) pipelineId?: string;
}

export class DisputeQueueDto extends ReadOptionsDto {
  @ApiPropertyOptional({ enum: ['open', 'accepted', 'rejected'] })
  @IsOptional() @IsIn(['open', 'accepted', 'rejected']) status?: 'open' | 'accepted' | 'rejected';
}

const REVIEWERS = ['finance', 'sales-ops', 'admin'];

/** Reads the dashboard needs that no other endpoint gives: deals per stage, and the dispute queue. */
@ApiTags('dashboard')
@Controller('board')
export class BoardController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly users: UserDirectory,
  ) {}

  /** Open deals per stage with the /pipeline figures, narrowed to the deals the caller may read. */
  @Get()
  @ReadModelQuery('Open deals per stage with the /pipeline figures, narrowed to the deals the caller may read', READ_MODEL, PIPELINE_FILTER)
  async board(@Query() q: BoardDto, @Ctx() ctx: RequestContext) {
    const managers = readsEveryDeal(ctx.actor) ? new Map<string, string | undefined>() : await this.users.managers();
    const visible = dealVisibility(ctx.actor, (person) => managers.get(person));
    return this.queryBus.execute(
      new RunReadModelQuery<DealSummary, Board>(dealSummaryProjection.name, q, (m) => boardOf(m, visible, { pipelineId: q.pipelineId })),
    );
  }

  /** Disputes, oldest first: every one for finance, sales-ops and admin; one's own for anyone else. */
  @Get('disputes')
  @ReadModelQuery('The dispute queue, oldest first: all for finance, sales-ops and admin; one\'s own for anyone else', READ_MODEL)
  disputes(@Query() q: DisputeQueueDto, @Ctx() ctx: RequestContext) {
    const userId = ctx.actor.roles.some((r) => REVIEWERS.includes(r)) ? undefined : ctx.actor.id;
    return this.queryBus.execute(
      new RunReadModelQuery(commissionFactsProjection.name, q, (m: ReadModel<CommissionFactsDocument>) => disputes(m, { userId, status: q.status })),
    );
  }
}
