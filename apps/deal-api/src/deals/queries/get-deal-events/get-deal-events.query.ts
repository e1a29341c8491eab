import { Query } from '@nestjs/cqrs';
import { RecordedEvent } from '@deals/event-store';

export interface DealEventsPage {
  readonly dealId: string;
  readonly events: readonly RecordedEvent[];
  /** Pass as `fromRevision` to read on; absent on the last page. */
  readonly nextRevision?: number;
}

export class GetDealEventsQuery extends Query<DealEventsPage> {
  constructor(
    readonly dealId: string,
    readonly fromRevision: number,
    readonly limit: number,
  ) {
    super();
  }
}
