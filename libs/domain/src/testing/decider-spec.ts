import { Decider, fold } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { Command, DomainEvent } from '../shared/message';

export interface DeciderThen<State, E extends DomainEvent> {
  /** Asserts the exact events decided, in order (deep, strict equality). Returns the state after them. */
  then(expected: readonly E[]): State;
  /** Asserts `decide` throws a DomainError with this code; returns the error for further checks. */
  thenThrows(code: string): DomainError;
}

/**
 * Given/when/then for deciders, for Jest:
 * `const { given } = deciderSpec(decider); given(events).when(command).then(expectedEvents)`.
 */
export function deciderSpec<State, C extends Command, E extends DomainEvent>(decider: Decider<State, C, E>) {
  return {
    given(events: readonly E[]) {
      return {
        when(command: C): DeciderThen<State, E> {
          const state = fold(decider, events);
          const run = () => decider.decide(command, state);
          return {
            then(expected) {
              const actual = run();
              expect(actual).toStrictEqual(expected);
              return actual.reduce(decider.evolve, state);
            },
            thenThrows(code) {
              let produced: readonly E[] | undefined;
              try {
                produced = run();
              } catch (error) {
                expect(error).toBeInstanceOf(DomainError);
                expect((error as DomainError).code).toBe(code);
                return error as DomainError;
              }
              throw new Error(`Expected ${code} but decide produced ${JSON.stringify(produced)}`);
            },
          };
        },
      };
    },
  };
}
