import { DealTeamRole } from '@deals/domain';

/**
 * The audit read model: "who worked which deal, when, in which role". Two kinds of
 * documents live side by side, told apart by key prefix: `deal:<dealId>` holds the deal's
 * full timeline, `person:<userId>/<dealId>` what one person did on one deal, so an event only
 * rewrites documents bounded by one deal. Plain JSON (arrays, no Maps, no undefined values)
 * so a stored document reads back equal to the one folded.
 */
export type AuditDocument = DealAuditDocument | PersonDealDocument;

export const DEAL_KEY_PREFIX = 'deal:';
export const PERSON_KEY_PREFIX = 'person:';
const PERSON_DEAL_SEPARATOR = '/';

export const auditDealKey = (dealId: string): string => `${DEAL_KEY_PREFIX}${dealId}`;

/** The prefix of every key of one person's documents; it matches no other person's keys. */
export const auditPersonPrefix = (userId: string): string => `${PERSON_KEY_PREFIX}${escapeUserId(userId)}${PERSON_DEAL_SEPARATOR}`;
export const auditPersonDealKey = (userId: string, dealId: string): string => `${auditPersonPrefix(userId)}${dealId}`;

/** The deal id of a `deal:` or `person:` key. */
export function dealIdOfKey(key: string): string | undefined {
  if (key.startsWith(DEAL_KEY_PREFIX)) return key.slice(DEAL_KEY_PREFIX.length);
  const separator = key.startsWith(PERSON_KEY_PREFIX) ? key.indexOf(PERSON_DEAL_SEPARATOR, PERSON_KEY_PREFIX.length) : -1;
  return separator < 0 ? undefined : key.slice(separator + 1);
}

/** The user id of a `person:` key. */
export function personIdOfKey(key: string): string {
  const end = key.indexOf(PERSON_DEAL_SEPARATOR, PERSON_KEY_PREFIX.length);
  const escaped = key.slice(PERSON_KEY_PREFIX.length, end < 0 ? undefined : end);
  return escaped.replace(/%([0-9a-f]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/*
 * User ids enter as [A-Za-z0-9._@-] (USER_ID), which has no '/', but the audit folds any stored
 * event, and the deal decider only asks for non-blank text. So every other UTF-16 unit, '%' and
 * '/' included, is written as %xxxx: an escaped id never holds the separator, and no two ids
 * escape alike, so a person's prefix cannot reach into another person's keys.
 */
function escapeUserId(userId: string): string {
  return userId.replace(/[^A-Za-z0-9._@-]/g, (unit) => `%${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One event's place in both times and in `$all`. */
export interface AuditMoment {
  readonly position: number;
  readonly eventId: string;
  readonly commandId: string;
  /** Business time (may be backdated). */
  readonly occurredAt: string;
  /** When the store committed the event. */
  readonly recordedAt: string;
}

/** A piece of evidence found anywhere in an event's data. */
export interface AuditEvidence {
  /** Where in the event's data it was found, e.g. `satisfiedBy[2].evidence[0]`. */
  readonly path: string;
  /** The exit criterion it satisfied, when it sits under one. */
  readonly criterionId?: string;
  readonly kind: string;
  readonly ref: string;
  readonly url?: string;
  readonly note?: string;
}

export interface AuditActor {
  readonly id: string;
  /** Organisation roles at the time (rep, manager, ...), as the event carries them. */
  readonly organisationRoles: readonly string[];
  /** Deal-team roles held just before the event; the owner counts as account-executive when not on the team. */
  readonly dealRoles: readonly DealTeamRole[];
  readonly isOwner: boolean;
}

export interface TimelineEntry extends AuditMoment {
  readonly revision: number;
  /** Any type, known or not: an audit shows everything. */
  readonly type: string;
  readonly schemaVersion: number;
  readonly actor: AuditActor;
  readonly evidence: readonly AuditEvidence[];
  /** e.g. "ana (account-executive) recorded the buyer's recap confirmation". */
  readonly summary: string;
  /** The event's data as stored. */
  readonly data: unknown;
}

export interface TeamMembership {
  readonly userId: string;
  readonly role: DealTeamRole;
  readonly since: AuditMoment;
}

export interface DealAuditDocument {
  readonly kind: 'deal';
  readonly dealId: string;
  /** Name, account, owner and currency are known once DealOpened is seen. */
  readonly name?: string;
  readonly account?: { readonly name: string; readonly industry?: string };
  readonly ownerId?: string;
  readonly currency?: string;
  /** The team now (after the last event folded). */
  readonly team: readonly TeamMembership[];
  /** Everyone who recorded an event on the deal or was named by one, in order of first appearance. */
  readonly participants: readonly string[];
  /** Every event of the deal, in stream order. */
  readonly timeline: readonly TimelineEntry[];
  readonly lastPosition: number;
}

/**
 * A role held on one deal. `basis: 'owner'` is the account-executive role the owner holds
 * implicitly while not on the team. `to` is absent while the role is held.
 */
export interface RoleInterval {
  readonly role: DealTeamRole;
  readonly basis: 'team' | 'owner';
  readonly from: AuditMoment;
  readonly to?: AuditMoment;
}

/** An event the person recorded (they were its actor). */
export interface RecordedByPerson extends AuditMoment {
  readonly type: string;
  readonly revision: number;
  readonly dealRoles: readonly DealTeamRole[];
}

/** An event whose data names the person: as owner, team member or post-close lead. */
export interface NamedInEvent extends AuditMoment {
  readonly type: string;
  readonly as: 'owner' | DealTeamRole;
  /** Who recorded it. */
  readonly by: string;
}

export interface ActivitySpan {
  readonly firstOccurredAt: string;
  readonly lastOccurredAt: string;
  readonly firstRecordedAt: string;
  readonly lastRecordedAt: string;
}

export interface PersonDealRecord {
  readonly dealId: string;
  readonly isOwner: boolean;
  readonly roles: readonly RoleInterval[];
  readonly recorded: readonly RecordedByPerson[];
  readonly namedIn: readonly NamedInEvent[];
  /** Span of the events they recorded; absent when they recorded none. */
  readonly activity?: ActivitySpan;
  /** Position of the first event that involved them on this deal. */
  readonly firstPosition: number;
}

/** What one person did on one deal, under `person:<userId>/<dealId>`. */
export interface PersonDealDocument extends PersonDealRecord {
  readonly kind: 'person-deal';
  readonly personId: string;
  /** Position of the last event folded in, so a redelivery changes nothing. */
  readonly lastPosition: number;
}
