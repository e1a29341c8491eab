import { DEFAULT_CONTROL_LIMITS } from '../../controls/control-limits';
import { isIsoCurrency, minorUnitOf } from '../../shared/currency';
import { Decider } from '../../shared/decider';
import { Actor } from '../../shared/message';
import { amountToMinor } from '../../shared/money';
import { requireText } from '../../shared/required';
import { isBlank } from '../../shared/text';
import { parseInstant } from '../../shared/time';
import { AdjustmentInput, DisputeCommand } from '../commission.commands';
import { CommissionErrors, DisputeErrors } from '../commission.errors';
import { CommissionEvent } from '../commission.events';
import { requireFinance } from '../finance-only';
import { isPeriod, Period, periodOf } from '../period';

export type DisputeEvent = Extract<CommissionEvent, {
  type: 'DisputeRaised' | 'DisputeAccepted' | 'DisputeRejected' | 'DisputeAcceptanceProposed' | 'DisputeAcceptanceRejected';
}>;
type Adjustment = Extract<DisputeEvent, { type: 'DisputeAccepted' }>['data']['adjustments'][number];

export interface DisputeState {
  readonly disputeId?: string;
  readonly userId?: string;
  readonly period?: Period;
  readonly dealId?: string;
  readonly status: 'none' | 'open' | 'awaiting-approval' | 'accepted' | 'rejected';
  /** An acceptance above the threshold, waiting for a second finance user. */
  readonly proposal?: { readonly reason: string; readonly proposedBy: string; readonly adjustments: readonly Adjustment[] };
}

export const initialDisputeState = (): DisputeState => ({ status: 'none' });

export interface DisputePolicy {
  /**
   * Is `manager` the manager of `userId`? Reporting lines live outside the engine; by default
   * anyone with the manager role counts, and the API narrows it to a manager's own reports.
   */
  isManagerOf(manager: Actor, userId: string): boolean;
  /** Everyone credited on the deal (owner and anyone ever in its splits); undefined if the deal is unknown. */
  creditedOn?(dealId: string): readonly string[] | undefined;
  /** The currency of the plan `userId` is on during `period`, when they are on one. */
  planCurrencyOf?(userId: string, period: Period): string | undefined;
  /** Adjustments of a dispute totalling more than this many whole units of a currency need a second approval. */
  secondApprovalAbove?: number;
  /** Is the commission period closed? Adjustments into a closed period are refused. Default: none is. */
  isClosed?(period: string): boolean;
}

const anyManager: DisputePolicy = { isManagerOf: (manager) => manager.roles.includes('manager') };

/** Adjustment ids are the dispute id and the adjustment's 1-based index: stable on retries. */
export const adjustmentId = (disputeId: string, index: number) => `${disputeId}-${index + 1}`;

/**
 * A question about one statement line, raised by the person paid or their manager; finance
 * accepts it with adjustments (never an edit) or rejects it with a reason. Nobody resolves a
 * dispute in their own favour: not the disputant, not someone the adjustments pay. Adjustments
 * go to the disputant or people credited on the disputed deal, in their plan's currency, in a
 * quarter from the dispute's to the current one; above the threshold a second finance user
 * approves. Resolution is final.
 */
export function createDisputeDecide(policy: DisputePolicy = anyManager) {
  return (command: DisputeCommand, state: DisputeState): DisputeEvent[] => {
    const { actor } = command.metadata;
    if (command.type === 'RaiseDispute') return raise(command, state, policy);
    if (state.status === 'none') throw DisputeErrors.notFound(command.type);
    const disputeId = state.disputeId!;
    if (state.status === 'accepted' || state.status === 'rejected') throw DisputeErrors.alreadyResolved(disputeId, state.status);
    requireFinance(actor, command.type);
    if (actor.id === state.userId) throw DisputeErrors.ownDispute(actor.id, command.type);
    const reason = requireText(command.data.reason, 'reason').trim();
    if (command.type === 'ReviewDisputeAcceptance') return review(command, state, reason, policy);
    if (state.status === 'awaiting-approval') throw DisputeErrors.awaitingApproval(disputeId, state.proposal!.proposedBy);
    const { data } = command;
    if (data.decision === 'reject') return [{ type: 'DisputeRejected', data: { disputeId, reason, approverId: actor.id } }];
    if (data.decision !== 'accept') throw DisputeErrors.decisionInvalid(data.decision);
    const inputs = data.adjustments ?? [];
    if (inputs.length === 0) throw DisputeErrors.adjustmentsRequired();
    const now = periodOf(parseInstant(command.metadata.now, 'now'));
    const adjustments = inputs.map((input, index) => checkAdjustment(input, index, state, reason, now, policy));
    requireOpenPeriods(adjustments, policy);
    requireNotPaying(actor.id, adjustments, command.type);
    if (overThreshold(adjustments, policy.secondApprovalAbove ?? DEFAULT_CONTROL_LIMITS.disputeSecondApprovalAbove)) {
      return [{ type: 'DisputeAcceptanceProposed', data: { disputeId, reason, proposedBy: actor.id, adjustments } }];
    }
    return [{ type: 'DisputeAccepted', data: { disputeId, reason, approverId: actor.id, adjustments } }];
  };
}

function raise(command: Extract<DisputeCommand, { type: 'RaiseDispute' }>, state: DisputeState, policy: DisputePolicy): DisputeEvent[] {
  const { data, metadata: { actor } } = command;
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

/** The second finance user approves the proposed acceptance as it stands, or sends it back open. */
function review(
  command: Extract<DisputeCommand, { type: 'ReviewDisputeAcceptance' }>, state: DisputeState, reason: string, policy: DisputePolicy,
): DisputeEvent[] {
  const { actor } = command.metadata;
  const disputeId = state.disputeId!;
  const proposal = state.proposal;
  if (state.status !== 'awaiting-approval' || !proposal) throw DisputeErrors.nothingToApprove(disputeId);
  if (actor.id === proposal.proposedBy) throw DisputeErrors.secondApproverRequired(actor.id);
  requireNotPaying(actor.id, proposal.adjustments, command.type);
  if (command.data.decision === 'reject') {
    return [{ type: 'DisputeAcceptanceRejected', data: { disputeId, reason, approverId: actor.id } }];
  }
  if (command.data.decision !== 'approve') throw DisputeErrors.decisionInvalid(command.data.decision, ['approve', 'reject']);
  requireOpenPeriods(proposal.adjustments, policy);
  return [{
    type: 'DisputeAccepted',
    data: { disputeId, reason: proposal.reason, approverId: proposal.proposedBy, secondApproverId: actor.id, adjustments: proposal.adjustments },
  }];
}

function requireOpenPeriods(adjustments: readonly Adjustment[], policy: DisputePolicy): void {
  const closed = adjustments.findIndex((adjustment) => policy.isClosed?.(adjustment.period));
  if (closed >= 0) throw CommissionErrors.periodClosed(adjustments[closed].period, `adjustments[${closed}].period`);
}

function requireNotPaying(actorId: string, adjustments: readonly Adjustment[], command: string): void {
  if (adjustments.some((a) => a.userId === actorId)) throw DisputeErrors.ownFavour(actorId, command);
}

function overThreshold(adjustments: readonly Adjustment[], above: number): boolean {
  const totals = new Map<string, number>();
  for (const a of adjustments) totals.set(a.currency, (totals.get(a.currency) ?? 0) + Math.abs(a.amountMinor));
  return [...totals].some(([currency, total]) => total > above * 10 ** (minorUnitOf(currency) ?? 2));
}

function checkAdjustment(input: AdjustmentInput, index: number, state: DisputeState, reason: string, now: Period, policy: DisputePolicy): Adjustment {
  if (isBlank(input.userId)) throw DisputeErrors.adjustmentInvalid(index, 'userId', 'is required');
  const userId = input.userId.trim();
  if (!isPeriod(input.period)) throw DisputeErrors.adjustmentInvalid(index, 'period', `must be a quarter like 2026-Q2; got ${JSON.stringify(input.period)}`);
  if (input.period < state.period! || input.period > now) {
    throw DisputeErrors.adjustmentPeriod(index, input.period, state.period!, now);
  }
  if (!isIsoCurrency(input.currency)) {
    throw DisputeErrors.adjustmentInvalid(index, 'currency', `must be an ISO 4217 code in circulation; got ${JSON.stringify(input.currency)}`);
  }
  const amountMinor = amountToMinor(input.amountMinor, input.currency, `adjustments[${index}].amount`);
  if (typeof amountMinor !== 'number' || !Number.isSafeInteger(amountMinor) || amountMinor === 0) {
    throw DisputeErrors.adjustmentInvalid(index, 'amount', 'must not be zero (a negative amount recovers)');
  }
  const dealId = isBlank(input.dealId) ? state.dealId : input.dealId!.trim();
  if (dealId !== undefined && state.dealId !== undefined && dealId !== state.dealId) {
    throw DisputeErrors.adjustmentInvalid(index, 'dealId', `must be the disputed deal '${state.dealId}'`);
  }
  const allowed = new Set([state.userId!, ...(dealId === undefined ? [] : policy.creditedOn?.(dealId) ?? [])]);
  if (!allowed.has(userId)) throw DisputeErrors.adjustmentRecipient(index, userId, [...allowed]);
  const planCurrency = policy.planCurrencyOf?.(userId, input.period);
  if (planCurrency !== undefined && planCurrency !== input.currency) {
    throw DisputeErrors.adjustmentCurrency(index, input.currency, planCurrency, userId, input.period);
  }
  return {
    adjustmentId: adjustmentId(state.disputeId!, index), userId, period: input.period, amountMinor,
    currency: input.currency, reason: isBlank(input.reason) ? reason : input.reason!.trim(),
    ...(dealId === undefined ? {} : { dealId }),
  };
}

export function evolveDispute(state: DisputeState, event: DisputeEvent): DisputeState {
  switch (event.type) {
    case 'DisputeRaised': {
      const { disputeId, userId, period, dealId } = event.data;
      return { disputeId, userId, period, ...(dealId === undefined ? {} : { dealId }), status: 'open' };
    }
    case 'DisputeAcceptanceProposed': {
      const { reason, proposedBy, adjustments } = event.data;
      return { ...state, status: 'awaiting-approval', proposal: { reason, proposedBy, adjustments } };
    }
    case 'DisputeAcceptanceRejected': return { ...state, status: 'open', proposal: undefined };
    case 'DisputeAccepted': return { ...state, status: 'accepted', proposal: undefined };
    case 'DisputeRejected': return { ...state, status: 'rejected' };
    default: return state;
  }
}

export type DisputeDecider = Decider<DisputeState, DisputeCommand, DisputeEvent>;

export function createDisputeDecider(policy?: DisputePolicy): DisputeDecider {
  return { decide: createDisputeDecide(policy), evolve: evolveDispute, initialState: initialDisputeState };
}

export const disputeDecider: DisputeDecider = createDisputeDecider();
