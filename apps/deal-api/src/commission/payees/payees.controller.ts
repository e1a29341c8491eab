import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CommissionErrors, isPeriod } from '@deals/domain';
import { CommissionFactsDocument, commissionFactsProjection, DealNames, periodStatements, personDealNames, ReadModel } from '@deals/projections';
import { Access } from '../../auth/access.decorator';
import { LiveUserDirectory } from '../../auth/live-user-directory';
import { ApiErrors } from '../../openapi/api-errors';
import { ApiReadModelAnswer } from '../../openapi/api-operations';
import { REPORT } from '../../openapi/error-codes';
import { ReadModelSource } from '../../projections/read-model.source';
import { ReadOptionsDto } from '../../projections/read-options.dto';
import { PayeeSchema, presentPayee } from '../answers/payee.answer';
import { statementsCsv } from './statements-csv';

const PERIOD = { name: 'period', description: 'A calendar quarter (UTC).', example: '2026-Q1', schema: { type: 'string', pattern: '^\\d{4}-Q[1-4]$' } } as const;
const PERIOD_INVALID = { 400: ['COMMISSION.PERIOD_INVALID'] };

/** Finance's view of a period: who is paid or on a plan in it, and every statement line as CSV. */
@ApiTags('commission')
@ApiParam(PERIOD)
@Controller('commission/periods/:period')
export class PayeesController {
  constructor(
    private readonly reads: ReadModelSource,
    private readonly users: LiveUserDirectory,
  ) {}

  @Get('payees')
  @Access('payees:read')
  @ApiReadModelAnswer(
    'Everyone with a plan assignment or statement lines in the period, by user id, with their name and their statement\'s totals per currency',
    [PayeeSchema], REPORT, PERIOD_INVALID,
  )
  payees(@Param('period') period: string, @Query() q: ReadOptionsDto) {
    requirePeriod(period);
    return this.reads.answer(commissionFactsProjection.name, q, (m: ReadModel<CommissionFactsDocument>) =>
      periodStatements(m, { period }).map((p) => presentPayee(p, this.users.find(p.userId)?.name)));
  }

  @Get('statements.csv')
  @Access('statements:export')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Every line of every statement of the period as CSV (one row per line, header first), as `payees` lists them' })
  @ApiOkResponse({ description: 'RFC 4180 CSV, UTF-8; the header names the columns.', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(REPORT, PERIOD_INVALID)
  async statements(@Param('period') period: string, @Query() q: ReadOptionsDto, @Res({ passthrough: true }) res: Response): Promise<string> {
    requirePeriod(period);
    const answer = await this.reads.answer(commissionFactsProjection.name, q, (m: ReadModel<CommissionFactsDocument>) => {
      const deals = new Map<string, DealNames>();
      return statementsCsv(period, periodStatements(m, { period }), {
        person: (userId) => this.users.find(userId)?.name,
        deals: (userId) => deals.get(userId) ?? deals.set(userId, personDealNames(m, userId)).get(userId)!,
      });
    });
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="statements-${period}.csv"`);
    res.setHeader('X-Global-Position', String(answer.position));
    return answer.result;
  }
}

function requirePeriod(period: string): void {
  if (!isPeriod(period)) throw CommissionErrors.periodInvalid('period', period);
}
