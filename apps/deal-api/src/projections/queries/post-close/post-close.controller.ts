import { ApiTags } from '@nestjs/swagger';
import { Controller, Get, Query } from '@nestjs/common';
import { Access } from '../../../auth/access.decorator';
import { Ctx, RequestContext } from '../../../request-context/request-context.decorator';
import { ReadScope } from '../read-model/read-scope';
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

type Scope = (docs: ReadModel<DealSummary>) => ReadModel<DealSummary>;
const read = <R>(q: object, scope: Scope, run: (docs: ReadModel<DealSummary>) => R) =>
  new RunReadModelQuery<DealSummary, R>(dealSummaryProjection.name, q, (docs) => run(scope(docs)));

/** After the win: hand-off, implementation and go-live, with durations and stuck deals. */
@ApiTags('post-close metrics')
@Controller('post-close')
export class PostCloseController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly scope: ReadScope,
  ) {}

  /** The deals the caller may read: all of them for org-wide readers. */
  private mine(ctx: RequestContext): Scope {
    return this.scope.deals('report:post-close', ctx.actor);
  }

  @Access('report:post-close')
  @Get()
  @ReadModelQuery('Won deals after the close: stage, days to hand-off, implementation days, what they wait for', REPORT, PIPELINE_FILTER)
  deals(@Query() q: PostCloseDealsDto, @Ctx() ctx: RequestContext) {
    return this.queryBus.execute(read(q, this.mine(ctx), (m) => paginate(postCloseDeals(m, { ...q, now: nowOf(q) }), q)));
  }

  @Access('report:post-close')
  @Get('stuck')
  @ReadModelQuery('Won deals stuck after the close, longest wait first', REPORT, PIPELINE_FILTER)
  stuck(@Query() q: PostCloseDealsDto, @Ctx() ctx: RequestContext) {
    return this.queryBus.execute(read(q, this.mine(ctx), (m) => paginate(stuckAfterClose(m, { ...q, now: nowOf(q) }), q)));
  }

  @Access('report:post-close')
  @Get('durations')
  @ReadModelQuery('Time to hand-off and implementation duration, overall or per person', REPORT)
  durations(@Query() q: PostCloseDurationsDto, @Ctx() ctx: RequestContext) {
    const by = q.by;
    return this.queryBus.execute(read(q, this.mine(ctx), (m) => (by ? postCloseDurationsBy(m, { from: q.from, to: q.to, by }) : postCloseDurations(m, q))));
  }
}
