import { ExitCriterion, PipelineDefinition } from '../pipeline/pipeline-definition';
import { PipelineIssue } from '../pipeline/validate-pipeline';
import { DomainError } from '../shared/domain-error';

const listCriteria = (criteria: readonly ExitCriterion[]) =>
  criteria.map((criterion) => `${criterion.id} (${criterion.label})`).join(', ');

/** Every error the deal decider throws, with its stable code. */
export const DealErrors = {
  notFound: (command: string) =>
    new DomainError('DEAL.NOT_FOUND', 'not_found', `The deal does not exist; open it before ${command}.`, { command }),
  alreadyExists: (dealId: string) =>
    new DomainError('DEAL.ALREADY_EXISTS', 'conflict', `Deal '${dealId}' is already open.`, { dealId }),
  closed: (status: string, command: string) =>
    new DomainError('DEAL.CLOSED', 'conflict', `The deal is closed ${status}; ${command} is only allowed on an open deal.`,
      { status, command }),
  lineItemsMismatch: (lineItemsTotalMinor: number, expectedAmountMinor: number) =>
    new DomainError('DEAL.LINE_ITEMS_MISMATCH', 'invalid',
      `Line items total ${lineItemsTotalMinor} but the amount is ${expectedAmountMinor}; they must match exactly.`,
      { lineItemsTotalMinor, expectedAmountMinor }),
  invalidAmount: (field: string, value: unknown) =>
    new DomainError('DEAL.INVALID_AMOUNT', 'invalid',
      `${field} must be a non-negative whole number of minor units (cents); got ${JSON.stringify(value)}.`, { field, value }),
  invalidLineItem: (index: number, problem: string) =>
    new DomainError('DEAL.INVALID_LINE_ITEM', 'invalid', `Line item ${index}: ${problem}.`, { index, problem }),
  invalidCurrency: (currency: unknown) =>
    new DomainError('DEAL.INVALID_CURRENCY', 'invalid',
      `Currency must be an ISO 4217 code in circulation (e.g. EUR, JPY); got ${JSON.stringify(currency)}.`, { currency }),
  splitTotalInvalid: (totalBp: number) =>
    new DomainError('DEAL.SPLIT_TOTAL_INVALID', 'invalid',
      `Revenue splits total ${(totalBp / 100).toFixed(2)}%; they must total exactly 100.00%.`, { totalBp, requiredBp: 10_000 }),
  invalidShare: (kind: string, index: number, shareBp: unknown) =>
    new DomainError('DEAL.SPLIT_SHARE_INVALID', 'invalid',
      `${kind}[${index}].shareBp must be a whole number of basis points from 1 to 10000; got ${JSON.stringify(shareBp)}.`,
      { kind, index, shareBp }),
  duplicateShare: (kind: string, userId: string) =>
    new DomainError('DEAL.SPLIT_DUPLICATE', 'invalid', `${userId} appears twice in the ${kind} splits.`, { kind, userId }),
  recapNotSent: () =>
    new DomainError('DEAL.RECAP_NOT_SENT', 'conflict',
      'The buyer cannot confirm a recap that was never sent; record the recap email first.', { requires: 'RecapEmailSent' }),
  exitCriteriaUnmet: (stageId: string, missing: readonly ExitCriterion[]) =>
    new DomainError('DEAL.EXIT_CRITERIA_UNMET', 'conflict',
      `Stage '${stageId}' cannot be left: missing exit criteria ${listCriteria(missing)}.`,
      { stageId, missing: missing.map(({ id, label }) => ({ id, label })) }),
  factTypeUnknown: (factType: string, pipeline: PipelineDefinition) =>
    new DomainError('DEAL.FACT_TYPE_UNKNOWN', 'not_found',
      `The deal's pipeline '${pipeline.id}' v${pipeline.version} declares no fact type '${factType}'.`,
      { factType, pipelineId: pipeline.id, version: pipeline.version, declared: (pipeline.factTypes ?? []).map((type) => type.name) }),
  factInvalid: (factType: string, issues: readonly PipelineIssue[]) =>
    new DomainError('DEAL.FACT_INVALID', 'invalid',
      `'${factType}' cannot be recorded: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}.`,
      { factType, fields: issues.map((issue) => ({ field: issue.path, problem: issue.message })) }),
  invalidTransition: (message: string, details: Record<string, unknown>) =>
    new DomainError('DEAL.INVALID_TRANSITION', 'conflict', message, details),
  overrideForbidden: (actorId: string) =>
    new DomainError('DEAL.OVERRIDE_FORBIDDEN', 'forbidden', 'Only a manager may override a stage.',
      { actorId, requiredRole: 'manager' }),
  overrideReasonRequired: () =>
    new DomainError('DEAL.OVERRIDE_REASON_REQUIRED', 'invalid', 'An override must give a reason.', { field: 'reason' }),
  overrideNotNeeded: (fromStageId: string, toStageId: string) =>
    new DomainError('DEAL.OVERRIDE_NOT_NEEDED', 'conflict',
      `Every exit criterion between '${fromStageId}' and '${toStageId}' is met; advance the stage instead of overriding.`,
      { fromStageId, toStageId, use: 'AdvanceStage' }),
  reasonRequired: (command: string) =>
    new DomainError('DEAL.REASON_REQUIRED', 'invalid', `${command} must give a reason.`, { command, field: 'reason' }),
  alreadyReversed: () =>
    new DomainError('DEAL.ALREADY_REVERSED', 'conflict', 'This won deal has already been reversed.', {}),
  commercialTermsForbidden: (actorId: string, command: string) =>
    new DomainError('DEAL.COMMERCIAL_TERMS_FORBIDDEN', 'forbidden',
      `A support rep may not change commercial terms (${command}).`, { actorId, command }),
  teamMemberExists: (userId: string, role: string) =>
    new DomainError('TEAM.MEMBER_EXISTS', 'conflict', `${userId} is already on the deal team as ${role}.`, { userId, role }),
  teamMemberNotFound: (userId: string, role: string) =>
    new DomainError('TEAM.MEMBER_NOT_FOUND', 'not_found', `${userId} is not on the deal team as ${role}.`, { userId, role }),
  teamRoleUnknown: (role: unknown, allowed: readonly string[]) =>
    new DomainError('TEAM.ROLE_UNKNOWN', 'invalid', `Team role ${JSON.stringify(role)} is not one of: ${allowed.join(', ')}.`,
      { role, allowed }),
  splitRecipientIneligible: (kind: string, index: number, userId: string, problem: string) =>
    new DomainError('DEAL.SPLIT_RECIPIENT_INELIGIBLE', 'invalid', `${kind}[${index}]: ${userId} cannot receive credit: ${problem}.`,
      { kind, index, userId, problem }),
  splitRoleNotCredited: (kind: string, index: number, role: string, allowed: readonly string[]) =>
    new DomainError('DEAL.SPLIT_ROLE_NOT_CREDITED', 'invalid',
      `${kind}[${index}]: the team role ${role} earns no credit; credit goes to ${allowed.join(', ')}.`, { kind, index, role, allowed }),
  overlayCapExceeded: (totalBp: number, capBp: number) =>
    new DomainError('DEAL.OVERLAY_CAP_EXCEEDED', 'invalid',
      `Overlay shares add up to ${totalBp / 100}%; the policy allows at most ${capBp / 100}% per deal.`, { totalBp, capBp }),
  proposalNotFound: (proposalId: string) =>
    new DomainError('DEAL.PROPOSAL_NOT_FOUND', 'not_found', `No change '${proposalId}' is waiting for approval on this deal.`, { proposalId }),
  ownProposal: (actorId: string) =>
    new DomainError('DEAL.OWN_PROPOSAL', 'forbidden', `${actorId} proposed this change; someone else with the authority must approve it.`, { actorId }),
  approverCredited: (actorId: string) =>
    new DomainError('DEAL.APPROVER_CREDITED', 'forbidden',
      `${actorId} is credited on this deal or by this change and cannot approve it; nobody approves in their own favour.`, { actorId }),
  managerApprovalRequired: (actorId: string, reasons: readonly string[]) =>
    new DomainError('DEAL.MANAGER_APPROVAL_REQUIRED', 'forbidden',
      `This change is backdated beyond the limit and needs a manager's approval; ${actorId} is not a manager.`, { actorId, reasons }),
  notProposer: (actorId: string, proposedBy: string) =>
    new DomainError('DEAL.NOT_PROPOSER', 'forbidden', `Only ${proposedBy}, who proposed it, may withdraw this change.`, { actorId, proposedBy }),
  dealDeskRequestNotFound: (requestId: string) =>
    new DomainError('DEAL.DEAL_DESK_REQUEST_NOT_FOUND', 'not_found',
      `No deal-desk request '${requestId}' is on this deal's latest terms; new terms replace the request of the old ones.`, { requestId }),
  dealDeskAlreadyDecided: (requestId: string, status: string) =>
    new DomainError('DEAL.DEAL_DESK_ALREADY_DECIDED', 'conflict',
      `The deal-desk request '${requestId}' is already ${status}; agree new terms for a new request.`, { requestId, status }),
  dealDeskOwnRequest: (actorId: string) =>
    new DomainError('DEAL.OWN_PROPOSAL', 'forbidden',
      `${actorId} agreed these terms; another manager of the deal's owner must decide on them.`, { actorId }),
  dealDeskApproverCredited: (actorId: string) =>
    new DomainError('DEAL.APPROVER_CREDITED', 'forbidden',
      `${actorId} owns or is credited on this deal and cannot approve its terms; nobody approves in their own favour.`, { actorId }),
  dealDeskManagerRequired: (actorId: string) =>
    new DomainError('DEAL.MANAGER_APPROVAL_REQUIRED', 'forbidden',
      `Terms beyond the deal desk's limits are decided by a manager of the deal's owner; ${actorId} is not a manager.`, { actorId, requiredRole: 'manager' }),
  dealDeskApprovalPending: (requestId: string, reasons: readonly string[]) =>
    new DomainError('DEAL.DEAL_DESK_APPROVAL_PENDING', 'conflict',
      `The terms agreed wait for the deal desk (request '${requestId}': ${reasons.join(', ')} beyond the limit); `
      + 'a manager of the owner must approve them before the deal closes won.', { requestId, reasons }),
  dealDeskRejected: (requestId: string, rejectedBy: string | undefined, reason: string | undefined) =>
    new DomainError('DEAL.DEAL_DESK_REJECTED', 'conflict',
      `The deal desk rejected the terms agreed (request '${requestId}'${reason ? `: ${reason}` : ''}); agree new terms before closing won.`,
      { requestId, rejectedBy, reason }),
  proposalNoLongerApplies: (proposalId: string, problem: string) =>
    new DomainError('DEAL.PROPOSAL_NO_LONGER_APPLIES', 'conflict',
      `Change '${proposalId}' no longer applies to the deal as it is now (${problem}); reject it and propose it again.`, { proposalId, problem }),
};
