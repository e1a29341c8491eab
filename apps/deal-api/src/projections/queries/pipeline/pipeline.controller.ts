import { ApiTags } from '@nestjs/swagger';
import { Controller, Get, Query } from '@nestjs/common';
import { Access } from '../../../auth/access.decorator';
import { Ctx, RequestContext } from '../../../request-context/request-context.decorator';
import { LivePipelineCatalog } from '../../../pipelines/live-pipeline-catalog';
import { ReadScope } from '../read-model/read-scope';
import { ReadOptionsDto } from '../../read-options.dto';
import {
  DealSummary, pipelineByStage, ReadModel, repActivity, salesCycle, stageConversion, stuckDeals,
  timeInStage,
} from '@deals/projections';
import { PeriodDto } from '../period.dto';
import { nowOf } from '../read-model/now-of';
import { paginate } from '../read-model/paginate';
import { ApiReadModelQuery } from '../../../openapi/api-operations';
import { PIPELINE_FILTER, REPORT } from '../../../openapi/error-codes';
import { ConversionDto, PipelineByStageDto, SalesCycleDto, StuckDealsDto, TimeInStageDto } from './pipeline.dto';

/**
 * Pipeline metrics over the deal-summary read model; every endpoint takes asOf / asOfPosition / minPosition.
 * Stages come from the live catalog, so a deal on a published version is counted in its own version's stages.
 */
@ApiTags('pipeline')
@Controller('pipeline')
export class PipelineController {
  constructor(private readonly scope: ReadScope, private readonly catalog: LivePipelineCatalog) {}

  /** Over the deals the caller may read: all of them for org-wide readers. */
  private answer<R>(ctx: RequestContext, q: ReadOptionsDto, query: (deals: ReadModel<DealSummary>) => R) {
    return this.scope.answerOverDeals('report:pipeline', ctx.actor, q, query);
  }

  @Access('report:pipeline')
  @Get()
  @ApiReadModelQuery('Open pipeline by stage: counts, amounts and weighted amounts per currency', REPORT, PIPELINE_FILTER)
  byStage(@Query() q: PipelineByStageDto, @Ctx() ctx: RequestContext) {
    return this.answer(ctx, q, (m) => pipelineByStage(m, { ...q, catalog: this.catalog }));
  }

  @Access('report:pipeline')
  @Get('conversion')
  @ApiReadModelQuery('Stage conversion: where the deals that left a stage in a period went', REPORT, PIPELINE_FILTER)
  conversion(@Query() q: ConversionDto, @Ctx() ctx: RequestContext) {
    return this.answer(ctx, q, (m) => stageConversion(m, { ...q, catalog: this.catalog }));
  }

  @Access('report:pipeline')
  @Get('sales-cycle')
  @ApiReadModelQuery('Sales cycle of deals won in a period: count, average and median days', REPORT, PIPELINE_FILTER)
  cycle(@Query() q: SalesCycleDto, @Ctx() ctx: RequestContext) {
    return this.answer(ctx, q, (m) => salesCycle(m, { ...q, catalog: this.catalog }));
  }

  @Access('report:pipeline')
  @Get('time-in-stage')
  @ApiReadModelQuery('Time in stage: current and completed stays, median and p90 days', REPORT, PIPELINE_FILTER)
  timeInStage(@Query() q: TimeInStageDto, @Ctx() ctx: RequestContext) {
    return this.answer(ctx, q, (m) => timeInStage(m, { catalog: this.catalog, now: nowOf(q), stageId: q.stageId, pipelineId: q.pipelineId }));
  }

  @Access('report:pipeline')
  @Get('stuck')
  @ApiReadModelQuery('Open deals in a stage longer than its limit, longest first', REPORT, PIPELINE_FILTER)
  stuck(@Query() q: StuckDealsDto, @Ctx() ctx: RequestContext) {
    return this.answer(ctx, q, (m) => paginate(stuckDeals(m, { catalog: this.catalog, now: nowOf(q), ownerId: q.ownerId, pipelineId: q.pipelineId }), q));
  }

  @Access('report:pipeline')
  @Get('rep-activity')
  @ApiReadModelQuery('Per rep: meetings held and deals won in a period', REPORT)
  repActivity(@Query() q: PeriodDto, @Ctx() ctx: RequestContext) {
    return this.answer(ctx, q, (m) => repActivity(m, q));
  }
}
