import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { defaultPipelineCatalog, describeStageProgress } from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { dealAsOf, readDeal } from '../load-deal';
import { DealView } from './deal-view';
import { GetDealQuery } from './get-deal.query';

@QueryHandler(GetDealQuery)
export class GetDealHandler implements IQueryHandler<GetDealQuery, DealView> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ dealId, asOf, stream }: GetDealQuery): Promise<DealView> {
    const { state, revision, position } = dealAsOf(dealId, stream ?? (await readDeal(this.store, dealId)), asOf);
    return { dealId, asOf, revision, position, state, stage: describeStageProgress(state, defaultPipelineCatalog) };
  }
}
