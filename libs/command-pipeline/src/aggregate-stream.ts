import { Decider, DomainEvent } from '@deals/domain';
import { EventStore, RecordedEvent } from '@deals/event-store';
import { extendFolded, FoldedStream, StreamStateCache } from './stream-state-cache';
import { toDomainEvent } from './to-domain-event';

export interface AggregatedStream<S> extends FoldedStream<S> {
  /** The events read this time: all of them, or those after the cached fold. */
  readonly events: readonly RecordedEvent[];
}

/**
 * Reads a stream and folds it with a decider: from a cached fold plus the events after it, or
 * from the start. Every read-and-fold of the engine goes through here.
 */
export async function aggregateStream<S, E extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Pick<Decider<S, never, E>, 'evolve' | 'initialState'>,
  cache?: StreamStateCache<S>,
): Promise<AggregatedStream<S>> {
  const empty: FoldedStream<S> = { revision: -1, position: 0, state: decider.initialState(), commands: new Map() };
  const from = cache?.get(streamId) ?? empty;
  const events = await store.readStream(streamId, { fromRevision: from.revision + 1 });
  const folded = extendFolded(from, events, (state, e) => decider.evolve(state, toDomainEvent(e) as E));
  cache?.set(streamId, folded);
  return { ...folded, events };
}
