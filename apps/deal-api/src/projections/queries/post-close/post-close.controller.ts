import { ApiTags } from '@nestjs/swagger';
import { Controller, Get, Query } from '@nestjs/common';
import { Access } from '../../../auth/access.decorator';
import { Ctx, RequestContext } from '../../../request-context/request-context.decorator';
import { LivePipelineCatalog } from '../../../pipelines/live-pipeline-catalog';
import { ReadScope } from '../read-model/read-scope';
import { ReadOptionsDto } from '../../read-options.dto';
import {
  DealSummary, postCloseDeals, postCloseDurations, postCloseDurationsBy, ReadModel, stuckAfterClose,
} from '@deals/projections';
import { nowOf } from '../read-model/now-of';
import { paginate } from '../read-model/paginate';
import { ApiReadModelQuery } from '../../../openapi/api-operations';
import { PIPELINE_FILTER, REPORT } from '../../../openapi/error-codes';
import { PostCloseDealsDto, PostCloseDurationsDto } from './post-close.dto';
import { DAYS } from '../pipeline/pipeline.answer';

/** After the win: hand-off, implementation and go-live, with durations and stuck deals. */
@ApiTags('post-close metrics')
@Controller('post-close')
export class PostCloseController {
  constructor(private readonly scope: ReadScope, private readonly catalog: LivePipelineCatalog) {}

  /** Over the deals the caller may read: all of them for org-wide readers. */
  private answer<R>(ctx: RequestContext, q: ReadOptionsDto, query: (deals: ReadModel<DealSummary>) => R) {
    return this.scope.answerOverDeals('report:post-close', ctx.actor, q, query);
  }

  @Access('report:post-close')
  @Get()
  @ApiReadModelQuery({
    summary: 'Won deals after the close: stage, days to hand-off, implementation days, what they wait for',
    description: `\`daysToHandOff\`, \`implementationDays\`, \`daysWaiting\`: ${DAYS}`,
  }, REPORT, PIPELINE_FILTER)
  deals(@Query() q: PostCloseDealsDto, @Ctx() ctx: RequestContext) {
    return this.answer(ctx, q, (m) => paginate(postCloseDeals(m, { ...q, now: nowOf(q), catalog: this.catalog }), q));
  }

  @Access('report:post-close')
  @Get('stuck')
  @ApiReadModelQuery({ summary: 'Won deals stuck after the close, longest wait first', description: `Day counts: ${DAYS}` }, REPORT, PIPELINE_FILTER)
  stuck(@Query() q: PostCloseDealsDto, @Ctx() ctx: RequestContext) {
    return this.answer(ctx, q, (m) => paginate(stuckAfterClose(m, { ...q, now: nowOf(q), catalog: this.catalog }), q));
  }

  @Access('report:post-close')
  @Get('durations')
  @ApiReadModelQuery({
    summary: 'Time to hand-off and implementation duration, overall or per person',
    description: 'A duration is placed in the period its **end** falls in: time to hand-off (close → hand-off) by the hand-off, '
      + 'implementation (start → live) by going live (docs/kpis.md#definitions). The overall answer carries '
      + `\`definitions: { periodBy: 'duration-end', days: 'fractional' }\`. \`averageDays\`, \`medianDays\`: ${DAYS}`,
  }, REPORT)
  durations(@Query() q: PostCloseDurationsDto, @Ctx() ctx: RequestContext) {
    const by = q.by;
    return this.answer(ctx, q, (m) => (by ? postCloseDurationsBy(m, { from: q.from, to: q.to, by }) : postCloseDurations(m, q)));
  }
}
