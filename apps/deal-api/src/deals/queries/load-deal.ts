import { DealState, DomainError, createDealDecider } from '@deals/domain';
import { EventStore, RecordedEvent } from '@deals/event-store';
import { toDomainEvent } from '../../command-pipeline/handle-command';
import { dealStreamId } from '../deal-stream';

const decider = createDealDecider();

export interface LoadedDeal {
  readonly state: DealState;
  readonly history: readonly RecordedEvent[];
}

/** Reads and folds a deal's stream; 404 when the deal was never opened. */
export async function loadDeal(store: EventStore, dealId: string): Promise<LoadedDeal> {
  const history = await store.readStream(dealStreamId(dealId));
  const state = history.reduce((s, e) => decider.evolve(s, toDomainEvent(e) as never), decider.initialState());
  if (!state.exists) throw new DomainError('DEAL.NOT_FOUND', 'not_found', `No deal with id ${dealId}`, { dealId });
  return { state, history };
}
