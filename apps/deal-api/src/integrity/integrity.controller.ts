import { ApiTags } from '@nestjs/swagger';
import { Controller, Get, Inject } from '@nestjs/common';
import { DomainError } from '@deals/domain';
import { EVENT_STORE, EventStore, SqliteEventStore, verifyIntegrity } from '@deals/event-store';
import { ApiRead } from '../openapi/api-operations';
import { AUTHENTICATED } from '../openapi/error-codes';
import { IntegrityReportSchema } from '../openapi/schemas';
import { Ctx, RequestContext } from '../request-context/request-context.decorator';

const AUDITORS = ['admin', 'sales-ops', 'finance'];

/** Walks every stream's hash chain and reports the first broken link of each broken stream. */
@ApiTags('integrity')
@Controller('integrity')
export class IntegrityController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('verify')
  @ApiRead(
    'Walk every stream\'s hash chain and report the first broken link of each broken stream (admin, sales-ops, finance)',
    IntegrityReportSchema,
    AUTHENTICATED, { 403: ['AUTH.FORBIDDEN'], 503: ['STORE.UNAVAILABLE'] },
  )
  async verify(@Ctx() ctx: RequestContext) {
    if (!ctx.actor.roles.some((r) => AUDITORS.includes(r))) {
      throw new DomainError('AUTH.FORBIDDEN', 'forbidden', 'Verifying the event store needs the admin, sales-ops or finance role', { required: AUDITORS });
    }
    const started = Date.now();
    const report = await verifyIntegrity(this.store, { contiguousPositions: this.store instanceof SqliteEventStore });
    return { ...report, durationMs: Date.now() - started };
  }
}
