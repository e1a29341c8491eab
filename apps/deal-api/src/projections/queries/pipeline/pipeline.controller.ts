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
import { ConversionDto, PipelineByStageDto, SalesCycleDto, StuckDealsDto, TimeInStageDto } from './pipeline.dto';

const read = <R>(q: object, run: (docs: ReadModel<DealSummary>) => R) =>
  new RunReadModelQuery<DealSummary, R>(dealSummaryProjection.name, q, run);

/** Pipeline metrics over the deal-summary read model; every endpoint takes asOf / asOfPosition / minPosition. */
@Controller('pipeline')
export class PipelineController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  byStage(@Query() q: PipelineByStageDto) {
    return this.queryBus.execute(read(q, (m) => pipelineByStage(m, q)));
  }

  @Get('conversion')
  conversion(@Query() q: ConversionDto) {
    return this.queryBus.execute(read(q, (m) => stageConversion(m, q)));
  }

  @Get('sales-cycle')
  cycle(@Query() q: SalesCycleDto) {
    return this.queryBus.execute(read(q, (m) => salesCycle(m, q)));
  }

  @Get('time-in-stage')
  timeInStage(@Query() q: TimeInStageDto) {
    return this.queryBus.execute(read(q, (m) => timeInStage(m, { now: nowOf(q), stageId: q.stageId, pipelineId: q.pipelineId })));
  }

  @Get('stuck')
  stuck(@Query() q: StuckDealsDto) {
    return this.queryBus.execute(read(q, (m) => paginate(stuckDeals(m, { now: nowOf(q), ownerId: q.ownerId, pipelineId: q.pipelineId }), q)));
  }

  @Get('rep-activity')
  repActivity(@Query() q: PeriodDto) {
    return this.queryBus.execute(read(q, (m) => repActivity(m, q)));
  }
}
