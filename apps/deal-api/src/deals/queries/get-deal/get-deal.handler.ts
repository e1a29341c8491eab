import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { defaultPipelineCatalog, describeStageProgress } from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { loadDeal } from '../load-deal';
import { DealView } from './deal-view';
import { GetDealQuery } from './get-deal.query';

@QueryHandler(GetDealQuery)
export class GetDealHandler implements IQueryHandler<GetDealQuery, DealView> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ dealId, asOf }: GetDealQuery): Promise<DealView> {
    const { state, history } = await loadDeal(this.store, dealId, asOf);
    const last = history[history.length - 1];
    return {
      dealId,
      asOf,
      revision: last.revision,
      position: last.position,
      state,
      stage: describeStageProgress(state, defaultPipelineCatalog),
    };
  }
}
