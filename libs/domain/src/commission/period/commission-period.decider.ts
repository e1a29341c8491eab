import { Decider } from '../../shared/decider';
import { requireText } from '../../shared/required';
import { parseInstant } from '../../shared/time';
import { CommissionPeriodCommand } from '../commission.commands';
import { CommissionErrors } from '../commission.errors';
import { CommissionEvent } from '../commission.events';
import { requireFinanceOrAdmin } from '../finance-only';
import { periodBounds } from '../period';

export type CommissionPeriodEvent = Extract<CommissionEvent, { type: 'CommissionPeriodClosed' | 'CommissionPeriodReopened' }>;

export interface CommissionPeriodState {
  /** The close in force; absent while the period is open. */
  readonly closed?: { readonly closedAt: string; readonly closedBy: string };
}

export const initialCommissionPeriodState = (): CommissionPeriodState => ({});

/**
 * A quarter is closed once it has ended, and not twice; a closed one may be reopened with a
 * reason, then closed again. Who and when are the actor and the engine's clock.
 */
export function decideCommissionPeriod(command: CommissionPeriodCommand, state: CommissionPeriodState): CommissionPeriodEvent[] {
  const { actor, now } = command.metadata;
  requireFinanceOrAdmin(actor, command.type);
  const { period } = command.data;
  const { endMs } = periodBounds(period);
  if (command.type === 'CloseCommissionPeriod') {
    if (state.closed) throw CommissionErrors.periodAlreadyClosed(period, state.closed);
    if (parseInstant(now, 'now') < endMs) throw CommissionErrors.periodNotEnded(period, new Date(endMs).toISOString());
    return [{ type: 'CommissionPeriodClosed', data: { period, closedBy: actor.id, closedAt: now } }];
  }
  const reason = requireText(command.data.reason, 'reason').trim();
  if (!state.closed) throw CommissionErrors.periodNotClosed(period);
  return [{ type: 'CommissionPeriodReopened', data: { period, reason, reopenedBy: actor.id } }];
}

export function evolveCommissionPeriod(state: CommissionPeriodState, event: CommissionPeriodEvent): CommissionPeriodState {
  switch (event.type) {
    case 'CommissionPeriodClosed': return { closed: { closedAt: event.data.closedAt, closedBy: event.data.closedBy } };
    case 'CommissionPeriodReopened': return {};
    default: return state;
  }
}

export const commissionPeriodDecider: Decider<CommissionPeriodState, CommissionPeriodCommand, CommissionPeriodEvent> = {
  decide: decideCommissionPeriod,
  evolve: evolveCommissionPeriod,
  initialState: initialCommissionPeriodState,
};
