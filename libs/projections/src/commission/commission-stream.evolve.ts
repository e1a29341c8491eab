import { AdjustmentFact, COMMISSION_STREAM_PREFIXES, DomainError, isPeriod, PeriodFact, PlanRules, validatePlanRules } from '@deals/domain';
import { RecordedEvent } from '@deals/event-store';
import { AssignmentFactsDocument, DisputeDocument, PeriodFactsDocument, PlanFactsDocument, ProposedAdjustment } from './commission-facts.document';
import { Data, dataOf, factRef, MalformedCommissionEventError, minor, required, text, utc } from './fact-ref';

/** A plan's versions, in the order published. Rules are re-checked so statements never read a bad plan. */
export function applyToPlanFacts(doc: PlanFactsDocument | undefined, event: RecordedEvent): PlanFactsDocument | undefined {
  if (event.type !== 'CommissionPlanVersionPublished') return doc;
  if (doc !== undefined && event.revision <= doc.revision) return doc;
  const data = dataOf(event);
  const fields = required(event, {
    planId: text(data.planId), version: typeof data.version === 'number' && Number.isSafeInteger(data.version) ? data.version : undefined,
    name: text(data.name), effectiveFrom: text(data.effectiveFrom),
  });
  const version = { ref: factRef(event), ...fields, rules: rulesOf(event, data.rules) };
  return { kind: 'plan', planId: fields.planId, versions: [...(doc?.versions ?? []), version], revision: event.revision };
}

function rulesOf(event: RecordedEvent, rules: unknown): PlanRules {
  try {
    return validatePlanRules(rules);
  } catch (error) {
    throw new MalformedCommissionEventError(event, error instanceof DomainError ? error.message : String(error));
  }
}

/** A person's plan assignments, in the order made. */
export function applyToAssignmentFacts(doc: AssignmentFactsDocument | undefined, event: RecordedEvent): AssignmentFactsDocument | undefined {
  if (doc !== undefined && event.revision <= doc.revision) return doc;
  if (event.type === 'CommissionPlanAssignmentEnded') return doc === undefined ? doc : ended(doc, event);
  if (event.type !== 'CommissionPlanAssigned') return doc;
  const data = dataOf(event);
  const fields = required(event, {
    userId: text(data.userId), planId: text(data.planId), effectiveFrom: text(data.effectiveFrom), currency: text(data.currency),
  });
  const effectiveTo = text(data.effectiveTo);
  const quotaMinor = minor(data.quotaMinor);
  const assignment = {
    ref: factRef(event), ...fields,
    ...(effectiveTo === undefined ? {} : { effectiveTo }), ...(quotaMinor === undefined ? {} : { quotaMinor }),
  };
  return { kind: 'assignment', userId: fields.userId, assignments: [...(doc?.assignments ?? []), assignment], revision: event.revision };
}

/** An early end, kept beside the assignment (known from when it was recorded). */
function ended(doc: AssignmentFactsDocument, event: RecordedEvent): AssignmentFactsDocument {
  const data = dataOf(event);
  const { effectiveFrom, effectiveTo } = required(event, { effectiveFrom: text(data.effectiveFrom), effectiveTo: text(data.effectiveTo) });
  const ending = { ref: factRef(event), effectiveTo };
  return {
    ...doc,
    assignments: doc.assignments.map((a) => (a.effectiveFrom === effectiveFrom ? { ...a, endings: [...(a.endings ?? []), ending] } : a)),
    revision: event.revision,
  };
}

/** A dispute: the claim, its resolution, and the adjustments an acceptance issued. */
export function applyToDispute(doc: DisputeDocument | undefined, event: RecordedEvent): DisputeDocument | undefined {
  if (doc === undefined) return event.type === 'DisputeRaised' ? raised(event) : undefined;
  if (event.revision <= doc.revision) return doc;
  if (event.type === 'DisputeAcceptanceProposed' || event.type === 'DisputeAcceptanceRejected') return approvalStep(doc, event);
  if (event.type !== 'DisputeAccepted' && event.type !== 'DisputeRejected') return doc;
  const data = dataOf(event);
  const ref = factRef(event);
  const resolution = required(event, { reason: text(data.reason), approverId: text(data.approverId) });
  const secondApproverId = text(data.secondApproverId);
  const adjustments = event.type === 'DisputeAccepted' ? adjustmentsOf(event, data, doc.disputeId, resolution.approverId, ref) : [];
  return {
    ...doc, status: event.type === 'DisputeAccepted' ? 'accepted' : 'rejected',
    resolution: { ref, ...resolution, ...(secondApproverId === undefined ? {} : { secondApproverId }) }, adjustments, revision: event.revision,
  };
}

/** An acceptance waiting for a second finance approval, or sent back open. */
function approvalStep(doc: DisputeDocument, event: RecordedEvent): DisputeDocument {
  const data = dataOf(event);
  const proposed = event.type === 'DisputeAcceptanceProposed';
  const { by, reason } = required(event, { by: text(proposed ? data.proposedBy : data.approverId), reason: text(data.reason) });
  const step = {
    ref: factRef(event), step: proposed ? 'proposed' as const : 'sent-back' as const, by, reason,
    ...(proposed ? { adjustments: proposedAdjustmentsOf(event, data) } : {}),
  };
  return { ...doc, status: proposed ? 'awaiting-approval' : 'open', approvals: [...(doc.approvals ?? []), step], revision: event.revision };
}

function raised(event: RecordedEvent): DisputeDocument {
  const data = dataOf(event);
  const fields = required(event, {
    disputeId: text(data.disputeId), userId: text(data.userId), period: text(data.period), lineId: text(data.lineId), claim: text(data.claim),
  });
  const dealId = text(data.dealId);
  return {
    kind: 'dispute', ...fields, ...(dealId === undefined ? {} : { dealId }),
    raised: factRef(event), status: 'open', adjustments: [], revision: event.revision,
  };
}

function adjustmentsOf(event: RecordedEvent, data: Data, disputeId: string, approverId: string, ref: AdjustmentFact['ref']): AdjustmentFact[] {
  return proposedAdjustmentsOf(event, data).map((adjustment) => ({ ref, disputeId, approverId, ...adjustment }));
}

function proposedAdjustmentsOf(event: RecordedEvent, data: Data): ProposedAdjustment[] {
  if (!Array.isArray(data.adjustments)) throw new MalformedCommissionEventError(event, 'adjustments is not a list');
  return data.adjustments.map((item: Data, index) => {
    const amountMinor = typeof item?.amountMinor === 'number' && Number.isSafeInteger(item.amountMinor) ? item.amountMinor : undefined;
    const fields = required(event, {
      adjustmentId: text(item?.adjustmentId), userId: text(item?.userId), period: text(item?.period), amountMinor, currency: text(item?.currency),
    }, `adjustments[${index}].`);
    const dealId = text(item.dealId);
    return { ...fields, reason: text(item.reason) ?? text(data.reason) ?? '', ...(dealId === undefined ? {} : { dealId }) };
  });
}

/** A period's closes and reopenings; the period must be the one the stream is named after. */
export function applyToPeriodFacts(doc: PeriodFactsDocument | undefined, event: RecordedEvent): PeriodFactsDocument | undefined {
  if (event.type !== 'CommissionPeriodClosed' && event.type !== 'CommissionPeriodReopened') return doc;
  if (doc !== undefined && event.revision <= doc.revision) return doc;
  const data = dataOf(event);
  const period = event.streamId.slice(COMMISSION_STREAM_PREFIXES.period.length);
  if (!isPeriod(period) || data.period !== period) throw new MalformedCommissionEventError(event, `period ${JSON.stringify(data.period)} is not the stream's quarter`);
  const ref = factRef(event);
  const change: PeriodFact = event.type === 'CommissionPeriodClosed'
    ? { ref, period, change: 'closed', ...required(event, { closedBy: text(data.closedBy), closedAt: utc(data.closedAt) }) }
    : { ref, period, change: 'reopened', ...required(event, { reopenedBy: text(data.reopenedBy), reason: text(data.reason) }) };
  return { kind: 'period', period, changes: [...(doc?.changes ?? []), change], revision: event.revision };
}
