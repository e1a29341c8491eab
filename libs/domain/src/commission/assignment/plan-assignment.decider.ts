import { Decider } from '../../shared/decider';
import { isIsoCurrency } from '../../shared/currency';
import { amountToMinor, isMinorAmount } from '../../shared/money';
import { requireText } from '../../shared/required';
import { parseInstantOrDate } from '../../shared/time';
import { assignmentSpan } from '../calculate/plan-in-force';
import { PlanAssignmentCommand } from '../commission.commands';
import { CommissionErrors } from '../commission.errors';
import { CommissionEvent } from '../commission.events';
import { requireFinance } from '../finance-only';

export type PlanAssignmentEvent = Extract<CommissionEvent, { type: 'CommissionPlanAssigned' }>;

export interface AssignmentPeriod {
  readonly planId: string;
  readonly effectiveFrom: string;
  readonly effectiveTo?: string;
}

export interface PlanAssignmentState {
  readonly userId?: string;
  readonly assignments: readonly AssignmentPeriod[];
}

export const initialPlanAssignmentState = (): PlanAssignmentState => ({ assignments: [] });

/**
 * Puts a person on a plan from a date, optionally to a date (inclusive) and with a quarterly
 * quota. A person is on at most one plan at any moment, so periods must not overlap; the plan
 * itself lives in another stream and is not checked here.
 */
export function decidePlanAssignment(command: PlanAssignmentCommand, state: PlanAssignmentState): PlanAssignmentEvent[] {
  const { data } = command;
  requireFinance(command.metadata.actor, command.type);
  const userId = requireText(data.userId, 'userId').trim();
  if (state.userId !== undefined && state.userId !== userId) {
    throw CommissionErrors.assignmentInvalid('userId', `must be '${state.userId}' in this person's assignment stream`);
  }
  const planId = requireText(data.planId, 'planId').trim();
  const fromMs = parseInstantOrDate(data.effectiveFrom, 'effectiveFrom');
  if (data.effectiveTo !== undefined && parseInstantOrDate(data.effectiveTo, 'effectiveTo') < fromMs) {
    throw CommissionErrors.assignmentInvalid('effectiveTo', `must not be before effectiveFrom (${data.effectiveFrom})`);
  }
  if (!isIsoCurrency(data.currency)) {
    throw CommissionErrors.assignmentInvalid('currency', 'must be an ISO 4217 code in circulation (e.g. EUR, JPY)');
  }
  const quotaMinor = data.quotaMinor === undefined ? undefined : amountToMinor(data.quotaMinor, data.currency, 'quota');
  if (quotaMinor !== undefined && !isMinorAmount(quotaMinor)) {
    throw CommissionErrors.assignmentInvalid('quotaMinor', 'must be a non-negative whole number of minor units');
  }
  const span = assignmentSpan(data);
  const overlapping = state.assignments.find((existing) => {
    const other = assignmentSpan(existing);
    return other.fromMs < span.toMs && span.fromMs < other.toMs;
  });
  if (overlapping) throw CommissionErrors.assignmentOverlap(userId, overlapping);
  return [{
    type: 'CommissionPlanAssigned',
    data: {
      userId, planId, effectiveFrom: data.effectiveFrom,
      ...(data.effectiveTo === undefined ? {} : { effectiveTo: data.effectiveTo }),
      ...(quotaMinor === undefined ? {} : { quotaMinor }),
      currency: data.currency,
    },
  }];
}

export function evolvePlanAssignment(state: PlanAssignmentState, event: PlanAssignmentEvent): PlanAssignmentState {
  if (event.type !== 'CommissionPlanAssigned') return state;
  const { userId, planId, effectiveFrom, effectiveTo } = event.data;
  return { userId, assignments: [...state.assignments, { planId, effectiveFrom, ...(effectiveTo === undefined ? {} : { effectiveTo }) }] };
}

export const planAssignmentDecider: Decider<PlanAssignmentState, PlanAssignmentCommand, PlanAssignmentEvent> = {
  decide: decidePlanAssignment,
  evolve: evolvePlanAssignment,
  initialState: initialPlanAssignmentState,
};
