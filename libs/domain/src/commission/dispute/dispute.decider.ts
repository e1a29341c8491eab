import { isIsoCurrency } from '../../shared/currency';
import { Decider } from '../../shared/decider';
import { Actor } from '../../shared/message';
import { amountToMinor } from '../../shared/money';
import { requireText } from '../../shared/required';
import { isBlank } from '../../shared/text';
import { AdjustmentInput, DisputeCommand } from '../commission.commands';
import { CommissionErrors, DisputeErrors } from '../commission.errors';
import { CommissionEvent } from '../commission.events';
import { requireFinance } from '../finance-only';
import { isPeriod } from '../period';

export type DisputeEvent = Extract<CommissionEvent, { type: 'DisputeRaised' | 'DisputeAccepted' | 'DisputeRejected' }>;
type Adjustment = Extract<DisputeEvent, { type: 'DisputeAccepted' }>['data']['adjustments'][number];

export interface DisputeState {
  readonly disputeId?: string;
  readonly userId?: string;
  readonly status: 'none' | 'open' | 'accepted' | 'rejected';
}

export const initialDisputeState = (): DisputeState => ({ status: 'none' });

export interface DisputePolicy {
  /**
   * Is `manager` the manager of `userId`? Reporting lines live outside the engine; by default
   * anyone with the manager role counts, and the API narrows it to a manager's own reports.
   */
  isManagerOf(manager: Actor, userId: string): boolean;
  /** Is the commission period closed? Adjustments into a closed period are refused. Default: none is. */
  isClosed?(period: string): boolean;
}

const anyManager: DisputePolicy = { isManagerOf: (manager) => manager.roles.includes('manager') };

/** Adjustment ids are the dispute id and the adjustment's 1-based index: stable on retries. */
export const adjustmentId = (disputeId: string, index: number) => `${disputeId}-${index + 1}`;

/**
 * A question about one statement line, raised by the person paid or their manager; finance
 * accepts it with adjustments (never an edit) or rejects it with a reason. Resolution is final.
 */
export function createDisputeDecide(policy: DisputePolicy = anyManager) {
  return (command: DisputeCommand, state: DisputeState): DisputeEvent[] => {
    const { actor } = command.metadata;
    if (command.type === 'RaiseDispute') {
      const { data } = command;
      const disputeId = requireText(data.disputeId, 'disputeId').trim();
      if (state.status !== 'none') throw DisputeErrors.alreadyExists(disputeId);
      const userId = requireText(data.userId, 'userId').trim();
      if (actor.id !== userId && !policy.isManagerOf(actor, userId)) {
        throw CommissionErrors.forbidden(actor.id, `${userId} or their manager`, command.type);
      }
      if (!isPeriod(data.period)) throw CommissionErrors.periodInvalid('period', data.period);
      const lineId = requireText(data.lineId, 'lineId').trim();
      const claim = requireText(data.claim, 'claim').trim();
      const dealId = isBlank(data.dealId) ? undefined : data.dealId!.trim();
      return [{ type: 'DisputeRaised', data: { disputeId, userId, period: data.period, lineId, ...(dealId === undefined ? {} : { dealId }), claim } }];
    }
    if (state.status === 'none') throw DisputeErrors.notFound(command.type);
    const disputeId = state.disputeId!;
    if (state.status !== 'open') throw DisputeErrors.alreadyResolved(disputeId, state.status);
    requireFinance(actor, command.type);
    const { data } = command;
    const reason = requireText(data.reason, 'reason').trim();
    if (data.decision === 'reject') return [{ type: 'DisputeRejected', data: { disputeId, reason, approverId: actor.id } }];
    if (data.decision !== 'accept') throw DisputeErrors.decisionInvalid(data.decision);
    const inputs = data.adjustments ?? [];
    if (inputs.length === 0) throw DisputeErrors.adjustmentsRequired();
    const adjustments = inputs.map((input, index) => checkAdjustment(input, index, disputeId, reason));
    const closed = adjustments.findIndex((adjustment) => policy.isClosed?.(adjustment.period));
    if (closed >= 0) throw CommissionErrors.periodClosed(adjustments[closed].period, `adjustments[${closed}].period`);
    return [{ type: 'DisputeAccepted', data: { disputeId, reason, approverId: actor.id, adjustments } }];
  };
}

function checkAdjustment(input: AdjustmentInput, index: number, disputeId: string, reason: string): Adjustment {
  if (isBlank(input.userId)) throw DisputeErrors.adjustmentInvalid(index, 'userId is required');
  if (!isPeriod(input.period)) throw DisputeErrors.adjustmentInvalid(index, `period must be a quarter like 2026-Q2; got ${JSON.stringify(input.period)}`);
  if (!isIsoCurrency(input.currency)) {
    throw DisputeErrors.adjustmentInvalid(index, `currency must be an ISO 4217 code in circulation; got ${JSON.stringify(input.currency)}`);
  }
  const amountMinor = amountToMinor(input.amountMinor, input.currency, `adjustments[${index}].amount`);
  if (typeof amountMinor !== 'number' || !Number.isSafeInteger(amountMinor) || amountMinor === 0) {
    throw DisputeErrors.adjustmentInvalid(index, 'amountMinor must be a non-zero whole number of minor units (negative recovers)');
  }
  return {
    adjustmentId: adjustmentId(disputeId, index), userId: input.userId.trim(), period: input.period, amountMinor,
    currency: input.currency, reason: isBlank(input.reason) ? reason : input.reason!.trim(),
    ...(isBlank(input.dealId) ? {} : { dealId: input.dealId!.trim() }),
  };
}

export function evolveDispute(state: DisputeState, event: DisputeEvent): DisputeState {
  switch (event.type) {
    case 'DisputeRaised': return { disputeId: event.data.disputeId, userId: event.data.userId, status: 'open' };
    case 'DisputeAccepted': return { ...state, status: 'accepted' };
    case 'DisputeRejected': return { ...state, status: 'rejected' };
    default: return state;
  }
}

export type DisputeDecider = Decider<DisputeState, DisputeCommand, DisputeEvent>;

export function createDisputeDecider(policy?: DisputePolicy): DisputeDecider {
  return { decide: createDisputeDecide(policy), evolve: evolveDispute, initialState: initialDisputeState };
}

export const disputeDecider: DisputeDecider = createDisputeDecider();
