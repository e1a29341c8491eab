import { DealTeamRole } from '@deals/domain';
import { entriesWithPrefix, ReadModel } from '../projection';
import {
  ActivitySpan, AuditDocument, auditDealKey, auditPersonDealKey, auditPersonPrefix, DealAuditDocument, NamedInEvent,
  PersonDealDocument, PersonDealRecord, RecordedByPerson, RoleInterval, TeamMembership, TimelineEntry,
} from './audit.document';
import { spanOf } from './activity-span';
import { AuditPeriod, Bounds, boundsOf, overlaps, timeOf, within } from './audit-period';

/*
 * Pure reads over the audit read model. They take their period as parameters and never read
 * a clock, so the same query over a model folded up to a past position answers "as of" then.
 * `undefined` means the deal or person is unknown (404); a known one with nothing in the
 * period answers empty.
 */

export interface TimelineQuery extends AuditPeriod {
  readonly offset: number;
  readonly limit: number;
}

export interface DealTimelineView {
  readonly dealId: string;
  readonly name?: string;
  readonly account?: { readonly name: string; readonly industry?: string };
  readonly ownerId?: string;
  /** The team after the last event folded into the model. */
  readonly team: readonly TeamMembership[];
  /** Entries in the period, before paging. */
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  /** Ordered by the chosen time basis, then by position. */
  readonly entries: readonly TimelineEntry[];
}

export interface PersonDealView {
  readonly dealId: string;
  readonly name?: string;
  readonly account?: { readonly name: string; readonly industry?: string };
  readonly isOwner: boolean;
  /** Roles held at some time in the period. */
  readonly roles: readonly RoleInterval[];
  /** Events they recorded in the period. */
  readonly recorded: readonly RecordedByPerson[];
  /** Events in the period that named them (owner, team changes, hand-off). */
  readonly namedIn: readonly NamedInEvent[];
  /** Span of `recorded`. */
  readonly activity?: ActivitySpan;
}

export interface PersonDealsView {
  readonly personId: string;
  /** Deals with activity or a role in the period, in order of first involvement. */
  readonly deals: readonly PersonDealView[];
}

export interface DealWorkedSummary {
  readonly dealId: string;
  readonly name?: string;
  readonly isOwner: boolean;
  /** Distinct roles held in the period. */
  readonly roles: readonly DealTeamRole[];
  readonly eventsRecorded: number;
  readonly activity?: ActivitySpan;
}

export interface DealParticipant {
  readonly personId: string;
  readonly isOwner: boolean;
  readonly roles: readonly RoleInterval[];
  readonly eventsRecorded: number;
  readonly activity?: ActivitySpan;
}

export function dealTimeline(model: ReadModel<AuditDocument>, dealId: string, query: TimelineQuery): DealTimelineView | undefined {
  const deal = dealDoc(model, dealId);
  if (!deal) return undefined;
  const bounds = boundsOf(query);
  const entries = deal.timeline
    .filter((entry) => within(entry, bounds))
    .sort((a, b) => timeOf(a, bounds.basis) - timeOf(b, bounds.basis) || a.position - b.position);
  const offset = count(query.offset);
  const limit = count(query.limit);
  return {
    dealId: deal.dealId,
    ...(deal.name === undefined ? {} : { name: deal.name }),
    ...(deal.account === undefined ? {} : { account: deal.account }),
    ...(deal.ownerId === undefined ? {} : { ownerId: deal.ownerId }),
    team: deal.team,
    total: entries.length,
    offset,
    limit,
    entries: entries.slice(offset, offset + limit),
  };
}

export function personDeals(model: ReadModel<AuditDocument>, personId: string, period: AuditPeriod): PersonDealsView | undefined {
  const records = personDealDocs(model, personId);
  if (records.length === 0) return undefined;
  const bounds = boundsOf(period);
  const deals = records
    .map((record) => dealView(model, record, bounds))
    .filter((view) => view.roles.length > 0 || view.recorded.length > 0);
  return { personId, deals };
}

/** One line per deal the person worked in the period: "which deals, in which roles, how much". */
export function dealsWorkedBy(model: ReadModel<AuditDocument>, personId: string, period: AuditPeriod): DealWorkedSummary[] | undefined {
  return personDeals(model, personId, period)?.deals.map((view) => ({
    dealId: view.dealId,
    ...(view.name === undefined ? {} : { name: view.name }),
    isOwner: view.isOwner,
    roles: [...new Set(view.roles.map((r) => r.role))],
    eventsRecorded: view.recorded.length,
    ...(view.activity === undefined ? {} : { activity: view.activity }),
  }));
}

/** Who worked the deal in the period, with their roles on it and how much they recorded. */
export function dealParticipants(model: ReadModel<AuditDocument>, dealId: string, period: AuditPeriod): DealParticipant[] | undefined {
  const deal = dealDoc(model, dealId);
  if (!deal) return undefined;
  const bounds = boundsOf(period);
  return deal.participants.flatMap((personId) => {
    const record = personDealDoc(model, personId, dealId);
    if (!record) return [];
    const view = dealView(model, record, bounds);
    if (view.roles.length === 0 && view.recorded.length === 0) return [];
    return [{
      personId,
      isOwner: view.isOwner,
      roles: view.roles,
      eventsRecorded: view.recorded.length,
      ...(view.activity === undefined ? {} : { activity: view.activity }),
    }];
  });
}

function dealView(model: ReadModel<AuditDocument>, record: PersonDealRecord, bounds: Bounds): PersonDealView {
  const deal = dealDoc(model, record.dealId);
  const recorded = record.recorded.filter((e) => within(e, bounds));
  const activity = spanOf(recorded);
  return {
    dealId: record.dealId,
    ...(deal?.name === undefined ? {} : { name: deal.name }),
    ...(deal?.account === undefined ? {} : { account: deal.account }),
    isOwner: record.isOwner,
    roles: record.roles.filter((r) => overlaps(r, bounds)),
    recorded,
    namedIn: record.namedIn.filter((e) => within(e, bounds)),
    ...(activity === undefined ? {} : { activity }),
  };
}

function dealDoc(model: ReadModel<AuditDocument>, dealId: string): DealAuditDocument | undefined {
  const doc = model.get(auditDealKey(dealId));
  return doc?.kind === 'deal' ? doc : undefined;
}

/** The person's deals in order of first involvement; none for a person the model has never seen. */
function personDealDocs(model: ReadModel<AuditDocument>, personId: string): PersonDealDocument[] {
  return entriesWithPrefix(model, auditPersonPrefix(personId))
    .flatMap(([, doc]) => (doc.kind === 'person-deal' ? [doc] : []))
    .sort((a, b) => a.firstPosition - b.firstPosition || compare(a.dealId, b.dealId));
}

function personDealDoc(model: ReadModel<AuditDocument>, personId: string, dealId: string): PersonDealDocument | undefined {
  const doc = model.get(auditPersonDealKey(personId, dealId));
  return doc?.kind === 'person-deal' ? doc : undefined;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Paging numbers as a non-negative integer; the API validates, this only keeps slice() sane. */
function count(n: number): number {
  return Number.isNaN(n) ? 0 : Math.max(0, Math.trunc(n));
}
