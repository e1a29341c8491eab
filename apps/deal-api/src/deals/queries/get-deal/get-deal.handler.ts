import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { describeStageProgress } from '@deals/domain';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { LivePipelineCatalog } from '../../../pipelines/live-pipeline-catalog';
import { dealAsOf, readDeal } from '../load-deal';
import { DealView } from './deal-view';
import { GetDealQuery } from './get-deal.query';

@QueryHandler(GetDealQuery)
export class GetDealHandler implements IQueryHandler<GetDealQuery, DealView> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly catalog: LivePipelineCatalog) {}

  async execute({ dealId, asOf, stream }: GetDealQuery): Promise<DealView> {
    const { state, revision, position } = dealAsOf(dealId, stream ?? (await readDeal(this.store, dealId, this.catalog)), asOf, this.catalog);
    return { dealId, asOf, revision, position, state, stage: describeStageProgress(state, this.catalog) };
  }
}
