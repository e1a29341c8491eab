import { DealEventOf, DealEventType, formatMoney } from '@deals/domain';
import { AuditActor } from './audit.document';

type Phrase<T extends DealEventType> = (data: DealEventOf<T>['data'], currency: string) => string;

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');
const money = (minor: number, currency: string): string => `${formatMoney(minor, currency)} ${currency}`.trim();

const REASON_WORDS: Record<string, string> = {
  'after-close': 'changes credit after the close', 'names-others': 'names others in the split', backdated: 'backdated beyond the limit',
};

/** What the actor did, in the words a sales-ops reader uses. */
const PHRASES: { readonly [T in DealEventType]: Phrase<T> } = {
  DealOpened: (d) => `opened the deal "${d.name}" for ${d.account.name}, owned by ${d.ownerId}`,
  TeamMemberAdded: (d) => `added ${d.userId} to the team as ${d.role}${d.access === undefined ? '' : ` (${d.access} access)`}${
    d.source === undefined ? '' : d.source.kind === 'default-team' ? ` from ${d.source.ownerId}'s default team` : ` from the account team of ${d.source.account}`}`,
  TeamMemberRemoved: (d) => `removed ${d.userId} from the team as ${d.role}`,
  CreditSplitsSet: (d) => `set the credit splits: revenue ${d.revenue.map((s) => `${s.userId} ${s.shareBp / 100}%`).join(', ')}${d.overlay.length ? `; overlay ${d.overlay.map((s) => `${s.userId} ${s.shareBp / 100}%`).join(', ')}` : ''}`,
  ContactMade: (d) => `recorded first contact by ${d.channel}`,
  BuyerResponded: () => `recorded the buyer's response`,
  MeetingBooked: (d) => `recorded the first meeting booked for ${d.scheduledFor}`,
  DecisionMakerConfirmed: (d) => `confirmed the decision maker ${d.contactName}`,
  BudgetNoted: (d, c) => `noted the buyer's budget (${d.minMinor === undefined ? '' : `${money(d.minMinor, c)} to `}${money(d.maxMinor, c)})`,
  DecisionTimeframeNoted: (d) => `noted the buyer's decision timeframe (by ${d.decisionBy})`,
  DemoHeld: (d) => `recorded the demo (attended: ${yesNo(d.attended)}, questions answered: ${yesNo(d.questionsAnswered)})`,
  NextMeetingScheduled: (d) => `recorded the next meeting scheduled for ${d.scheduledFor}`,
  RecapEmailSent: () => `recorded the recap email sent`,
  RecapConfirmedByBuyer: () => `recorded the buyer's recap confirmation`,
  ProposalDelivered: () => `recorded the proposal delivered`,
  ProposalAcknowledged: () => `recorded the buyer's acknowledgement of the proposal`,
  TermsAgreed: (d, c) => `recorded the terms agreed (price ${money(d.priceMinor, c)}, ${d.paymentTerms}, ${d.deliveryTimeline})`,
  BuyerFactRecorded: (d) => `recorded ${d.factType}${Object.keys(d.attributes).length > 0 ? ` (${Object.entries(d.attributes).map(([k, v]) => `${k}: ${String(v)}`).join(', ')})` : ''}`,
  DealPipelineMigrated: (d) => {
    const missing = d.finding.criteria.filter((c) => !c.met).map((c) => c.criterionId);
    return `moved the deal from ${d.pipelineId} v${d.fromVersion} to v${d.toVersion}, in ${d.stageId}${d.stageId === d.fromStageId ? '' : ` (was ${d.fromStageId})`}${missing.length > 0 ? ` (missing: ${missing.join(', ')})` : ''}`;
  },
  AmountChanged: (d, c) =>
    `changed the expected amount from ${money(d.previousAmountMinor, c)} to ${money(d.expectedAmountMinor, c)}: ${d.reason}`,
  StageAdvanced: (d) => `advanced the deal from ${d.fromStageId} to ${d.toStageId}`,
  StageOverridden: (d) =>
    `overrode the stage from ${d.fromStageId} to ${d.toStageId}` +
    `${d.missingCriteria.length > 0 ? ` (missing: ${d.missingCriteria.join(', ')})` : ''}: ${d.reason}`,
  DealClosedWon: (d, c) => `closed the deal won at ${money(d.amountMinor, c)}`,
  DealClosedLost: (d) => `closed the deal lost from ${d.fromStageId}: ${d.reason}`,
  WonDealReversed: (d) => `reversed the win: ${d.reason}`,
  DealHandedToImplementation: (d) =>
    `handed the deal to implementation (lead ${d.implementationLeadId}, customer success ${d.customerSuccessManagerId})`,
  ImplementationStarted: () => `recorded implementation started`,
  DealWentLive: () => `recorded the customer live`,
  WonAmountCorrected: (d, c) =>
    `corrected the won amount from ${money(d.previousAmountMinor, c)} to ${money(d.amountMinor, c)}: ${d.reason}`,
  DealChangeProposed: (d) =>
    `proposed ${d.change.type} dated ${d.occurredAt}, waiting for approval (${d.reasons.map((r) => REASON_WORDS[r] ?? r).join(', ')})`,
  DealChangeApproved: (d) => `approved ${d.proposedBy}'s change ${d.proposalId}${d.reason ? `: ${d.reason}` : ''}`,
  DealChangeRejected: (d) => `rejected ${d.proposedBy}'s change ${d.proposalId}: ${d.reason}`,
  DealChangeWithdrawn: (d) => `withdrew the change ${d.proposalId}`,
  DealDeskApprovalRequested: (d, c) => `asked a manager to approve the terms (deal desk request ${d.requestId}): ${dealDeskFindings(d, c)}`,
  DealDeskApproved: (d) => `approved ${d.requestedBy}'s terms beyond the deal desk's limits (request ${d.requestId}): ${d.reason}`,
  DealDeskRejected: (d) => `rejected ${d.requestedBy}'s terms beyond the deal desk's limits (request ${d.requestId}): ${d.reason}`,
};

/** "30.00% off 100,000.00 EUR (limit 15.00%); payment terms "Net 90" are 90 days (limit 60)". */
function dealDeskFindings(d: DealEventOf<'DealDeskApprovalRequested'>['data'], currency: string): string {
  const percent = (bp: number) => `${(bp / 100).toFixed(2)}%`;
  const findings: string[] = [];
  if (d.reasons.includes('discount')) {
    findings.push(`${percent(d.discountBp)} off ${money(d.referenceMinor, currency)} (limit ${percent(d.limits.maxDiscountBp)}, lowest price within it ${money(d.limits.floorPriceMinor, currency)})`);
  }
  if (d.reasons.includes('payment-terms')) {
    const days = d.paymentTermsDays === undefined ? 'cannot be read as a number of days' : `are ${d.paymentTermsDays} days`;
    findings.push(`payment terms "${d.paymentTerms}" ${days} (limit ${d.limits.maxPaymentTermsDays})`);
  }
  return findings.join('; ');
}

/** "ana (account-executive) recorded the buyer's recap confirmation". */
export function summarize(type: string, data: unknown, actor: AuditActor, currency = ''): string {
  return `${actorLabel(actor)} ${describe(type, data, currency)}`;
}

function describe(type: string, data: unknown, currency: string): string {
  if (!Object.prototype.hasOwnProperty.call(PHRASES, type)) return `recorded ${type}`;
  const phrase = PHRASES[type as DealEventType] as Phrase<DealEventType>;
  try {
    return phrase(data as never, currency);
  } catch {
    // Data that does not match its type still belongs in the audit, just less eloquently.
    return `recorded ${type}`;
  }
}

function actorLabel(actor: AuditActor): string {
  const id = actor.id === '' ? 'someone' : actor.id;
  if (actor.dealRoles.length > 0) return `${id} (${actor.dealRoles.join(', ')})`;
  const roles = [...actor.organisationRoles, 'not on the deal team'];
  return `${id} (${roles.join(', ')})`;
}
