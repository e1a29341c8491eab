import { Command, DomainEvent } from './message';

/** An aggregate as three pure functions (decide, evolve, initialState). */
export interface Decider<State, C extends Command, E extends DomainEvent> {
  decide(command: C, state: State): readonly E[];
  evolve(state: State, event: E): State;
  initialState(): State;
}

export function fold<State, E extends DomainEvent>(
  decider: Pick<Decider<State, never, E>, 'evolve' | 'initialState'>,
  events: readonly E[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}
