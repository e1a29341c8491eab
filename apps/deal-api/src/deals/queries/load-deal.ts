import { DealState, DomainError, createDealDecider } from '@deals/domain';
import { EventStore, RecordedEvent } from '@deals/event-store';
import { toDomainEvent } from '../../command-pipeline/handle-command';
import { dealStreamId } from '../deal-stream';

const decider = createDealDecider();

export interface LoadedDeal {
  readonly state: DealState;
  readonly history: readonly RecordedEvent[];
}

/** Reads and folds a deal's stream (as recorded by `asOf`, when given); 404 when the deal was not opened. */
export async function loadDeal(store: EventStore, dealId: string, asOf?: string): Promise<LoadedDeal> {
  const all = await store.readStream(dealStreamId(dealId));
  const history = asOf === undefined ? all : all.filter((e) => Date.parse(e.metadata.recordedAt) <= Date.parse(asOf));
  const state = history.reduce((s, e) => decider.evolve(s, toDomainEvent(e) as never), decider.initialState());
  if (!state.exists) {
    const when = asOf === undefined ? '' : ` as of ${asOf}`;
    throw new DomainError('DEAL.NOT_FOUND', 'not_found', `No deal with id ${dealId}${when}`, { dealId, asOf });
  }
  return { state, history };
}
