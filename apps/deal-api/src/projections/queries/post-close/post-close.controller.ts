import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  DealSummary, dealSummaryProjection, postCloseDeals, postCloseDurations, postCloseDurationsBy, ReadModel, stuckAfterClose,
} from '@deals/projections';
import { nowOf } from '../read-model/now-of';
import { paginate } from '../read-model/paginate';
import { RunReadModelQuery } from '../read-model/run-read-model.query';
import { PostCloseDealsDto, PostCloseDurationsDto } from './post-close.dto';

const read = <R>(q: object, run: (docs: ReadModel<DealSummary>) => R) =>
  new RunReadModelQuery<DealSummary, R>(dealSummaryProjection.name, q, run);

/** After the win: hand-off, implementation and go-live, with durations and stuck deals. */
@Controller('post-close')
export class PostCloseController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  deals(@Query() q: PostCloseDealsDto) {
    return this.queryBus.execute(read(q, (m) => paginate(postCloseDeals(m, { ...q, now: nowOf(q) }), q)));
  }

  @Get('stuck')
  stuck(@Query() q: PostCloseDealsDto) {
    return this.queryBus.execute(read(q, (m) => paginate(stuckAfterClose(m, { ...q, now: nowOf(q) }), q)));
  }

  @Get('durations')
  durations(@Query() q: PostCloseDurationsDto) {
    const by = q.by;
    return this.queryBus.execute(read(q, (m) => (by ? postCloseDurationsBy(m, { from: q.from, to: q.to, by }) : postCloseDurations(m, q))));
  }
}
