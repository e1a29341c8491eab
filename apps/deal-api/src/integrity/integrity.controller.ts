import { ApiTags } from '@nestjs/swagger';
import { Controller, Get, Inject } from '@nestjs/common';
import { Access } from '../auth/access.decorator';
import { EVENT_STORE, EventStore, SqliteEventStore, verifyIntegrity } from '@deals/event-store';
import { ApiRead } from '../openapi/api-operations';
import { AUTHENTICATED } from '../openapi/error-codes';
import { IntegrityReportSchema } from '../openapi/schemas';

/** Walks every stream's hash chain and reports the first broken link of each broken stream. */
@ApiTags('integrity')
@Controller('integrity')
export class IntegrityController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('verify')
  @Access('integrity:verify')
  @ApiRead(
    'Walk every stream\'s hash chain and report the first broken link of each broken stream (admin, sales-ops, finance)',
    IntegrityReportSchema,
    AUTHENTICATED, { 503: ['STORE.UNAVAILABLE'] },
  )
  async verify() {
    const started = Date.now();
    const report = await verifyIntegrity(this.store, { contiguousPositions: this.store instanceof SqliteEventStore });
    return { ...report, durationMs: Date.now() - started };
  }
}
