import { DomainError } from '../../shared/domain-error';
import { Actor } from '../../shared/message';
import { isBlank } from '../../shared/text';
import { daysBetween } from '../../shared/time';
import { CreditShare, FULL_SHARE_BP } from '../credit-split';
import { DealCommand, DealCommandOf } from '../deal.commands';
import { DealErrors } from '../deal.errors';
import { ApprovalReason, ChangeApproval, DealEvent } from '../deal.events';
import { DealState, PendingChange } from '../deal.state';
import { DealContext } from './deal-context';
import { CREDIT_ROLES } from './deal-controls';

/**
 * Commands that move credit or when it pays, whose business time, backdated beyond the limit,
 * needs a manager's approval. A lost close pays nobody; a reversal only claws back (and is a
 * manager's or admin's own command).
 */
const BACKDATE_CONTROLLED: ReadonlySet<DealCommand['type']> = new Set(['CloseWon', 'GoLive', 'SetCreditSplits', 'ChangeAmount'] as const);

type Route = (command: DealCommand, context: DealContext) => DealEvent[];

/** Does the change move credit: splits, the amount, or a credit-earning team role? */
function movesCredit(command: DealCommand): boolean {
  switch (command.type) {
    case 'SetCreditSplits':
    case 'ChangeAmount':
      return true;
    case 'AddTeamMember':
    case 'RemoveTeamMember':
      return CREDIT_ROLES.includes(command.data.role);
    default:
      return false;
  }
}

/** The split that credits the deal now: the last one set, or the owner's 100% by default. */
export function currentSplit(state: DealState): { revenue: readonly CreditShare[]; overlay: readonly CreditShare[] } {
  return state.splits ?? { revenue: [{ userId: state.ownerId, role: 'account-executive', shareBp: FULL_SHARE_BP }], overlay: [] };
}

const namesOf = (split: { revenue: readonly CreditShare[]; overlay?: readonly CreditShare[] }) =>
  [...split.revenue, ...(split.overlay ?? [])].map((share) => share.userId);

/**
 * Why the command must wait for someone else's approval, if it must: it moves credit after the
 * close; it sets splits that name (now or before) anyone but the proposer; or it dates a won
 * close, a go-live (a payout trigger) or a change of credit more than the limit back.
 */
export function approvalReasons(command: DealCommand, context: DealContext): ApprovalReason[] {
  const { state, actor, occurredAt } = context;
  const reasons: ApprovalReason[] = [];
  if (state.status !== 'open' && movesCredit(command)) reasons.push('after-close');
  if (state.status === 'open' && command.type === 'SetCreditSplits') {
    const named = [...namesOf(currentSplit(state)), ...namesOf(command.data)];
    if (named.some((userId) => userId !== actor.id)) reasons.push('names-others');
  }
  if (BACKDATE_CONTROLLED.has(command.type) && daysBetween(occurredAt, command.metadata.now) > context.controls.limits.backdateDays) {
    reasons.push('backdated');
  }
  return reasons;
}

/** The proposal for a change that waits; the change itself has already passed every rule. */
export function proposeChange(command: DealCommand, context: DealContext, reasons: readonly ApprovalReason[]): DealEvent[] {
  return [{
    type: 'DealChangeProposed',
    data: {
      proposalId: command.metadata.commandId, change: { type: command.type, data: command.data },
      occurredAt: context.occurredAt, proposedBy: context.actor.id, proposerRoles: [...context.actor.roles], reasons,
    },
  }];
}

/**
 * Approves or rejects a waiting change. The approver is not the proposer, is not credited on
 * the deal or by the change, and is a manager when the change is backdated beyond the limit.
 * Approval runs the change again, as its proposer at its business time, against the deal as it
 * is now; its events follow `DealChangeApproved`, carry the approval and are the proposer's.
 */
export function reviewDealChange(command: DealCommandOf<'ReviewDealChange'>, context: DealContext, route: Route): DealEvent[] {
  const { actor } = context;
  const pending = pendingChange(context.state, command.data.proposalId);
  const { proposalId, proposedBy } = pending;
  if (actor.id === proposedBy) throw DealErrors.ownProposal(actor.id);
  if (command.data.decision === 'reject') {
    if (isBlank(command.data.reason)) throw DealErrors.reasonRequired('Rejecting a change');
    return [{ type: 'DealChangeRejected', data: { proposalId, proposedBy, approverId: actor.id, reason: command.data.reason!.trim() } }];
  }
  if (command.data.decision !== 'approve') {
    throw new DomainError('DEAL.DECISION_INVALID', 'invalid', `decision must be 'approve' or 'reject'; got ${JSON.stringify(command.data.decision)}.`,
      { decision: command.data.decision, allowed: ['approve', 'reject'] });
  }
  if (pending.reasons.includes('backdated') && !actor.roles.includes('manager')) throw DealErrors.managerApprovalRequired(actor.id, pending.reasons);
  if (creditedBy(context.state, pending).has(actor.id)) throw DealErrors.approverCredited(actor.id);
  const proposer: Actor = { id: proposedBy, roles: [...(pending.proposerRoles ?? [])] };
  const change = { type: pending.change.type, data: pending.change.data, metadata: { ...command.metadata, actor: proposer, occurredAt: pending.occurredAt } } as DealCommand;
  let events: DealEvent[];
  try {
    events = route(change, { ...context, actor: proposer, occurredAt: pending.occurredAt });
  } catch (error) {
    if (error instanceof DomainError) throw DealErrors.proposalNoLongerApplies(proposalId, `${error.code}: ${error.message}`);
    throw error;
  }
  const approval: ChangeApproval = { proposalId, proposedBy, approvedBy: actor.id };
  const reason = command.data.reason?.trim();
  return [
    { type: 'DealChangeApproved', data: { proposalId, proposedBy, approverId: actor.id, ...(reason ? { reason } : {}) } },
    ...events.map((event) => ({ ...event, data: { ...event.data, approval }, occurredAt: pending.occurredAt, actor: proposer }) as DealEvent),
  ];
}

/** The proposer takes back a change still waiting. */
export function withdrawDealChange(command: DealCommandOf<'WithdrawDealChange'>, context: DealContext): DealEvent[] {
  const pending = pendingChange(context.state, command.data.proposalId);
  if (context.actor.id !== pending.proposedBy) throw DealErrors.notProposer(context.actor.id, pending.proposedBy);
  return [{ type: 'DealChangeWithdrawn', data: { proposalId: pending.proposalId, proposedBy: pending.proposedBy } }];
}

function pendingChange(state: DealState, proposalId: unknown): PendingChange {
  const pending = (state.pendingChanges ?? []).find((p) => p.proposalId === proposalId);
  if (!pending) throw DealErrors.proposalNotFound(String(proposalId));
  return pending;
}

/** Everyone whose credit the change could touch: the owner, the split now, the split proposed, a team member changed. */
function creditedBy(state: DealState, pending: PendingChange): Set<string> {
  const people = new Set<string>([state.ownerId, ...namesOf(currentSplit(state))]);
  const data = pending.change.data as { revenue?: CreditShare[]; overlay?: CreditShare[]; userId?: string };
  if (pending.change.type === 'SetCreditSplits') namesOf({ revenue: data.revenue ?? [], overlay: data.overlay }).forEach((id) => people.add(id));
  if ((pending.change.type === 'AddTeamMember' || pending.change.type === 'RemoveTeamMember') && typeof data.userId === 'string') people.add(data.userId);
  return people;
}
