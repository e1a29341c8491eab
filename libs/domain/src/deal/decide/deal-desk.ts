import { DEFAULT_DEAL_DESK_POLICY } from '../../controls/deal-desk-policy';
import { DomainError } from '../../shared/domain-error';
import { isBlank } from '../../shared/text';
import { DealCommandOf } from '../deal.commands';
import { DealErrors } from '../deal.errors';
import { DealDeskReason, DealEvent, DealEventOf } from '../deal.events';
import { DealState } from '../deal.state';
import { paymentTermsDays } from '../payment-terms';
import { currentSplit } from './approvals';
import { DealContext } from './deal-context';
import { beyondDiscountLimit, discountBp, priceReference } from './deal-desk-reference';

/**
 * The deal desk's look at terms just agreed: beyond a limit (a discount off the reference price
 * beyond its limit, payment terms longer than the limit or unreadable) the terms are recorded
 * all the same — the buyer agreed them — and a request for a manager's approval follows them;
 * within every limit, nothing. The request's id is the command's.
 */
export function dealDeskReview(terms: DealEventOf<'TermsAgreed'>, context: DealContext, requestId: string): DealEvent[] {
  const policy = context.controls.dealDesk ?? DEFAULT_DEAL_DESK_POLICY;
  const { priceMinor, paymentTerms } = terms.data;
  const reference = priceReference(context.state, policy);
  const days = paymentTermsDays(paymentTerms);
  const reasons: DealDeskReason[] = [];
  if (beyondDiscountLimit(priceMinor, reference)) reasons.push('discount');
  if (days === undefined || days > policy.maxPaymentTermsDays) reasons.push('payment-terms');
  if (reasons.length === 0) return [];
  return [{
    type: 'DealDeskApprovalRequested',
    data: {
      requestId, requestedBy: context.actor.id, reasons,
      priceMinor, referenceMinor: reference.referenceMinor, discountBp: discountBp(priceMinor, reference.referenceMinor),
      paymentTerms, ...(days === undefined ? {} : { paymentTermsDays: days }),
      limits: { maxDiscountBp: reference.maxDiscountBp, floorPriceMinor: reference.floorPriceMinor, maxPaymentTermsDays: policy.maxPaymentTermsDays },
      references: reference.references,
    },
  }];
}

/**
 * A manager decides on the request of the latest terms: never the one who agreed them; an
 * approval never by the owner or someone credited on the deal (a rejection favours nobody).
 * A decided request stays decided: new terms bring a new request.
 */
export function decideDealDesk(command: DealCommandOf<'DecideDealDesk'>, context: DealContext): DealEvent[] {
  const { state, actor } = context;
  const request = state.dealDesk;
  if (request === undefined || request.requestId !== command.data.requestId) throw DealErrors.dealDeskRequestNotFound(String(command.data.requestId));
  if (request.status !== 'pending') throw DealErrors.dealDeskAlreadyDecided(request.requestId, request.status);
  const { decision } = command.data;
  if (decision !== 'approve' && decision !== 'reject') {
    throw new DomainError('DEAL.DECISION_INVALID', 'invalid', `decision must be 'approve' or 'reject'; got ${JSON.stringify(decision)}.`,
      { decision, allowed: ['approve', 'reject'] });
  }
  if (isBlank(command.data.reason)) throw DealErrors.reasonRequired(decision === 'approve' ? 'Approving terms' : 'Rejecting terms');
  if (!actor.roles.includes('manager')) throw DealErrors.dealDeskManagerRequired(actor.id);
  if (actor.id === request.requestedBy) throw DealErrors.dealDeskOwnRequest(actor.id);
  const { requestId, requestedBy } = request;
  const reason = command.data.reason.trim();
  if (decision === 'reject') return [{ type: 'DealDeskRejected', data: { requestId, requestedBy, approverId: actor.id, reason } }];
  if (creditedOn(state).has(actor.id)) throw DealErrors.dealDeskApproverCredited(actor.id);
  return [{ type: 'DealDeskApproved', data: { requestId, requestedBy, approverId: actor.id, reason } }];
}

/** A deal closes won only with its latest terms within the limits or approved. */
export function requireDealDeskCleared(state: DealState): void {
  const request = state.dealDesk;
  if (request?.status === 'pending') throw DealErrors.dealDeskApprovalPending(request.requestId, request.reasons);
  if (request?.status === 'rejected') throw DealErrors.dealDeskRejected(request.requestId, request.decidedBy, request.decisionReason);
}

/** The owner and everyone in the split in force. */
function creditedOn(state: DealState): Set<string> {
  const split = currentSplit(state);
  return new Set([state.ownerId, ...[...split.revenue, ...split.overlay].map((share) => share.userId)]);
}
