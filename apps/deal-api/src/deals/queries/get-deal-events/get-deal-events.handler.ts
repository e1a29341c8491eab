import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { dealStreamId, DomainError } from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { DealEventsPage, GetDealEventsQuery } from './get-deal-events.query';

@QueryHandler(GetDealEventsQuery)
export class GetDealEventsHandler implements IQueryHandler<GetDealEventsQuery, DealEventsPage> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ dealId, fromRevision, limit }: GetDealEventsQuery): Promise<DealEventsPage> {
    const streamId = dealStreamId(dealId);
    const events = await this.store.readStream(streamId, { fromRevision, maxCount: limit + 1 });
    if (events.length === 0 && fromRevision === 0) {
      throw new DomainError('DEAL.NOT_FOUND', 'not_found', `No deal with id ${dealId}`, { dealId });
    }
    const page = events.slice(0, limit);
    return { dealId, events: page, nextRevision: events.length > limit ? events[limit].revision : undefined };
  }
}
