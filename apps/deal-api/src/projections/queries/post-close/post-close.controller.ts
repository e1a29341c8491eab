import { ApiTags } from '@nestjs/swagger';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  DealSummary, dealSummaryProjection, postCloseDeals, postCloseDurations, postCloseDurationsBy, ReadModel, stuckAfterClose,
} from '@deals/projections';
import { nowOf } from '../read-model/now-of';
import { paginate } from '../read-model/paginate';
import { RunReadModelQuery } from '../read-model/run-read-model.query';
import { ReadModelQuery } from '../../../openapi/api-operations';
import { PIPELINE_FILTER, REPORT } from '../../../openapi/error-codes';
import { PostCloseDealsDto, PostCloseDurationsDto } from './post-close.dto';

const read = <R>(q: object, run: (docs: ReadModel<DealSummary>) => R) =>
  new RunReadModelQuery<DealSummary, R>(dealSummaryProjection.name, q, run);

/** After the win: hand-off, implementation and go-live, with durations and stuck deals. */
@ApiTags('post-close metrics')
@Controller('post-close')
export class PostCloseController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ReadModelQuery('Won deals after the close: stage, days to hand-off, implementation days, what they wait for', REPORT, PIPELINE_FILTER)
  deals(@Query() q: PostCloseDealsDto) {
    return this.queryBus.execute(read(q, (m) => paginate(postCloseDeals(m, { ...q, now: nowOf(q) }), q)));
  }

  @Get('stuck')
  @ReadModelQuery('Won deals stuck after the close, longest wait first', REPORT, PIPELINE_FILTER)
  stuck(@Query() q: PostCloseDealsDto) {
    return this.queryBus.execute(read(q, (m) => paginate(stuckAfterClose(m, { ...q, now: nowOf(q) }), q)));
  }

  @Get('durations')
  @ReadModelQuery('Time to hand-off and implementation duration, overall or per person', REPORT)
  durations(@Query() q: PostCloseDurationsDto) {
    const by = q.by;
    return this.queryBus.execute(read(q, (m) => (by ? postCloseDurationsBy(m, { from: q.from, to: q.to, by }) : postCloseDurations(m, q))));
  }
}
