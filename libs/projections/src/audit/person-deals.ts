import { RecordedEvent } from '@deals/event-store';
import { PersonAuditDocument, PersonDealRecord } from './audit.document';
import { widen } from './activity-span';
import { namingsOf, ownerOf, readEnvelope, teamChangeOf } from './audit-envelope';
import { addRole, becomeOwner, heldRoles, removeRole } from './role-intervals';

export function emptyPersonAudit(personId: string): PersonAuditDocument {
  return { kind: 'person', personId, deals: [], lastPosition: 0 };
}

/**
 * The person's document after one more event. The document is self-sufficient: it sees every
 * event that changes the person's roles (DealOpened naming them owner, team events naming
 * them), so the roles it records for their own events equal the deal timeline's.
 */
export function applyToPersonAudit(
  doc: PersonAuditDocument | undefined, e: RecordedEvent, personId: string,
): PersonAuditDocument | undefined {
  const envelope = readEnvelope(e);
  const namings = namingsOf(e).filter((n) => n.userId === personId);
  const isActor = envelope.actor.id === personId;
  if (!isActor && namings.length === 0) return doc;
  const current = doc ?? emptyPersonAudit(personId);
  if (e.position <= current.lastPosition) return current; // already folded: a redelivery changes nothing

  const { moment } = envelope;
  const existing = current.deals.find((d) => d.dealId === envelope.dealId);
  let deal: PersonDealRecord = existing ?? newDealRecord(envelope.dealId, moment.position);
  if (ownerOf(e) === personId) deal = { ...deal, ...becomeOwner(deal, moment) };
  if (isActor) {
    deal = {
      ...deal,
      recorded: [...deal.recorded, { ...moment, type: e.type, revision: e.revision, dealRoles: heldRoles(deal) }],
      activity: widen(deal.activity, moment),
    };
  }
  deal = { ...deal, namedIn: [...deal.namedIn, ...namings.map((n) => ({ ...moment, type: e.type, as: n.as, by: envelope.actor.id }))] };
  const change = teamChangeOf(e);
  if (change && change.userId === personId) {
    deal = { ...deal, ...(change.added ? addRole(deal, change.role, moment) : removeRole(deal, change.role, moment)) };
  }

  const deals = existing ? current.deals.map((d) => (d === existing ? deal : d)) : [...current.deals, deal];
  return { ...current, deals, lastPosition: e.position };
}

function newDealRecord(dealId: string, position: number): PersonDealRecord {
  return { dealId, isOwner: false, roles: [], recorded: [], namedIn: [], firstPosition: position };
}
