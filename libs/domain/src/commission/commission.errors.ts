import { DomainError } from '../shared/domain-error';

/** One problem in a plan, by path, e.g. `productRates[1].rateBp`. */
export interface PlanIssue {
  readonly path: string;
  readonly message: string;
}

/** Every error the commission deciders throw, with its stable code. */
export const CommissionErrors = {
  planInvalid: (issues: readonly PlanIssue[]) =>
    new DomainError('COMMISSION.PLAN_INVALID', 'invalid',
      `The plan rules are invalid: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}.`,
      { issues }),
  forbidden: (actorId: string, requiredRole: string, command: string) =>
    new DomainError('COMMISSION.FORBIDDEN', 'forbidden', `${command} is allowed to ${requiredRole} only.`,
      { actorId, requiredRole, command }),
  planVersionConflict: (planId: string, version: unknown, expectedVersion: number) =>
    new DomainError('COMMISSION.PLAN_VERSION_CONFLICT', 'conflict',
      `Plan '${planId}' cannot publish version ${JSON.stringify(version)}; versions go up by one from 1, so the next is ${expectedVersion}.`,
      { planId, version, expectedVersion }),
  planIdMismatch: (streamPlanId: string, planId: string) =>
    new DomainError('COMMISSION.PLAN_ID_MISMATCH', 'invalid',
      `This stream holds plan '${streamPlanId}'; a version of '${planId}' cannot be published to it.`, { streamPlanId, planId }),
  assignmentOverlap: (userId: string, existing: { planId: string; effectiveFrom: string; effectiveTo?: string }) =>
    new DomainError('COMMISSION.ASSIGNMENT_OVERLAP', 'conflict',
      `${userId} is already on plan '${existing.planId}' from ${existing.effectiveFrom} ${existing.effectiveTo === undefined ? 'with no end' : `to ${existing.effectiveTo}`}; assignments of one person must not overlap.`,
      { userId, existing }),
  assignmentNotFound: (userId: string, effectiveFrom: string) =>
    new DomainError('COMMISSION.ASSIGNMENT_NOT_FOUND', 'not_found', `${userId} has no plan assignment starting ${effectiveFrom}.`, { userId, effectiveFrom }),
  assignmentInvalid: (field: string, problem: string) =>
    new DomainError('COMMISSION.ASSIGNMENT_INVALID', 'invalid', `${field} ${problem}.`, { field, problem }),
  periodInvalid: (field: string, value: unknown) =>
    new DomainError('COMMISSION.PERIOD_INVALID', 'invalid',
      `${field} must be a calendar quarter like 2026-Q1; got ${JSON.stringify(value)}.`, { field, value }),
  periodNotEnded: (period: string, endsAt: string) =>
    new DomainError('COMMISSION.PERIOD_NOT_ENDED', 'conflict',
      `${period} cannot be closed before it ends (${endsAt}).`, { period, endsAt }),
  periodAlreadyClosed: (period: string, closed: { closedAt: string; closedBy: string }) =>
    new DomainError('COMMISSION.PERIOD_ALREADY_CLOSED', 'conflict',
      `${period} was already closed by ${closed.closedBy} at ${closed.closedAt}; reopen it first to close it anew.`, { period, ...closed }),
  periodNotClosed: (period: string) =>
    new DomainError('COMMISSION.PERIOD_NOT_CLOSED', 'conflict', `${period} is not closed; only a closed period can be reopened.`, { period }),
  periodClosed: (period: string, field: string) =>
    new DomainError('COMMISSION.PERIOD_CLOSED', 'conflict',
      `${field}: ${period} is closed; put the adjustment in an open period, or reopen ${period} first.`, { period, field }),
};

export const DisputeErrors = {
  notFound: (command: string) =>
    new DomainError('DISPUTE.NOT_FOUND', 'not_found', `The dispute does not exist; raise it before ${command}.`, { command }),
  alreadyExists: (disputeId: string) =>
    new DomainError('DISPUTE.ALREADY_EXISTS', 'conflict', `Dispute '${disputeId}' has already been raised.`, { disputeId }),
  alreadyResolved: (disputeId: string, status: string) =>
    new DomainError('DISPUTE.ALREADY_RESOLVED', 'conflict',
      `Dispute '${disputeId}' was already ${status}; a resolution is final (raise a new dispute to reopen the question).`,
      { disputeId, status }),
  decisionInvalid: (decision: unknown, allowed: readonly string[] = ['accept', 'reject']) =>
    new DomainError('DISPUTE.DECISION_INVALID', 'invalid',
      `decision must be ${allowed.map((a) => `'${a}'`).join(' or ')}; got ${JSON.stringify(decision)}.`, { decision, allowed }),
  ownDispute: (actorId: string, command: string) =>
    new DomainError('DISPUTE.OWN_DISPUTE', 'forbidden',
      `${actorId} raised or is the subject of this dispute and cannot ${command === 'ResolveDispute' ? 'resolve' : 'approve'} it; another finance user must.`,
      { actorId, command }),
  ownFavour: (actorId: string, command: string) =>
    new DomainError('DISPUTE.OWN_FAVOUR', 'forbidden',
      `${actorId} cannot ${command === 'ResolveDispute' ? 'accept' : 'approve'} adjustments paid to themselves; another finance user must.`,
      { actorId, command }),
  awaitingApproval: (disputeId: string, proposedBy: string) =>
    new DomainError('DISPUTE.AWAITING_APPROVAL', 'conflict',
      `Dispute '${disputeId}' has an acceptance by ${proposedBy} waiting for a second finance approval; approve or reject that first.`,
      { disputeId, proposedBy }),
  nothingToApprove: (disputeId: string) =>
    new DomainError('DISPUTE.NOTHING_TO_APPROVE', 'conflict',
      `Dispute '${disputeId}' has no acceptance waiting for a second approval.`, { disputeId }),
  secondApproverRequired: (actorId: string) =>
    new DomainError('DISPUTE.SECOND_APPROVER_REQUIRED', 'forbidden',
      `${actorId} proposed this acceptance; a second, different finance user must approve it.`, { actorId }),
  adjustmentPeriod: (index: number, period: string, disputed: string, current: string) =>
    new DomainError('DISPUTE.ADJUSTMENT_PERIOD', 'invalid',
      `adjustments[${index}]: period ${period} must be from the disputed quarter ${disputed} to the current quarter ${current}.`,
      { index, period, earliest: disputed, latest: current }),
  adjustmentRecipient: (index: number, userId: string, allowed: readonly string[]) =>
    new DomainError('DISPUTE.ADJUSTMENT_RECIPIENT', 'invalid',
      `adjustments[${index}]: ${userId} is neither the disputant nor credited on the disputed deal; adjustments go to ${allowed.join(', ')}.`,
      { index, userId, allowed }),
  adjustmentCurrency: (index: number, currency: string, planCurrency: string, userId: string, period: string) =>
    new DomainError('DISPUTE.ADJUSTMENT_CURRENCY', 'invalid',
      `adjustments[${index}]: ${userId}'s plan in ${period} pays in ${planCurrency}, not ${currency}.`,
      { index, currency, planCurrency, userId, period }),
  /** Names the field as the request has it (`adjustments[0].amount`), whatever the caller's own input type calls it. */
  adjustmentInvalid: (index: number, field: 'userId' | 'period' | 'currency' | 'amount' | 'dealId', problem: string) =>
    new DomainError('DISPUTE.ADJUSTMENT_INVALID', 'invalid', `adjustments[${index}].${field} ${problem}.`, { index, field: `adjustments[${index}].${field}`, problem }),
  adjustmentsRequired: () =>
    new DomainError('DISPUTE.ADJUSTMENTS_REQUIRED', 'invalid',
      'Accepting a dispute issues at least one adjustment; reject it instead if nothing changes.', { field: 'adjustments' }),
};
