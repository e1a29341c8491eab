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
import { nowOf } from '../read-model/now-of';
import { paginate } from '../read-model/paginate';
import { ApiReadModelAnswer, ApiReadModelQuery } from '../../../openapi/api-operations';
import { PIPELINE_FILTER, REPORT } from '../../../openapi/error-codes';
import { ConversionDto, PipelineByStageDto, RepActivityDto, SalesCycleDto, StuckDealsDto, TimeInStageDto } from './pipeline.dto';
import { DAYS, RepActivitySchema, SalesCycleSchema, StageConversionSchema, TimeInStageRowSchema } from './pipeline.answer';

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
  @ApiReadModelAnswer('Stage conversion: where the deals that left a stage in a period went (outcomes as of now or the period\'s end)', StageConversionSchema, REPORT, PIPELINE_FILTER)
  conversion(@Query() q: ConversionDto, @Ctx() ctx: RequestContext) {
    return this.answer(ctx, q, (m) => stageConversion(m, { ...q, catalog: this.catalog }));
  }

  @Access('report:pipeline')
  @Get('sales-cycle')
  @ApiReadModelAnswer('Sales cycle of deals won in a period: count, average and median fractional days', SalesCycleSchema, REPORT, PIPELINE_FILTER)
  cycle(@Query() q: SalesCycleDto, @Ctx() ctx: RequestContext) {
    return this.answer(ctx, q, (m) => salesCycle(m, { ...q, catalog: this.catalog }));
  }

  @Access('report:pipeline')
  @Get('time-in-stage')
  @ApiReadModelAnswer('Time in stage: current and completed stays, median and p90 fractional days', [TimeInStageRowSchema], REPORT, PIPELINE_FILTER)
  timeInStage(@Query() q: TimeInStageDto, @Ctx() ctx: RequestContext) {
    return this.answer(ctx, q, (m) => timeInStage(m, { catalog: this.catalog, now: nowOf(q), stageId: q.stageId, pipelineId: q.pipelineId }));
  }

  @Access('report:pipeline')
  @Get('stuck')
  @ApiReadModelQuery({ summary: 'Open deals in a stage longer than its limit, longest first', description: `Day counts: ${DAYS}` }, REPORT, PIPELINE_FILTER)
  stuck(@Query() q: StuckDealsDto, @Ctx() ctx: RequestContext) {
    return this.answer(ctx, q, (m) => paginate(stuckDeals(m, { catalog: this.catalog, now: nowOf(q), ownerId: q.ownerId, pipelineId: q.pipelineId }), q));
  }

  @Access('report:pipeline')
  @Get('rep-activity')
  @ApiReadModelAnswer('Per rep: meetings held (by the stated definition) and deals won in a period', RepActivitySchema, REPORT, PIPELINE_FILTER)
  repActivity(@Query() q: RepActivityDto, @Ctx() ctx: RequestContext) {
    return this.answer(ctx, q, (m) => repActivity(m, {
      from: q.from, to: q.to, meetings: q.meetings, outcomesAsOf: q.outcomesAsOf, pipelineId: q.pipelineId, catalog: this.catalog,
    }));
  }
}
