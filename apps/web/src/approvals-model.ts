import { bp, day, daysBack, decimalMoney, money, when } from './format';
import { Split, splitText } from './split-model';

/** A change to a deal waiting for approval, as `GET /approvals` lists it. */
export interface DealChangeItem {
  readonly kind?: 'deal-change';
  readonly dealId: string; readonly dealName: string; readonly ownerId: string; readonly currency: string;
  readonly proposalId: string; readonly type: string; readonly data: unknown;
  readonly proposedBy: string; readonly proposedAt?: string; readonly occurredAt: string;
  readonly reasons: readonly string[];
}

/** A change as `GET /deals/:id` holds it in `state.pendingChanges`. */
export interface PendingChange {
  readonly proposalId: string; readonly change: { readonly type: string; readonly data: unknown };
  readonly occurredAt: string; readonly proposedBy: string; readonly proposedAt?: string; readonly reasons: readonly string[];
}

/** What the approval screens show of one waiting item, whatever its kind. */
export interface ApprovalView {
  readonly key: string;
  readonly kind: string;
  /** "Credit split", "Close won", or the kind in words for an item this page does not know. */
  readonly what: string;
  readonly summary: string;
  readonly dealId?: string;
  readonly dealName?: string;
  readonly proposedBy?: string;
  readonly proposedAt?: string;
  /** The business time the change is for. */
  readonly occurredAt?: string;
  readonly reasons: readonly string[];
  /** Set on a deal change (reviewed at /deals/:dealId/changes/:proposalId) and on terms waiting for the deal desk (decided at /deals/:dealId/deal-desk/:proposalId). */
  readonly proposalId?: string;
}

/** Terms waiting for the deal desk, as `GET /approvals` lists them (`kind: 'deal-desk'`). */
export interface DealDeskItem {
  readonly kind: 'deal-desk';
  readonly dealId: string; readonly dealName: string; readonly ownerId: string; readonly currency: string;
  readonly proposalId: string; readonly proposedBy: string; readonly proposedAt?: string;
  readonly reasons: readonly string[];
  readonly data?: {
    readonly priceMinor?: number; readonly referenceMinor?: number; readonly discountBp?: number;
    readonly paymentTerms?: string; readonly paymentTermsDays?: number;
    readonly limits?: { readonly maxDiscountBp?: number; readonly floorPriceMinor?: number; readonly maxPaymentTermsDays?: number };
  };
}

const LABELS: Record<string, string> = {
  SetCreditSplits: 'Credit split', CloseWon: 'Close won', GoLive: 'Go-live', ChangeAmount: 'Amount change',
  AddTeamMember: 'Team member added', RemoveTeamMember: 'Team member removed',
};

/** "SetCreditSplits" → "Set credit splits", "deal-desk" → "Deal desk". */
export function words(name: string): string {
  const spaced = name.replace(/[-_]+/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').trim().toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

type Data = Record<string, unknown>;
const isObject = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An amount in a command: minor units, or decimal text (`{decimal: "100.50"}`) in the deal's currency. */
function amountText(value: unknown, currency: string): string | undefined {
  if (typeof value === 'number') return money(value, currency);
  if (isObject(value) && typeof value.decimal === 'string') return decimalMoney(value.decimal, currency);
  return undefined;
}

/** Any data, flat and short: "userId: ana.ae; role: sales-engineer". */
export function dataText(data: unknown): string {
  if (!isObject(data)) return data === undefined || data === null ? '' : String(data);
  return Object.entries(data)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${words(k).toLowerCase()}: ${isObject(v) || Array.isArray(v) ? JSON.stringify(v) : String(v)}`)
    .join('; ');
}

/** What a proposed deal command would do, in a line. */
export function changeSummary(type: string, data: unknown, occurredAt: string, currency: string): string {
  const d = isObject(data) ? data : {};
  const reason = typeof d.reason === 'string' && d.reason ? ` — “${d.reason}”` : '';
  switch (type) {
    case 'SetCreditSplits':
      return Array.isArray(d.revenue) ? `${splitText(d as unknown as Split)}${reason}` : dataText(data);
    case 'CloseWon': {
      const amount = amountText(d.amountMinor, currency);
      const order = isObject(d.signedOrder) && typeof d.signedOrder.ref === 'string' ? `, signed order ${d.signedOrder.ref}` : '';
      return `won, dated ${day(occurredAt)}${amount ? `, for ${amount}` : ''}${order}`;
    }
    case 'GoLive':
      return `live, dated ${day(occurredAt)}`;
    case 'ChangeAmount': {
      const amount = amountText(d.expectedAmountMinor, currency);
      return `amount to ${amount ?? '?'}${reason}`;
    }
    case 'AddTeamMember':
      return `add ${String(d.userId)} as ${String(d.role)}`;
    case 'RemoveTeamMember':
      return `remove ${String(d.userId)} as ${String(d.role)}`;
    default:
      return dataText(data);
  }
}

/** Why it waits, in words. */
export function reasonText(reason: string, occurredAt?: string, proposedAt?: string): string {
  switch (reason) {
    case 'after-close': return 'changes credit after the close';
    case 'names-others': return 'names others in the split';
    case 'discount': return 'discount beyond the deal desk\'s limit';
    case 'payment-terms': return 'payment terms longer than the deal desk allows, or not in days';
    case 'backdated':
      return occurredAt && proposedAt ? `dated ${daysBack(occurredAt, proposedAt)} days back, more than allowed without approval` : 'dated back beyond the limit';
    default: return words(reason).toLowerCase();
  }
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** What terms waiting for the deal desk are, against the reference and the limits. */
export function dealDeskSummary(item: Pick<DealDeskItem, 'data' | 'currency'>): string {
  const d = item.data ?? {};
  const limits = d.limits ?? {};
  const parts: string[] = [];
  if (typeof d.priceMinor === 'number') {
    const off = typeof d.discountBp === 'number' && typeof d.referenceMinor === 'number'
      ? `, ${bp(d.discountBp)} off ${money(d.referenceMinor, item.currency)}${typeof limits.maxDiscountBp === 'number' ? ` (limit ${bp(limits.maxDiscountBp)})` : ''}`
      : '';
    parts.push(`price ${money(d.priceMinor, item.currency)}${off}`);
  }
  if (typeof d.paymentTerms === 'string') {
    const limit = typeof limits.maxPaymentTermsDays === 'number' ? ` (limit ${limits.maxPaymentTermsDays} days)` : '';
    parts.push(`payment terms “${d.paymentTerms}”${typeof d.paymentTermsDays === 'number' ? `, ${d.paymentTermsDays} days` : ''}${limit}`);
  }
  return parts.join('; ');
}

/**
 * One item of `GET /approvals`. Deal changes (`kind: 'change'`, `deal-change` or none) and terms
 * waiting for the deal desk (`deal-desk`) are described in full and may be acted on here; any
 * other kind is shown with what it says about itself, no actions.
 */
export function approvalView(item: unknown): ApprovalView {
  const raw = isObject(item) ? item : {};
  const given = text(raw.kind);
  const kind = given === undefined || given === 'change' ? 'deal-change' : given;
  if (kind === 'deal-desk' && typeof raw.proposalId === 'string' && typeof raw.dealId === 'string') {
    const d = raw as unknown as DealDeskItem;
    return {
      key: d.proposalId, kind, what: 'Terms for the deal desk', summary: dealDeskSummary(d),
      dealId: d.dealId, dealName: d.dealName, proposedBy: d.proposedBy, proposedAt: d.proposedAt, occurredAt: d.proposedAt,
      reasons: (d.reasons ?? []).map((r) => reasonText(r)), proposalId: d.proposalId,
    };
  }
  if (kind === 'deal-change' && typeof raw.proposalId === 'string' && typeof raw.type === 'string') {
    const c = raw as unknown as DealChangeItem;
    return {
      key: c.proposalId, kind, what: LABELS[c.type] ?? words(c.type), summary: changeSummary(c.type, c.data, c.occurredAt, c.currency),
      dealId: c.dealId, dealName: c.dealName, proposedBy: c.proposedBy, proposedAt: c.proposedAt, occurredAt: c.occurredAt,
      reasons: (c.reasons ?? []).map((r) => reasonText(r, c.occurredAt, c.proposedAt)), proposalId: c.proposalId,
    };
  }
  const { kind: _kind, dealId, dealName, data, reasons, ...rest } = raw;
  const by = text(raw.proposedBy) ?? text(raw.requestedBy);
  const at = text(raw.proposedAt) ?? text(raw.requestedAt);
  const known = new Set(['proposedBy', 'requestedBy', 'proposedAt', 'requestedAt', 'occurredAt', 'ownerId', 'currency']);
  return {
    key: text(raw.proposalId) ?? text(raw.requestId) ?? text(raw.id) ?? JSON.stringify(raw),
    kind, what: words(kind) + (text(raw.type) ? ` · ${words(String(raw.type))}` : ''),
    summary: dataText(data ?? Object.fromEntries(Object.entries(rest).filter(([k]) => !known.has(k) && !/id$/i.test(k) && k !== 'type'))),
    dealId: text(dealId), dealName: text(dealName), proposedBy: by, proposedAt: at, occurredAt: text(raw.occurredAt),
    reasons: Array.isArray(reasons) ? reasons.map((r) => (typeof r === 'string' ? reasonText(r) : dataText(r))) : [],
  };
}

/** A deal's own pending change, described like the approval list does. */
export function pendingView(p: PendingChange, deal: { dealId: string; name: string; ownerId: string; currency: string }): ApprovalView {
  return approvalView({
    dealId: deal.dealId, dealName: deal.name, ownerId: deal.ownerId, currency: deal.currency,
    proposalId: p.proposalId, type: p.change.type, data: p.change.data,
    proposedBy: p.proposedBy, proposedAt: p.proposedAt, occurredAt: p.occurredAt, reasons: p.reasons,
  } satisfies DealChangeItem);
}

/** The deal desk's request as `GET /deals/:id` holds it in `state.dealDesk`. */
export interface DealDeskState {
  readonly requestId: string; readonly status: 'pending' | 'approved' | 'rejected'; readonly requestedBy: string;
  readonly reasons: readonly string[]; readonly requestedAt?: string;
  readonly decidedBy?: string; readonly decidedAt?: string; readonly decisionReason?: string;
}

/** A deal's own request to the deal desk, described like the approval list does (without the figures, which the list has). */
export function dealDeskView(d: DealDeskState, deal: { dealId: string; name: string; ownerId: string; currency: string }): ApprovalView {
  return approvalView({
    kind: 'deal-desk', dealId: deal.dealId, dealName: deal.name, ownerId: deal.ownerId, currency: deal.currency,
    proposalId: d.requestId, proposedBy: d.requestedBy, proposedAt: d.requestedAt, reasons: d.reasons,
  } satisfies DealDeskItem);
}

/** "proposed 2026-04-02 09:00 UTC, business time 2026-03-20 15:00 UTC"; the business time only when it differs by an hour or more. */
export function timesText(v: ApprovalView): string {
  const apart = v.proposedAt && v.occurredAt ? Math.abs(new Date(v.proposedAt).getTime() - new Date(v.occurredAt).getTime()) : Infinity;
  return [v.proposedAt ? `proposed ${when(v.proposedAt)}` : '', v.occurredAt && apart >= 3_600_000 ? `business time ${when(v.occurredAt)}` : '']
    .filter(Boolean).join(', ');
}
