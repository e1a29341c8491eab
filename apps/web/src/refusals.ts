import { ApiError } from './api';
import { adjustmentFieldLabel } from './dispute-model';
import { when } from './format';

type Details = Record<string, unknown>;

const list = (value: unknown): string => (Array.isArray(value) && value.length ? value.join(', ') : 'nobody');
/** "Adjustment 2: " for a refusal about `adjustments[1]`. */
const adjustment = (d: Details): string => (typeof d.index === 'number' ? `Adjustment ${d.index + 1}: ` : '');

/**
 * The refusals people meet on the approval screens, in their words. Any other code shows the
 * API's own message, which already names the problem.
 */
const READABLE: Record<string, (d: Details) => string | undefined> = {
  'DEAL.OWN_PROPOSAL': () => 'You proposed this change, so someone else must approve it.',
  'DEAL.APPROVER_CREDITED': () => 'You are credited on this deal or by this change, so you cannot approve it: nobody approves in their own favour.',
  'DEAL.MANAGER_APPROVAL_REQUIRED': () => 'This change is dated back beyond the limit: only a manager may approve it.',
  'DEAL.NOT_PROPOSER': (d) => `Only ${typeof d.proposedBy === 'string' ? d.proposedBy : 'the person who proposed it'}, who proposed this change, may withdraw it.`,
  'DEAL.PROPOSAL_NOT_FOUND': () => 'This change no longer waits for approval: it was approved, rejected or withdrawn meanwhile.',
  'DEAL.PROPOSAL_NO_LONGER_APPLIES': (d) =>
    `This change no longer fits the deal as it is now${typeof d.problem === 'string' ? ` (${d.problem})` : ''}: reject it and propose it again.`,
  'DEAL.REASON_REQUIRED': () => 'Give a reason.',
  'DEAL.EXIT_CRITERIA_UNMET': (d) => {
    const missing = Array.isArray(d.missing) ? d.missing.map((c: { label?: string; id?: string }) => c.label ?? c.id) : [];
    return missing.length ? `Not yet: missing ${missing.join(', ')}. Record ${missing.length === 1 ? 'it' : 'them'} on the deal page first.` : undefined;
  },
  'DEAL.OVERRIDE_FORBIDDEN': () => 'Only a manager may move a deal past unmet exit criteria.',
  'DISPUTE.OWN_DISPUTE': () => 'You raised this dispute or it is about your own pay: another finance user must decide it.',
  'DISPUTE.OWN_FAVOUR': () => 'An adjustment would pay you: another finance user must decide it.',
  'DISPUTE.SECOND_APPROVER_REQUIRED': () => 'You proposed this acceptance: a second, different finance user must approve it.',
  'DISPUTE.ADJUSTMENT_RECIPIENT': (d) =>
    `${adjustment(d)}${String(d.userId)} is neither the disputant nor credited on the disputed deal; adjustments may go to ${list(d.allowed)}.`,
  'DISPUTE.ADJUSTMENT_INVALID': (d) => `${adjustmentFieldLabel(d.field) ?? `${adjustment(d)}${String(d.field ?? 'a field')}`} ${String(d.problem ?? 'is not valid')}.`,
  'MONEY.INVALID': (d) => {
    const label = adjustmentFieldLabel(d.field);
    return label && typeof d.minorUnit === 'number' ? `${label} ${JSON.stringify(d.value)} has more decimals than ${String(d.currency)} has (${d.minorUnit}).` : undefined;
  },
  'DISPUTE.ADJUSTMENT_CURRENCY': (d) => `${adjustment(d)}${String(d.userId)}'s plan in ${String(d.period)} pays in ${String(d.planCurrency)}, not ${String(d.currency)}.`,
  'DISPUTE.ADJUSTMENT_PERIOD': (d) => `${adjustment(d)}the period must be between ${String(d.earliest)} and ${String(d.latest)}.`,
  'DISPUTE.AWAITING_APPROVAL': (d) => `An acceptance by ${String(d.proposedBy)} waits for a second approval; approve or send it back first.`,
  'DISPUTE.ALREADY_RESOLVED': (d) => `This dispute was already ${String(d.status)}; a resolution is final.`,
  'DISPUTE.NOTHING_TO_APPROVE': () => 'No acceptance of this dispute waits for approval any more.',
  'COMMISSION.PERIOD_CLOSED': (d) => `${String(d.period)} is closed: put the adjustment in an open period, or reopen ${String(d.period)} first.`,
  'COMMISSION.PERIOD_NOT_ENDED': (d) => `The quarter has not ended yet${typeof d.endsAt === 'string' ? ` (it ends ${when(d.endsAt)})` : ''}; close it after its end.`,
  'COMMISSION.PERIOD_ALREADY_CLOSED': (d) => `Already closed by ${String(d.closedBy)} on ${when(String(d.closedAt))}; reopen it first to close it anew.`,
  'COMMISSION.PERIOD_NOT_CLOSED': () => 'This quarter is not closed, so there is nothing to reopen.',
  'READ.NOT_YET_AT_POSITION': () => 'Done, but this page has not caught up with it yet; reload in a moment.',
};

/** What to tell the user about a failed call. */
export function refusalText(error: Error): string {
  if (!(error instanceof ApiError)) return error.message;
  const readable = READABLE[error.code];
  const details = error.details && typeof error.details === 'object' ? (error.details as Details) : {};
  return readable?.(details) ?? error.message;
}
