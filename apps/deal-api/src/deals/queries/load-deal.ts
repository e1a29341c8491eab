import { AggregatedStream, aggregateStream, toDomainEvent } from '@deals/command-pipeline';
import { createDealDecider, DealEvent, DealState, dealStreamId, DomainError, fold, PipelineCatalog } from '@deals/domain';
import { EventStore } from '@deals/event-store';

const decider = createDealDecider();

export type DealStream = AggregatedStream<DealState>;

/** The deal's stream, read and folded (stages of a published version need the catalog that has it). */
export function readDeal(store: EventStore, dealId: string, catalog?: PipelineCatalog): Promise<DealStream> {
  return aggregateStream(store, dealStreamId(dealId), catalog ? createDealDecider(catalog) : decider);
}

export interface LoadedDeal {
  readonly state: DealState;
  readonly revision: number;
  readonly position: number;
}

/** The deal now, or as the engine knew it at a recorded time (from the same read); 404 when it was not opened. */
export function dealAsOf(dealId: string, stream: DealStream, asOf?: string, catalog?: PipelineCatalog): LoadedDeal {
  const known = asOf === undefined ? stream.events : stream.events.filter((e) => Date.parse(e.metadata.recordedAt) <= Date.parse(asOf));
  const state = asOf === undefined ? stream.state : fold(catalog ? createDealDecider(catalog) : decider, known.map((e) => toDomainEvent(e) as DealEvent));
  if (!state.exists) {
    const when = asOf === undefined ? '' : ` as of ${asOf}`;
    throw new DomainError('DEAL.NOT_FOUND', 'not_found', `No deal with id ${dealId}${when}`, { dealId, asOf });
  }
  const last = known[known.length - 1];
  return { state, revision: last.revision, position: last.position };
}
