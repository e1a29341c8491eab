import { Decider } from '../shared/decider';
import { Command, DomainEvent } from '../shared/message';
import { AccessDecision } from './access-decision';
import { PermissionDeniedError } from './access.errors';

/**
 * The decider with an access check in front of `decide`: the check sees the command and the
 * folded state (team, owner), and a denial throws PermissionDeniedError before any rule runs.
 */
export function authorizedDecider<S, C extends Command, E extends DomainEvent>(
  inner: Decider<S, C, E>,
  authorize: (command: C, state: S) => AccessDecision,
): Decider<S, C, E> {
  return {
    initialState: inner.initialState,
    evolve: inner.evolve,
    decide(command, state) {
      const decision = authorize(command, state);
      if (!decision.allowed) throw new PermissionDeniedError(command.metadata.actor, decision);
      return inner.decide(command, state);
    },
  };
}
