import { Line } from './commission-types';
import { LiveChange } from './sse';

/** What the commission page shows: whose pay, which quarter, and the deals and plans its answers named. */
export interface CommissionView {
  readonly personId: string;
  readonly period: string;
  readonly dealIds: ReadonlySet<string>;
  readonly planIds: ReadonlySet<string>;
}

/** Which of the page's answers a change may alter. */
export interface CommissionReload {
  readonly statement: boolean;
  readonly estimate: boolean;
}

/** Deal events that change what a statement pays or holds back: a close, a corrected won amount, a reversal (clawback), a go-live, an approved change (a split, a backdated close), a split. */
const STATEMENT_EVENTS = new Set(['DealClosedWon', 'WonAmountCorrected', 'WonDealReversed', 'DealWentLive', 'DealChangeApproved', 'CreditSplitsSet']);
/** Deal events that change the estimate on open deals: a deal opened, closed or reversed, its amount, its stage (the probability), its credit. */
const ESTIMATE_EVENTS = new Set([
  'DealOpened', 'AmountChanged', 'StageAdvanced', 'StageOverridden', 'DealClosedWon', 'DealClosedLost', 'WonDealReversed', 'DealChangeApproved', 'CreditSplitsSet',
]);

type Doc = Record<string, unknown>;
const isDoc = (v: unknown): v is Doc => typeof v === 'object' && v !== null;
const names = (list: unknown, personId: string) => Array.isArray(list) && list.some((m) => isDoc(m) && m.userId === personId);

/** A deal-summary document of the person's: they own it or are on its team (now or before), or the page shows the deal. */
function dealConcerns(doc: Doc, view: CommissionView): boolean {
  return doc.ownerId === view.personId || names(doc.team, view.personId) || names(doc.everOnTeam, view.personId)
    || (typeof doc.dealId === 'string' && view.dealIds.has(doc.dealId));
}

/** A commission-facts document (the feed of finance, sales-ops and admins): only those whose change can alter this person's pay. */
function factsReload(doc: Doc, eventType: string, view: CommissionView): CommissionReload | undefined {
  const both = { statement: true, estimate: true };
  switch (doc.kind) {
    case 'deal': {
      const deal = isDoc(doc.deal) ? doc.deal : {};
      const splits = Array.isArray(deal.splits) ? deal.splits.filter(isDoc) : [];
      const credited = splits.some((s) => names(s.revenue, view.personId) || names(s.overlay, view.personId));
      const shown = typeof deal.dealId === 'string' && view.dealIds.has(deal.dealId);
      return deal.ownerId === view.personId || credited || shown ? both : undefined;
    }
    case 'dispute':
      // Only an acceptance pays: adjustments to this person (raised by anyone), once accepted.
      return eventType === 'DisputeAccepted' && names(doc.adjustments, view.personId) ? { statement: true, estimate: false } : undefined;
    case 'period':
      return doc.period === view.period ? { statement: true, estimate: false } : undefined;
    case 'assignment':
      return doc.userId === view.personId ? both : undefined;
    case 'plan':
      return typeof doc.planId === 'string' && view.planIds.has(doc.planId) ? both : undefined;
    default:
      return undefined;
  }
}

/**
 * Whether a live change concerns the commission page, and which of its answers to read again.
 * Undefined when it does not: another person's deal, an event that moves no pay.
 */
export function commissionReload(change: LiveChange, view: CommissionView): CommissionReload | undefined {
  if (!isDoc(change.doc)) return undefined;
  if (change.projection === 'commission-facts') return factsReload(change.doc, change.eventType, view);
  if (change.projection !== 'deal-summary' || !dealConcerns(change.doc, view)) return undefined;
  const reload = { statement: STATEMENT_EVENTS.has(change.eventType), estimate: ESTIMATE_EVENTS.has(change.eventType) };
  return reload.statement || reload.estimate ? reload : undefined;
}

/** The deals and plans a statement and an estimate name, for commissionReload. */
export function viewOf(personId: string, period: string, lines: readonly Line[], otherDealIds: readonly string[]): CommissionView {
  const dealIds = new Set([...lines.map((l) => l.lineage.dealId).filter((id): id is string => !!id), ...otherDealIds]);
  const planIds = new Set(lines.map((l) => l.lineage.plan?.planId).filter((id): id is string => !!id));
  return { personId, period, dealIds, planIds };
}

/** The lines new or changed (amount, due date or kind) since the page last showed the statement: those to highlight. */
export function changedLines(before: readonly Line[], after: readonly Line[]): ReadonlySet<string> {
  const was = new Map(before.map((l) => [l.lineId, l]));
  return new Set(after.filter((l) => {
    const old = was.get(l.lineId);
    return !old || old.amountMinor !== l.amountMinor || old.currency !== l.currency || old.dueAt !== l.dueAt || old.kind !== l.kind;
  }).map((l) => l.lineId));
}
