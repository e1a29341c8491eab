import { Query } from '@nestjs/cqrs';
import { DealStream } from '../load-deal';
import { DealView } from './deal-view';

export class GetDealQuery extends Query<DealView> {
  constructor(
    readonly dealId: string,
    /** A past recorded time: the deal as the engine knew it then. */
    readonly asOf?: string,
    /** The deal's stream when the access check has read it already (it is read once per request). */
    readonly stream?: DealStream,
  ) {
    super();
  }
}
