import { ApiTags } from '@nestjs/swagger';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DomainError } from '@deals/domain';
import { AuditDocument, auditProjection, dealParticipants, dealsWorkedBy, ReadModel } from '@deals/projections';
import { Access } from '../../../auth/access.decorator';
import { ReadModelSource } from '../../read-model.source';
import { DealIdPipe } from '../../../deals/commands/shared/deal-id.pipe';
import { ApiDealId, ApiPersonId, ApiReadModelQuery } from '../../../openapi/api-operations';
import { DEAL_ID, PERSON_READ, READ_MODEL } from '../../../openapi/error-codes';
import { AuditPageDto } from '../period.dto';
import { GetDealTimelineQuery, GetPersonDealsQuery } from './audit.query';

/** Who worked which deal: a deal's full timeline, and every deal a person worked. */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly reads: ReadModelSource,
  ) {}

  @Get('deals/:dealId')
  @Access('deal:read')
  @ApiDealId()
  @ApiReadModelQuery(
    'A deal\'s full timeline: each event with its actor, both times, its evidence and a summary',
    READ_MODEL, DEAL_ID, { 403: ['AUTH.PERMISSION_DENIED'], 404: ['DEAL.NOT_FOUND'] },
  )
  timeline(@Param('dealId', DealIdPipe) dealId: string, @Query() q: AuditPageDto) {
    return this.queryBus.execute(new GetDealTimelineQuery(dealId, q));
  }

  @Get('deals/:dealId/participants')
  @Access('deal:read')
  @ApiDealId()
  @ApiReadModelQuery(
    'Who worked the deal in the period: each person\'s roles on it (with from/to), whether they own it, how much they recorded',
    READ_MODEL, DEAL_ID, { 403: ['AUTH.PERMISSION_DENIED'], 404: ['DEAL.NOT_FOUND'] },
  )
  async participants(@Param('dealId', DealIdPipe) dealId: string, @Query() q: AuditPageDto) {
    const answer = await this.reads.answer(auditProjection.name, q, (m: ReadModel<AuditDocument>) =>
      dealParticipants(m, dealId, { from: q.from, to: q.to, timeBasis: q.timeBasis }));
    if (answer.result === undefined) throw new DomainError('DEAL.NOT_FOUND', 'not_found', `No deal with id ${dealId} in the audit read model`, { dealId });
    return answer;
  }

  @Get('people/:personId/deals-worked')
  @Access('person:read')
  @ApiPersonId()
  @ApiReadModelQuery('One line per deal the person worked in the period: the deal, their roles, whether they own it, how much they recorded', PERSON_READ, { 404: ['PERSON.NOT_FOUND'] })
  async dealsWorked(@Param('personId') personId: string, @Query() q: AuditPageDto) {
    const answer = await this.reads.answer(auditProjection.name, q, (m: ReadModel<AuditDocument>) =>
      dealsWorkedBy(m, personId, { from: q.from, to: q.to, timeBasis: q.timeBasis }));
    if (answer.result === undefined) throw new DomainError('PERSON.NOT_FOUND', 'not_found', `${personId} has worked no deal`, { personId });
    return answer;
  }

  @Get('people/:personId')
  @Access('person:read')
  @ApiPersonId()
  @ApiReadModelQuery('Every deal a person worked: roles held, what they recorded, where they were named', PERSON_READ, { 404: ['PERSON.NOT_FOUND'] })
  person(@Param('personId') personId: string, @Query() q: AuditPageDto) {
    return this.queryBus.execute(new GetPersonDealsQuery(personId, q));
  }
}
