import { Query } from '@nestjs/cqrs';
import { DealView } from './deal-view';

export class GetDealQuery extends Query<DealView> {
  constructor(
    readonly dealId: string,
    /** A past recorded time: the deal as the engine knew it then. */
    readonly asOf?: string,
  ) {
    super();
  }
}
