import { ApiTags } from '@nestjs/swagger';
import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { AccessDeniedEvent, accessDenialStreamId, daysOf, denialRows, DomainError } from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { ApiPersonId, ApiRead } from '../../openapi/api-operations';
import { AUTHENTICATED, QUERY } from '../../openapi/error-codes';
import { AccessDenialsSchema } from '../../openapi/schemas';
import { AccessDenialLog } from '../access-denial.log';
import { Access } from '../access.decorator';
import { AccessDenialsDto, PersonAccessDenialsDto } from './access-denials.dto';

const MAX_DAYS = 92;

/** Who was refused what: the refusal log, merged per actor, permission and minute. */
@ApiTags('audit')
@Controller('audit')
export class AuditDenialsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly log: AccessDenialLog,
  ) {}

  @Get('access-denials')
  @Access('audit:access-denials')
  @ApiRead('Refused requests in a period, per actor, permission and minute, newest first (sales-ops, finance, admin)', AccessDenialsSchema, AUTHENTICATED, QUERY, { 400: ['AUDIT.PERIOD_INVALID'] })
  all(@Query() q: AccessDenialsDto) {
    return this.read(q, q.actorId);
  }

  @Get('people/:personId/access-denials')
  @Access('person:read')
  @ApiPersonId()
  @ApiRead('One person\'s refused requests in a period (themselves, their managers, sales-ops, finance, admin)', AccessDenialsSchema, AUTHENTICATED, QUERY, { 400: ['AUDIT.PERIOD_INVALID'] })
  person(@Param('personId') personId: string, @Query() q: PersonAccessDenialsDto) {
    return this.read(q, personId);
  }

  private async read(q: { from: string; to: string; offset: number; limit: number }, actorId: string | undefined) {
    const days = Date.parse(q.to) > Date.parse(q.from) ? daysOf(q.from, q.to) : [];
    if (days.length === 0 || days.length > MAX_DAYS) {
      throw new DomainError('AUDIT.PERIOD_INVALID', 'invalid', `from must be before to, at most ${MAX_DAYS} days apart`, { from: q.from, to: q.to, maxDays: MAX_DAYS });
    }
    await this.log.flush(true);
    const recorded = new Map<AccessDeniedEvent, string>();
    for (const day of days) {
      for (const e of await this.store.readStream(accessDenialStreamId(day))) {
        if (e.type === 'AccessDenied') recorded.set({ type: 'AccessDenied', data: e.data } as AccessDeniedEvent, e.metadata.recordedAt);
      }
    }
    const rows = denialRows([...recorded.keys()], { from: q.from, to: q.to, actorId }, (event) => recorded.get(event)!);
    const refusals = rows.reduce((n, row) => n + row.count, 0);
    return { from: q.from, to: q.to, actorId: actorId ?? null, refusals, total: rows.length, offset: q.offset, limit: q.limit, items: rows.slice(q.offset, q.offset + q.limit) };
  }
}
