import { ApiTags } from '@nestjs/swagger';
import { Controller, Get, Query } from '@nestjs/common';
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

const read = <R>(q: object, run: (docs: ReadModel<DealSummary>) => R) =>
  new RunReadModelQuery<DealSummary, R>(dealSummaryProjection.name, q, run);

/** Pipeline metrics over the deal-summary read model; every endpoint takes asOf / asOfPosition / minPosition. */
@ApiTags('pipeline')
@Controller('pipeline')
export class PipelineController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ReadModelQuery('Open pipeline by stage: counts, amounts and weighted amounts per currency', REPORT, PIPELINE_FILTER)
  byStage(@Query() q: PipelineByStageDto) {
    return this.queryBus.execute(read(q, (m) => pipelineByStage(m, q)));
  }

  @Get('conversion')
  @ReadModelQuery('Stage conversion: where the deals that left a stage in a period went', REPORT, PIPELINE_FILTER)
  conversion(@Query() q: ConversionDto) {
    return this.queryBus.execute(read(q, (m) => stageConversion(m, q)));
  }

  @Get('sales-cycle')
  @ReadModelQuery('Sales cycle of deals won in a period: count, average and median days', REPORT, PIPELINE_FILTER)
  cycle(@Query() q: SalesCycleDto) {
    return this.queryBus.execute(read(q, (m) => salesCycle(m, q)));
  }

  @Get('time-in-stage')
  @ReadModelQuery('Time in stage: current and completed stays, median and p90 days', REPORT, PIPELINE_FILTER)
  timeInStage(@Query() q: TimeInStageDto) {
    return this.queryBus.execute(read(q, (m) => timeInStage(m, { now: nowOf(q), stageId: q.stageId, pipelineId: q.pipelineId })));
  }

  @Get('stuck')
  @ReadModelQuery('Open deals in a stage longer than its limit, longest first', REPORT, PIPELINE_FILTER)
  stuck(@Query() q: StuckDealsDto) {
    return this.queryBus.execute(read(q, (m) => paginate(stuckDeals(m, { now: nowOf(q), ownerId: q.ownerId, pipelineId: q.pipelineId }), q)));
  }

  @Get('rep-activity')
  @ReadModelQuery('Per rep: meetings held and deals won in a period', REPORT)
  repActivity(@Query() q: PeriodDto) {
    return this.queryBus.execute(read(q, (m) => repActivity(m, q)));
  }
}
