import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@deals/domain';
import { AuditDocument, auditProjection, dealTimeline, personDeals, ReadModel } from '@deals/projections';
import { ReadModelSource } from '../../read-model.source';
import { GetDealTimelineQuery, GetPersonDealsQuery } from './audit.query';

@QueryHandler(GetDealTimelineQuery)
export class GetDealTimelineHandler implements IQueryHandler<GetDealTimelineQuery> {
  constructor(private readonly source: ReadModelSource) {}

  async execute({ dealId, options: o }: GetDealTimelineQuery) {
    const model = await this.source.answer(auditProjection.name, o, (docs: ReadModel<AuditDocument>) =>
      dealTimeline(docs, dealId, { from: o.from, to: o.to, timeBasis: o.timeBasis, offset: o.offset, limit: o.limit }));
    const view = model.result;
    if (!view) throw new DomainError('DEAL.NOT_FOUND', 'not_found', `No deal with id ${dealId} in the audit read model`, { dealId });
    return { ...view, position: model.position, asOf: model.asOf };
  }
}

@QueryHandler(GetPersonDealsQuery)
export class GetPersonDealsHandler implements IQueryHandler<GetPersonDealsQuery> {
  constructor(private readonly source: ReadModelSource) {}

  async execute({ personId, options: o }: GetPersonDealsQuery) {
    const model = await this.source.answer(auditProjection.name, o, (docs: ReadModel<AuditDocument>) =>
      personDeals(docs, personId, { from: o.from, to: o.to, timeBasis: o.timeBasis }));
    const view = model.result;
    if (!view) throw new DomainError('PERSON.NOT_FOUND', 'not_found', `${personId} has worked no deal`, { personId });
    const page = view.deals.slice(o.offset, o.offset + o.limit);
    return { personId, total: view.deals.length, offset: o.offset, limit: o.limit, deals: page, position: model.position, asOf: model.asOf };
  }
}
