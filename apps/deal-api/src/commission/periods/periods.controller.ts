import { ApiParam, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { CommissionErrors, isPeriod } from '@deals/domain';
import { CommissionFactsDocument, commissionFactsProjection, commissionPeriod, commissionPeriods, ReadModel } from '@deals/projections';
import { Access } from '../../auth/access.decorator';
import { ReadModelSource } from '../../projections/read-model.source';
import { ReadOptionsDto } from '../../projections/read-options.dto';
import { nowOf } from '../../projections/queries/read-model/now-of';
import { Ctx, RequestContext } from '../../request-context/request-context.decorator';
import { CommissionCommandHandler } from '../commands/commission-command.handler';
import { ApiCommissionCommand, ApiReadModelAnswer } from '../../openapi/api-operations';
import { CommissionPeriodSchema, presentPeriod } from '../answers/period.answer';
import { COMMISSION_COMMAND, READ_MODEL } from '../../openapi/error-codes';
import { ReopenPeriodDto } from './reopen-period.dto';

const PERIOD = { name: 'period', description: 'A calendar quarter (UTC).', example: '2026-Q1', schema: { type: 'string', pattern: '^\\d{4}-Q[1-4]$' } } as const;
const PERIOD_INVALID = { 400: ['COMMISSION.PERIOD_INVALID'] };

/** Commission periods: finance (or an admin) closes a quarter, freezing its statements, and may reopen it. */
@ApiTags('commission')
@Controller('commission/periods')
export class PeriodsController {
  constructor(
    private readonly commands: CommissionCommandHandler,
    private readonly reads: ReadModelSource,
  ) {}

  @Get()
  @Access('period:read')
  @ApiReadModelAnswer('Every commission period from the first plan\'s quarter to the current one: open or closed, who closed it and when, every close and reopening', [CommissionPeriodSchema], READ_MODEL)
  list(@Query() q: ReadOptionsDto) {
    return this.reads.answer(commissionFactsProjection.name, q, (m: ReadModel<CommissionFactsDocument>) => commissionPeriods(m, { now: nowOf(q) }).map(presentPeriod));
  }

  @Get(':period')
  @Access('period:read')
  @ApiParam(PERIOD)
  @ApiReadModelAnswer('One commission period: open or closed, who closed it and when, every close and reopening', CommissionPeriodSchema, READ_MODEL, PERIOD_INVALID)
  one(@Param('period') period: string, @Query() q: ReadOptionsDto) {
    requirePeriod(period);
    return this.reads.answer(commissionFactsProjection.name, q, (m: ReadModel<CommissionFactsDocument>) => presentPeriod(commissionPeriod(m, { period, now: nowOf(q) })));
  }

  @Post(':period/close')
  @Access('commission:CloseCommissionPeriod')
  @ApiParam(PERIOD)
  @ApiCommissionCommand(
    { summary: 'Close a commission period once it has ended (finance, admin)', description: 'Its statements are frozen as known now; a later fact that changes them becomes a prior-period adjustment in the first open period. The answer\'s `id` is the period.' },
    COMMISSION_COMMAND, PERIOD_INVALID, { 409: ['COMMISSION.PERIOD_NOT_ENDED', 'COMMISSION.PERIOD_ALREADY_CLOSED'] },
  )
  close(@Param('period') period: string, @Ctx() ctx: RequestContext) {
    requirePeriod(period);
    return this.commands.handle(ctx, 'period', period, 'CloseCommissionPeriod', { period });
  }

  @Post(':period/reopen')
  @Access('commission:ReopenCommissionPeriod')
  @ApiParam(PERIOD)
  @ApiCommissionCommand(
    { summary: 'Reopen a closed commission period, with a reason (finance, admin)', description: 'Its statements read as known now again, and the prior-period adjustments it produced leave the open periods.' },
    COMMISSION_COMMAND, PERIOD_INVALID, { 409: ['COMMISSION.PERIOD_NOT_CLOSED'] },
  )
  reopen(@Param('period') period: string, @Body() b: ReopenPeriodDto, @Ctx() ctx: RequestContext) {
    requirePeriod(period);
    return this.commands.handle(ctx, 'period', period, 'ReopenCommissionPeriod', { period, reason: b.reason });
  }
}

function requirePeriod(period: string): void {
  if (!isPeriod(period)) throw CommissionErrors.periodInvalid('period', period);
}
