import { isIsoCurrency } from '../../shared/currency';
import { Decider } from '../../shared/decider';
import { requireText } from '../../shared/required';
import { parseInstantOrDate } from '../../shared/time';
import { CommissionPlanCommand } from '../commission.commands';
import { CommissionErrors } from '../commission.errors';
import { CommissionEvent } from '../commission.events';
import { requireFinance } from '../finance-only';
import { validatePlanRules } from '../validate-plan';

export type CommissionPlanEvent = Extract<CommissionEvent, { type: 'CommissionPlanVersionPublished' }>;

export interface CommissionPlanState {
  readonly planId?: string;
  /** 0 before the first version. */
  readonly lastVersion: number;
}

export const initialCommissionPlanState = (): CommissionPlanState => ({ lastVersion: 0 });

/**
 * A plan is a sequence of versions, never edited: a change is a new version with its own
 * effective date. Versions go up by one from 1 so two finance users cannot publish the same one.
 */
export function decideCommissionPlan(command: CommissionPlanCommand, state: CommissionPlanState): CommissionPlanEvent[] {
  const { data } = command;
  requireFinance(command.metadata.actor, command.type);
  const planId = requireText(data.planId, 'planId').trim();
  if (state.planId !== undefined && state.planId !== planId) throw CommissionErrors.planIdMismatch(state.planId, planId);
  if (data.version !== state.lastVersion + 1) throw CommissionErrors.planVersionConflict(planId, data.version, state.lastVersion + 1);
  const name = requireText(data.name, 'name').trim();
  parseInstantOrDate(data.effectiveFrom, 'effectiveFrom');
  const rules = validatePlanRules(data.rules, isIsoCurrency);
  return [{ type: 'CommissionPlanVersionPublished', data: { planId, version: data.version, name, effectiveFrom: data.effectiveFrom, rules } }];
}

export function evolveCommissionPlan(state: CommissionPlanState, event: CommissionPlanEvent): CommissionPlanState {
  return event.type === 'CommissionPlanVersionPublished'
    ? { planId: event.data.planId, lastVersion: Math.max(state.lastVersion, event.data.version) }
    : state;
}

export const commissionPlanDecider: Decider<CommissionPlanState, CommissionPlanCommand, CommissionPlanEvent> = {
  decide: decideCommissionPlan,
  evolve: evolveCommissionPlan,
  initialState: initialCommissionPlanState,
};
