import { ApiTags } from '@nestjs/swagger';
import { Controller, Get, Query } from '@nestjs/common';
import { DomainError } from '@deals/domain';
import {
  CommissionFactsDocument, commissionFactsProjection, DealSummary, dealSummaryProjection, openDealIds, parseSalesPeriod, QuotaStanding,
  quotaStanding, quotaStandingReport, requireQuarter, salesKpis, withExpectedClose,
} from '@deals/projections';
import { Access } from '../../../auth/access.decorator';
import { AccessPolicy } from '../../../auth/access-policy';
import { LiveUserDirectory } from '../../../auth/live-user-directory';
import { Ctx, RequestContext } from '../../../request-context/request-context.decorator';
import { ApiReadModelAnswer } from '../../../openapi/api-operations';
import { KPI_REPORT } from '../../../openapi/error-codes';
import { ReadModelSource } from '../../read-model.source';
import { nowOf } from '../read-model/now-of';
import { ReadScope } from '../read-model/read-scope';
import { QuotaStandingReportSchema, SalesKpisSchema } from './kpis.answer';
import { KpisDto, QuotaStandingDto } from './kpis.dto';

/**
 * Sales KPIs and quota standing. Rows and people follow the person read rules: reps see
 * themselves, managers their reports down the chain, sales-ops, finance and admin everyone.
 */
@ApiTags('reports')
@Controller('reports')
export class KpisController {
  constructor(
    private readonly scope: ReadScope,
    private readonly source: ReadModelSource,
    private readonly access: AccessPolicy,
    private readonly users: LiveUserDirectory,
  ) {}

  /** A team is led by a manager: the people reporting to them directly; someone without a manager leads their own. */
  private readonly teamOf = (userId: string) => this.users.managerOf(userId) ?? userId;

  @Access('report:kpis')
  @Get('kpis')
  @ApiReadModelAnswer('Sales KPIs per rep or team for a month or quarter, split by origin (docs/kpis.md)', SalesKpisSchema, KPI_REPORT)
  kpis(@Query() q: KpisDto, @Ctx() ctx: RequestContext) {
    parseSalesPeriod(q.period);
    const narrowed = this.access.check('report:kpis', ctx.actor, { kind: 'organisation' }).narrowed;
    const visible = narrowed ? this.access.personFilter(ctx.actor) : undefined;
    return this.scope.answerOverDeals('report:kpis', ctx.actor, q, (deals) => salesKpis(deals, {
      period: q.period, groupBy: q.groupBy, origin: q.origin, outcomesAsOf: q.outcomesAsOf, meetings: q.meetings,
      teamOf: this.teamOf, visible,
    }));
  }

  @Access('report:quota-standing')
  @Get('quota-standing')
  @ApiReadModelAnswer('Where a person or a team stands against quota in a quarter: won, weighted open pipeline expected to close, gap, coverage', QuotaStandingReportSchema, KPI_REPORT)
  async quotaStanding(@Query() q: QuotaStandingDto, @Ctx() ctx: RequestContext) {
    if (q.userId !== undefined && q.teamId !== undefined) {
      throw new DomainError('REPORT.TARGET_AMBIGUOUS', 'invalid', 'Give userId or teamId, not both');
    }
    requireQuarter(q.period);
    const id = q.teamId ?? q.userId ?? ctx.actor.id;
    this.access.assert('report:quota-standing', ctx.actor, { kind: 'person', personId: id });
    const members = q.teamId === undefined ? [id] : this.users.all().map((user) => user.userId).filter((userId) => this.teamOf(userId) === id).sort();
    const now = nowOf(q);
    const standings = await this.source.answer<CommissionFactsDocument, QuotaStanding[]>(commissionFactsProjection.name, q, (facts) =>
      members.map((userId) => quotaStanding(facts, { userId, period: q.period, now, expectedCloseOf: () => undefined })));
    // Expected close dates live on the deal summaries: read those of the open deals, at the same moment.
    const ids = openDealIds(standings.result);
    const expected = await this.source.answer<DealSummary, Map<string, string | undefined>>(dealSummaryProjection.name, q, (deals) =>
      new Map(ids.map((dealId) => [dealId, deals.get(dealId)?.decisionTimeframe?.decisionBy])));
    const result = quotaStandingReport(q.teamId === undefined ? 'person' : 'team', id, q.period,
      standings.result.map((standing) => withExpectedClose(standing, (dealId) => expected.result.get(dealId))));
    return { result, position: Math.min(standings.position, expected.position), ...(q.asOf === undefined ? {} : { asOf: q.asOf }) };
  }
}
