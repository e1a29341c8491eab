import { ApiTags } from '@nestjs/swagger';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ACCOUNT_ACTIVITY_CATEGORY, daysOf, DomainError } from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { ApiRead } from '../../openapi/api-operations';
import { AUTHENTICATED, QUERY } from '../../openapi/error-codes';
import { Access } from '../access.decorator';
import { AccountActivityQueryDto } from './account.dto';
import { AccountActivitySchema } from './account.schemas';

const MAX_DAYS = 92;

/** The account audit: sign-ins, failures, lockouts, sign-outs, links issued and passwords set. */
@ApiTags('audit')
@Controller('audit')
export class AccountActivityController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get('accounts')
  @Access('audit:accounts')
  @ApiRead('Account activity in a period, newest first (admin)', AccountActivitySchema, AUTHENTICATED, QUERY, { 400: ['AUDIT.PERIOD_INVALID'] })
  async activity(@Query() q: AccountActivityQueryDto) {
    const days = Date.parse(q.to) > Date.parse(q.from) ? daysOf(q.from, q.to) : [];
    if (days.length === 0 || days.length > MAX_DAYS) {
      throw new DomainError('AUDIT.PERIOD_INVALID', 'invalid', `from must be before to, at most ${MAX_DAYS} days apart`, { from: q.from, to: q.to, maxDays: MAX_DAYS });
    }
    const from = Date.parse(q.from);
    const to = Date.parse(q.to);
    const items: Record<string, unknown>[] = [];
    for (const day of days) {
      for (const e of await this.store.readStream(`${ACCOUNT_ACTIVITY_CATEGORY}-${day}`)) {
        const at = Date.parse(e.metadata.recordedAt);
        const data = e.data as { userId: string };
        if (e.type !== 'AccountActivity' || at < from || at >= to || (q.userId !== undefined && data.userId !== q.userId)) continue;
        items.push({ at: e.metadata.recordedAt, ...data });
      }
    }
    items.reverse();
    return { from: q.from, to: q.to, total: items.length, offset: q.offset, limit: q.limit, items: items.slice(q.offset, q.offset + q.limit) };
  }
}
