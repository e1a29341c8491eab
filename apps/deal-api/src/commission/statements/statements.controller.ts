import { ApiTags } from '@nestjs/swagger';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { Access } from '../../auth/access.decorator';
import {
  CommissionFactsDocument, commissionFactsProjection, openPipelineEstimate, quotaAttainment, ReadModel, reconstruction, statement,
} from '@deals/projections';
import { ReadOptionsDto } from '../../projections/read-options.dto';
import { ReadModelSource } from '../../projections/read-model.source';
import { nowOf } from '../../projections/queries/read-model/now-of';
import { ApiPersonId, ApiReadModelQuery } from '../../openapi/api-operations';
import { PERSON_READ } from '../../openapi/error-codes';
import { ReconstructionDto, StatementDto } from './statement.dto';


/**
 * A person's commission statement with the lineage of every line. `:personId` routes are
 * authorised by the read guard: a rep sees only their own, a manager their reports'.
 */
@ApiTags('commission')
@ApiPersonId()
@Controller('commission/statements/:personId')
export class StatementsController {
  constructor(private readonly reads: ReadModelSource) {}

  private answer<R>(q: ReadOptionsDto, run: (m: ReadModel<CommissionFactsDocument>) => R) {
    return this.reads.answer(commissionFactsProjection.name, q, run);
  }

  @Get()
  @Access('person:read')
  @ApiReadModelQuery('A person\'s commission statement for a quarter, each line with its lineage', PERSON_READ)
  statement(@Param('personId') personId: string, @Query() q: StatementDto) {
    return this.answer(q, (m) => statement(m, { userId: personId, period: q.period, asKnownAt: q.asKnownAt }));
  }

  /** As known at A (default: the quarter's close) and at B (default: now), with each line's difference and its causes. */
  @Get('reconstruction')
  @Access('person:read')
  @ApiReadModelQuery('The statement as known at two moments, with per-line differences and the events that caused them', PERSON_READ)
  reconstruction(@Param('personId') personId: string, @Query() q: ReconstructionDto) {
    return this.answer(q, (m) => reconstruction(m, { userId: personId, period: q.period, knownAtA: q.knownAtA, knownAtB: q.knownAtB, now: nowOf(q) }));
  }

  /** Quota attainment in a quarter, with the attainment tier reached and the next one. */
  @Get('attainment')
  @Access('person:read')
  @ApiReadModelQuery('A person\'s quota attainment in a quarter: credit won ÷ quarterly quota, the tier reached and the next', PERSON_READ)
  attainment(@Param('personId') personId: string, @Query() q: StatementDto) {
    return this.answer(q, (m) => quotaAttainment(m, { userId: personId, period: q.period }));
  }

  /** Estimated commission on open deals (weighted by stage probability). */
  @Get('estimate')
  @Access('person:read')
  @ApiReadModelQuery('Estimated commission on open deals (credit × rate × stage probability)', PERSON_READ)
  estimate(@Param('personId') personId: string, @Query() q: ReadOptionsDto) {
    return this.answer(q, (m) => openPipelineEstimate(m, { userId: personId, now: nowOf(q) }));
  }
}
