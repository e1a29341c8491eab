import { ApiTags } from '@nestjs/swagger';
import { Controller, Get, Query } from '@nestjs/common';
import { Access } from '../../../auth/access.decorator';
import { Ctx, RequestContext } from '../../../request-context/request-context.decorator';
import { ReadScope } from '../read-model/read-scope';
import { QueryBus } from '@nestjs/cqrs';
import {
  DealSummary, dealSummaryProjection, pipelineByStage, ReadModel, repActivity, salesCycle, stageConversion, stuckDeals,
  timeInStage,
} from '@deals/projections';
import { PeriodDto } from '../period.dto';
import { nowOf } from '../read-model/now-of';
import { paginate } from '../read-model/paginate';
import { RunReadModelQuery } from '../read-model/run-read-model.query';
import { ReadModelQuery } from '../../../openapi/api-operations';
import { PIPELINE_FILTER, REPORT } from '../../../openapi/error-codes';
import { ConversionDto, PipelineByStageDto, SalesCycleDto, StuckDealsDto, TimeInStageDto } from './pipeline.dto';

type Scope = (docs: ReadModel<DealSummary>) => ReadModel<DealSummary>;
const read = <R>(q: object, scope: Scope, run: (docs: ReadModel<DealSummary>) => R) =>
  new RunReadModelQuery<DealSummary, R>(dealSummaryProjection.name, q, (docs) => run(scope(docs)));

/** Pipeline metrics over the deal-summary read model; every endpoint takes asOf / asOfPosition / minPosition. */
@ApiTags('pipeline')
@Controller('pipeline')
export class PipelineController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly scope: ReadScope,
  ) {}

  /** The deals the caller may read: all of them for org-wide readers. */
  private mine(ctx: RequestContext): Scope {
    return this.scope.deals('report:pipeline', ctx.actor);
  }

  @Access('report:pipeline')
  @Get()
  @ReadModelQuery('Open pipeline by stage: counts, amounts and weighted amounts per currency', REPORT, PIPELINE_FILTER)
  byStage(@Query() q: PipelineByStageDto, @Ctx() ctx: RequestContext) {
    return this.queryBus.execute(read(q, this.mine(ctx), (m) => pipelineByStage(m, q)));
  }

  @Access('report:pipeline')
  @Get('conversion')
  @ReadModelQuery('Stage conversion: where the deals that left a stage in a period went', REPORT, PIPELINE_FILTER)
  conversion(@Query() q: ConversionDto, @Ctx() ctx: RequestContext) {
    return this.queryBus.execute(read(q, this.mine(ctx), (m) => stageConversion(m, q)));
  }

  @Access('report:pipeline')
  @Get('sales-cycle')
  @ReadModelQuery('Sales cycle of deals won in a period: count, average and median days', REPORT, PIPELINE_FILTER)
  cycle(@Query() q: SalesCycleDto, @Ctx() ctx: RequestContext) {
    return this.queryBus.execute(read(q, this.mine(ctx), (m) => salesCycle(m, q)));
  }

  @Access('report:pipeline')
  @Get('time-in-stage')
  @ReadModelQuery('Time in stage: current and completed stays, median and p90 days', REPORT, PIPELINE_FILTER)
  timeInStage(@Query() q: TimeInStageDto, @Ctx() ctx: RequestContext) {
    return this.queryBus.execute(read(q, this.mine(ctx), (m) => timeInStage(m, { now: nowOf(q), stageId: q.stageId, pipelineId: q.pipelineId })));
  }

  @Access('report:pipeline')
  @Get('stuck')
  @ReadModelQuery('Open deals in a stage longer than its limit, longest first', REPORT, PIPELINE_FILTER)
  stuck(@Query() q: StuckDealsDto, @Ctx() ctx: RequestContext) {
    return this.queryBus.execute(read(q, this.mine(ctx), (m) => paginate(stuckDeals(m, { now: nowOf(q), ownerId: q.ownerId, pipelineId: q.pipelineId }), q)));
  }

  @Access('report:pipeline')
  @Get('rep-activity')
  @ReadModelQuery('Per rep: meetings held and deals won in a period', REPORT)
  repActivity(@Query() q: PeriodDto, @Ctx() ctx: RequestContext) {
    return this.queryBus.execute(read(q, this.mine(ctx), (m) => repActivity(m, q)));
  }
}
