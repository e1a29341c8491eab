import { Query } from '@nestjs/cqrs';
import { AuditPageDto } from '../period.dto';

export class GetDealTimelineQuery extends Query<unknown> {
  constructor(readonly dealId: string, readonly options: AuditPageDto) {
    super();
  }
}

export class GetPersonDealsQuery extends Query<unknown> {
  constructor(readonly personId: string, readonly options: AuditPageDto) {
    super();
  }
}
