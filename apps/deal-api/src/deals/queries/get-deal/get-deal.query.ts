import { Query } from '@nestjs/cqrs';
import { DealView } from './deal-view';

export class GetDealQuery extends Query<DealView> {
  constructor(readonly dealId: string) {
    super();
  }
}
