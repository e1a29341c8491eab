import { DealTeamRole } from '@deals/domain';
import { RecordedEvent } from '@deals/event-store';
import { AuditActor, AuditMoment, DealAuditDocument, TeamMembership, TimelineEntry } from './audit.document';
import { AuditEnvelope, namingsOf, readEnvelope, record, TeamChange, teamChangeOf, text } from './audit-envelope';
import { collectEvidence } from './audit-evidence';
import { summarize } from './audit-summary';

export function emptyDealAudit(dealId: string): DealAuditDocument {
  return { kind: 'deal', dealId, team: [], participants: [], timeline: [], lastPosition: 0 };
}

/**
 * The deal's document after one more event: one timeline entry for every event, whatever
 * its type; only team events change the team. The actor's deal roles are those held just
 * before the event (DealOpened first makes its owner known, so the opener who owns the deal
 * is its account executive).
 */
export function applyToDealAudit(doc: DealAuditDocument | undefined, e: RecordedEvent): DealAuditDocument {
  const envelope = readEnvelope(e);
  const current = doc ?? emptyDealAudit(envelope.dealId);
  if (e.position <= current.lastPosition) return current; // already folded: a redelivery changes nothing
  const opened = withOpening(current, e);
  const entry = timelineEntry(opened, e, envelope);
  const people = [envelope.actor.id, ...namingsOf(e).map((n) => n.userId)].filter((id) => id !== '');
  return {
    ...opened,
    team: withTeamChange(opened.team, teamChangeOf(e), envelope.moment),
    participants: [...new Set([...opened.participants, ...people])],
    timeline: [...opened.timeline, entry],
    lastPosition: e.position,
  };
}

/** Deal-team roles of a person on this team; the owner counts as account executive while not on it. */
export function dealRolesOf(team: readonly TeamMembership[], ownerId: string | undefined, userId: string): DealTeamRole[] {
  const roles = team.filter((m) => m.userId === userId).map((m) => m.role);
  return roles.length === 0 && userId !== '' && userId === ownerId ? ['account-executive'] : roles;
}

function timelineEntry(doc: DealAuditDocument, e: RecordedEvent, envelope: AuditEnvelope): TimelineEntry {
  const actor: AuditActor = {
    id: envelope.actor.id,
    organisationRoles: envelope.actor.roles,
    dealRoles: dealRolesOf(doc.team, doc.ownerId, envelope.actor.id),
    isOwner: envelope.actor.id !== '' && envelope.actor.id === doc.ownerId,
  };
  return {
    ...envelope.moment,
    revision: e.revision,
    type: e.type,
    schemaVersion: e.schemaVersion,
    actor,
    evidence: collectEvidence(e.data),
    summary: summarize(e.type, e.data, actor, doc.currency),
    data: e.data,
  };
}

function withOpening(doc: DealAuditDocument, e: RecordedEvent): DealAuditDocument {
  if (e.type !== 'DealOpened') return doc;
  const data = record(e.data);
  const account = record(data.account);
  const accountName = text(account.name);
  const industry = text(account.industry);
  const fields = { name: text(data.name), ownerId: text(data.ownerId), currency: text(data.currency) };
  return {
    ...doc,
    ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
    ...(accountName === undefined ? {} : { account: { name: accountName, ...(industry === undefined ? {} : { industry }) } }),
  };
}

function withTeamChange(team: readonly TeamMembership[], change: TeamChange | undefined, moment: AuditMoment): readonly TeamMembership[] {
  if (!change) return team;
  const holds = team.some((m) => m.userId === change.userId && m.role === change.role);
  if (change.added) return holds ? team : [...team, { userId: change.userId, role: change.role, since: moment }];
  return team.filter((m) => !(m.userId === change.userId && m.role === change.role));
}
