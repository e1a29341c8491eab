import { ApiTags } from '@nestjs/swagger';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { Access } from '../../auth/access.decorator';
import {
  CommissionFactsDocument, commissionFactsProjection, openPipelineEstimate, personDealNames, quotaAttainment, ReadModel, reconstruction, statement,
} from '@deals/projections';
import { ReadOptionsDto } from '../../projections/read-options.dto';
import { ReadModelSource } from '../../projections/read-model.source';
import { nowOf } from '../../projections/queries/read-model/now-of';
import { ApiPersonId, ApiReadModelAnswer } from '../../openapi/api-operations';
import { PERSON_READ } from '../../openapi/error-codes';
import { presentAttainment, QuotaAttainmentSchema } from '../answers/attainment.answer';
import { PipelineEstimateSchema, presentEstimate } from '../answers/estimate.answer';
import { presentReconstruction, ReconstructionSchema } from '../answers/reconstruction.answer';
import { presentStatement, StatementSchema } from '../answers/statement.answer';
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
  @ApiReadModelAnswer('A person\'s commission statement for a quarter, each line with its lineage', StatementSchema, PERSON_READ)
  statement(@Param('personId') personId: string, @Query() q: StatementDto) {
    return this.answer(q, (m) => presentStatement(statement(m, { userId: personId, period: q.period, asKnownAt: q.asKnownAt }), personDealNames(m, personId)));
  }

  /** As known at A (default: the quarter's close) and at B (default: now), with each line's difference and its causes. */
  @Get('reconstruction')
  @Access('person:read')
  @ApiReadModelAnswer('The statement as known at two moments, with per-line differences and the events that caused them', ReconstructionSchema, PERSON_READ)
  reconstruction(@Param('personId') personId: string, @Query() q: ReconstructionDto) {
    return this.answer(q, (m) => presentReconstruction(
      reconstruction(m, { userId: personId, period: q.period, knownAtA: q.knownAtA, knownAtB: q.knownAtB, now: nowOf(q) }), personDealNames(m, personId),
    ));
  }

  /** Quota attainment in a quarter, with the attainment tier reached and the next one. */
  @Get('attainment')
  @Access('person:read')
  @ApiReadModelAnswer('A person\'s quota attainment in a quarter: credit won ÷ quarterly quota, the tier reached and the next', QuotaAttainmentSchema, PERSON_READ)
  attainment(@Param('personId') personId: string, @Query() q: StatementDto) {
    return this.answer(q, (m) => presentAttainment(quotaAttainment(m, { userId: personId, period: q.period })));
  }

  /** Estimated commission on open deals (weighted by stage probability). */
  @Get('estimate')
  @Access('person:read')
  @ApiReadModelAnswer('Estimated commission on open deals (credit × rate × stage probability), and won deals waiting for go-live', PipelineEstimateSchema, PERSON_READ)
  estimate(@Param('personId') personId: string, @Query() q: ReadOptionsDto) {
    return this.answer(q, (m) => presentEstimate(openPipelineEstimate(m, { userId: personId, now: nowOf(q) }), personDealNames(m, personId)));
  }
}
